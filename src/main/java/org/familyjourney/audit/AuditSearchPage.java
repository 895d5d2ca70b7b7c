package org.familyjourney.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.familyjourney.casework.CaseSearch;
import org.familyjourney.casework.CaseStatus;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.DateFields;
import org.familyjourney.web.FieldProblem;
import org.familyjourney.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditors' way in: find cases by reference, family name, postcode, opening dates, worker,
 * status or current step. Each case listed leaves a trace in its access log ({@link CaseSearch}).
 */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER')")
class AuditSearchPage {

    static final String SEARCH_VIEW = "audit/search";

    private final CaseSearch search;
    private final StaffDirectory staff;
    private final MessageSource messages;

    AuditSearchPage(CaseSearch search, StaffDirectory staff, MessageSource messages) {
        this.search = search;
        this.staff = staff;
        this.messages = messages;
    }

    record Form(String reference, String name, String postcode, String openedFrom, String openedTo, String worker,
                String status, String step) {

        boolean empty() {
            return List.of(nz(reference), nz(name), nz(postcode), nz(openedFrom), nz(openedTo), nz(worker), nz(status), nz(step))
                    .stream().allMatch(String::isBlank);
        }

        private static String nz(String text) {
            return text == null ? "" : text;
        }
    }

    @GetMapping("/audit")
    String search(@RequestParam(required = false) String reference, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String postcode, @RequestParam(required = false) String openedFrom,
                  @RequestParam(required = false) String openedTo, @RequestParam(required = false) String worker,
                  @RequestParam(required = false) String status, @RequestParam(required = false) String step,
                  Model model, Authentication user, HttpServletResponse response, Locale locale) {
        Form form = new Form(reference, name, postcode, openedFrom, openedTo, worker, status, step);
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate from = DateFields.optional("openedFrom", openedFrom, problems);
        LocalDate to = DateFields.optional("openedTo", openedTo, problems);
        CaseStatus wanted = status(status, problems);
        model.addAttribute("form", form);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("workers", staff.withRole(Role.WORKER));
        model.addAttribute("errors", FormErrors.of(problems, messages, locale));
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        // Nothing is listed before something is asked: each listed family is a view of their record.
        boolean ask = problems.isEmpty() && !form.empty();
        model.addAttribute("results", ask ? search.search(new CaseSearch.Criteria(reference, name, postcode, from, to, worker,
                wanted, step), StaffMember.of(user)) : List.of());
        model.addAttribute("searched", !form.empty());
        return SEARCH_VIEW;
    }

    private static CaseStatus status(String status, List<FieldProblem> problems) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("status", "is not a status of a case"));
            return null;
        }
    }
}
