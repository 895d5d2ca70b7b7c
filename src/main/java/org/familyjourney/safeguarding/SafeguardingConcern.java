package org.familyjourney.safeguarding;

import java.time.Instant;
import java.util.List;

/** A safeguarding concern on a case, and the DSL's decision once made. */
public record SafeguardingConcern(long id, String caseReference, ConcernSource source, ConcernCategory category,
                                  String summary, List<String> indicators, String raisedBy, Instant raisedAt,
                                  ConcernState state, Instant sentToDslAt, Instant decisionDueAt,
                                  SafeguardingDecision decision, String rationale, String actionsTaken,
                                  Boolean supportContinues, String decidedBy, Instant decidedAt) {
}
