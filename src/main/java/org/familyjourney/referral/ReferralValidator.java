package org.familyjourney.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.familyjourney.referral.ReferralRequest.ChildRequest;
import org.familyjourney.web.FieldChecks;
import org.familyjourney.web.InvalidInputException;
import org.springframework.stereotype.Component;

/** The rules a referral must meet, shared by the API and the referral pages. */
@Component
public class ReferralValidator {

    static final int MAX_CHILDREN = 12;

    private final Clock clock;

    ReferralValidator(Clock clock) {
        this.clock = clock;
    }

    /** Checks the request and returns it parsed; throws with every problem found. */
    public ValidReferral validate(ReferralRequest request) {
        FieldChecks problems = new FieldChecks();
        if (request == null) {
            throw new InvalidInputException("body", "must be a referral (a JSON object)");
        }
        ReferralSource source = problems.oneOf("source", request.source(), ReferralSource.class);
        Referral.Referrer referrer = referrer(request.referrer(), problems);
        Referral.Parent parent = parent(request.parent(), problems);
        List<Referral.Child> children = children(request.children(), problems);
        Set<Concern> concerns = concerns(request.concerns(), problems);
        String details = problems.text("details", request.details(), false, 5000);
        Referral.Consent consent = consent(request.consent(), problems);
        problems.throwIfAny();
        return new ValidReferral(source, referrer, parent, children, concerns, details, consent);
    }

    private Referral.Referrer referrer(ReferralRequest.Person person, FieldChecks problems) {
        if (person == null) {
            problems.add("referrer", "is required: who is making the referral");
            return null;
        }
        return new Referral.Referrer(
                problems.text("referrer.name", person.name(), true, 200),
                problems.text("referrer.organisation", person.organisation(), false, 200),
                problems.email("referrer.email", person.email()),
                problems.phone("referrer.phone", person.phone()));
    }

    private Referral.Parent parent(ReferralRequest.Parent parent, FieldChecks problems) {
        if (parent == null) {
            problems.add("parent", "is required: the parent or carer the referral is about");
            return null;
        }
        String phone = problems.phone("parent.phone", parent.phone());
        String email = problems.email("parent.email", parent.email());
        String address = problems.text("parent.address", parent.address(), false, 500);
        String postcode = problems.postcode("parent.postcode", parent.postcode());
        if (phone == null && email == null && address == null && problems.none("parent.")) {
            problems.add("parent", "needs at least one way to reach the family: phone, email or address");
        }
        return new Referral.Parent(problems.text("parent.name", parent.name(), true, 200), phone, email, address, postcode);
    }

    private List<Referral.Child> children(List<ChildRequest> children, FieldChecks problems) {
        List<Referral.Child> valid = new ArrayList<>();
        if (children == null || children.isEmpty()) {
            problems.add("children", "must name at least one child");
            return valid;
        }
        if (children.size() > MAX_CHILDREN) {
            problems.add("children", "can list at most " + MAX_CHILDREN + " children");
            return valid;
        }
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < children.size(); i++) {
            String at = "children[" + i + "]";
            ChildRequest child = children.get(i);
            if (child == null) {
                problems.add(at, "must be a child with a name and a date of birth");
                continue;
            }
            String name = problems.text(at + ".name", child.name(), true, 200);
            LocalDate born = problems.date(at + ".dateOfBirth", child.dateOfBirth());
            if (born != null && born.isAfter(today)) {
                problems.add(at + ".dateOfBirth", "cannot be in the future (for an unborn child, give the due date in details)");
            } else if (born != null && born.isBefore(today.minusYears(25))) {
                problems.add(at + ".dateOfBirth", "is more than 25 years ago; the service supports children and young people");
            }
            valid.add(new Referral.Child(name, born, problems.text(at + ".school", child.school(), false, 200)));
        }
        return valid;
    }

    private Set<Concern> concerns(List<String> codes, FieldChecks problems) {
        Set<Concern> concerns = new HashSet<>();
        if (codes == null || codes.isEmpty()) {
            problems.add("concerns", "must name at least one concern, e.g. GOOD_EDUCATION or DOMESTIC_ABUSE");
            return concerns;
        }
        for (int i = 0; i < codes.size(); i++) {
            Concern concern = problems.oneOf("concerns[" + i + "]", codes.get(i), Concern.class);
            if (concern != null) {
                concerns.add(concern);
            }
        }
        return concerns;
    }

    private Referral.Consent consent(ReferralRequest.ConsentRequest consent, FieldChecks problems) {
        if (consent == null || consent.given() == null) {
            problems.add("consent.given", "is required: say whether the family consented to support and to sharing information");
            return null;
        }
        if (!consent.given()) {
            return new Referral.Consent(false, null, null);
        }
        String by = problems.text("consent.by", consent.by(), true, 200);
        java.time.Instant at = problems.instant("consent.at", consent.at());
        if (at != null && at.isAfter(clock.instant().plusSeconds(300))) {
            problems.add("consent.at", "cannot be in the future");
        } else if (at != null && at.isBefore(java.time.Instant.parse("2000-01-01T00:00:00Z"))) {
            problems.add("consent.at", "is before the year 2000; check the year");
        }
        return new Referral.Consent(true, by, at);
    }

    /** A referral that met every rule. */
    public record ValidReferral(ReferralSource source, Referral.Referrer referrer, Referral.Parent parent,
                                List<Referral.Child> children, Set<Concern> concerns, String details,
                                Referral.Consent consent) {
    }
}
