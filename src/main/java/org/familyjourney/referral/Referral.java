package org.familyjourney.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A referral as received: who referred, the family, the concerns and the consent given. The
 * family's personal data lives here, in MySQL, and never in the engine's variables.
 */
@Table("referral")
public record Referral(
        @Id Long id,
        Instant receivedAt,
        String receivedBy,
        ReferralSource source,
        @Embedded.Nullable(prefix = "referrer_") Referrer referrer,
        @Embedded.Nullable(prefix = "parent_") Parent parent,
        @MappedCollection(idColumn = "referral_id", keyColumn = "position") List<Child> children,
        @MappedCollection(idColumn = "referral_id") Set<ConcernRef> concerns,
        String details,
        @Embedded.Nullable(prefix = "consent_") Consent consent,
        Long processInstanceKey,
        Long engineGeneration) {

    public Referral withId(Long id) {
        return new Referral(id, receivedAt, receivedBy, source, referrer, parent, children, concerns, details,
                consent, processInstanceKey, engineGeneration);
    }

    public Referral startedAs(long instanceKey, long generation) {
        return new Referral(id, receivedAt, receivedBy, source, referrer, parent, children, concerns, details,
                consent, instanceKey, generation);
    }

    public boolean raisesSafeguardingConcern() {
        return concerns.stream().anyMatch(c -> c.concern().safeguarding());
    }

    public record Referrer(String name, String organisation, String email, String phone) {
    }

    public record Parent(String name, String phone, String email, String address, String postcode) {
    }

    @Table("referral_child")
    public record Child(String name, LocalDate dateOfBirth, String school) {
    }

    @Table("referral_concern")
    public record ConcernRef(Concern concern) {
    }

    public record Consent(Boolean given, String by, Instant at) {
    }
}
