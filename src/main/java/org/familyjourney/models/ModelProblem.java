package org.familyjourney.models;

/** One reason a model may not be deployed, with the element it concerns (its id is drawn on the diagram). */
public record ModelProblem(String elementId, String elementName, String rule, String message) {

    public static final String ENGINE = "engine";
    public static final String FORM = "form";
    public static final String ASSIGNMENT = "assignment";
    public static final String WORKER = "worker";
    public static final String TIMER = "timer";
    public static final String EXPRESSION = "expression";
    public static final String PROCESS_ID = "process-id";
}
