package org.familyjourney.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the journey's forms recorded about a family, as the case page shows it: the latest
 * assessment, the current action plan, every review (newest first) and, once the case is closed,
 * its closure. Choices carry the labels their form gave them; a part not recorded yet is null.
 */
public record Recorded(Assessment assessment, ActionPlan plan, List<Review> reviews, Closure closure) {

    public record Assessment(Instant recordedAt, String recordedBy, List<Need> needs, String strengths, String familyGoals,
                             String childsVoice) {
    }

    /** A need in one outcome area, with our own 1-5 score (1: serious need, 5: no need). */
    public record Need(String area, String score, String description) {
    }

    /** The plan as last agreed with the family; {@code approval} is null while a manager has not decided. */
    public record ActionPlan(Instant agreedAt, String agreedBy, List<Goal> goals, boolean schoolMeetingNeeded,
                             List<String> groupProgrammes, Approval approval) {
    }

    public record Goal(String goal, String area, String actions, String who, LocalDate byWhen) {
    }

    public record Approval(boolean approved, String decision, String decidedBy, Instant decidedAt, String comment) {
    }

    public record Review(Instant heldAt, String heldBy, String decision, List<Progress> progress, List<Score> scores,
                         String summary) {
    }

    public record Progress(String goal, String progress, String note) {
    }

    public record Score(String area, String score) {
    }

    public record Closure(Instant closedAt, String closedBy, String reason, List<Score> scores, String familyFeedback,
                          String summary) {
    }
}
