package org.familyjourney.retention;

import java.util.Map;
import org.familyjourney.casework.CaseRegister;
import org.familyjourney.casework.CaseStatus;
import org.familyjourney.casework.FamilyCase;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.ConflictException;
import org.familyjourney.web.FieldChecks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure where the law allows it: a referral that was declined or signposted at triage, never
 * allocated to a worker and with no safeguarding concern or step-up, may be erased on a valid request.
 * Anything else is refused with the reason: records of family support and of safeguarding are kept
 * for their retention period (a legal obligation and vital interests outweigh the request).
 */
@Service
public class Erasure {

    public record Request(String grounds) {
    }

    public record Erased(String caseReference, String grounds, String erasedBy) {
    }

    private final CaseRegister cases;
    private final CaseRetention retention;
    private final JdbcTemplate jdbc;

    Erasure(CaseRegister cases, CaseRetention retention, JdbcTemplate jdbc) {
        this.cases = cases;
        this.retention = retention;
        this.jdbc = jdbc;
    }

    @Transactional
    public Erased erase(String reference, Request request, StaffMember who) {
        FieldChecks problems = new FieldChecks();
        ErasureGrounds grounds = problems.oneOf("grounds", request == null ? null : request.grounds(), ErasureGrounds.class);
        problems.throwIfAny();
        FamilyCase familyCase = cases.find(reference);
        String refusal = refusal(familyCase);
        if (refusal != null) {
            throw new ConflictException("This record cannot be erased: " + refusal,
                    Map.of("caseReference", reference, "status", familyCase.status().name()));
        }
        retention.eraseNow(reference, who.username(), grounds.name());
        return new Erased(reference, grounds.name(), who.username());
    }

    /** Why the law does not allow erasing this record, or null when it does. */
    String refusal(FamilyCase familyCase) {
        String reference = familyCase.reference();
        if (count("SELECT COUNT(*) FROM journey_entry WHERE case_reference = ? AND kind = 'CASE_ERASED'", reference) > 0) {
            return "it was erased already.";
        }
        if (count("SELECT COUNT(*) FROM safeguarding_concern WHERE case_reference = ?", reference) > 0
                || count("SELECT COUNT(*) FROM case_step_up WHERE case_reference = ?", reference) > 0) {
            return "it holds a safeguarding concern, which must be kept for its retention period.";
        }
        if (familyCase.status() != CaseStatus.DECLINED && familyCase.status() != CaseStatus.SIGNPOSTED) {
            return "only a referral declined or signposted at triage can be erased; this case is "
                    + familyCase.status().name().toLowerCase().replace('_', ' ') + " and is kept until its retention period ends.";
        }
        if (familyCase.worker() != null) {
            return "the family was supported by a worker, so the record is kept until its retention period ends.";
        }
        return null;
    }

    private int count(String sql, String reference) {
        Integer n = jdbc.queryForObject(sql, Integer.class, reference);
        return n == null ? 0 : n;
    }
}
