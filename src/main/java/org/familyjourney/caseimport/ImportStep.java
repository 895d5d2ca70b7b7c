package org.familyjourney.caseimport;

/**
 * The steps a case can be imported at: the journey starts right before the step's task, with the
 * step's deadline taken from the spreadsheet rather than computed from today.
 */
enum ImportStep {
    FIRST_CONTACT("Task_MakeFirstContact", "firstContact", "first-contact-escalation"),
    ASSESSMENT("Task_AssessFamily", "assessment", null),
    ACTION_PLAN("Task_AgreeActionPlan", "actionPlan", null),
    REVIEW("Task_ReviewProgress", "review", "review-escalation");

    final String elementId;
    final String deadline;
    final String escalateAfter;

    ImportStep(String elementId, String deadline, String escalateAfter) {
        this.elementId = elementId;
        this.deadline = deadline;
        this.escalateAfter = escalateAfter;
    }
}
