package org.familyjourney.sessions;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A 1:1 session a worker had with the family: funders count these as sessions delivered. */
@Table("support_session")
public record SupportSession(@Id Long id, String caseReference, LocalDate heldOn, SessionKind kind, int durationMinutes,
                             String notes, String recordedBy, Instant recordedAt) {
}
