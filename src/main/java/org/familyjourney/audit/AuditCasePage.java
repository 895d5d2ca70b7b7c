package org.familyjourney.audit;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.familyjourney.security.StaffMember;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One family's journey for an auditor: the timeline (journey and access log together, filtered by
 * group), deadline compliance per step, the process diagram with the path taken ({@link AuditDiagramEndpoint}),
 * and the exports.
 */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER')")
class AuditCasePage {

    static final String CASE_VIEW = "audit/case";

    private final CaseTimeline timeline;
    private final DeadlineCompliance compliance;

    AuditCasePage(CaseTimeline timeline, DeadlineCompliance compliance) {
        this.timeline = timeline;
        this.compliance = compliance;
    }

    @GetMapping("/audit/cases/{reference}")
    String show(@PathVariable String reference, @RequestParam(name = "group", required = false) List<String> groups,
                Model model, Authentication user) {
        Set<TimelineGroup> wanted = EnumSet.noneOf(TimelineGroup.class);
        if (groups != null) {
            groups.stream().flatMap(g -> java.util.Arrays.stream(TimelineGroup.values()).filter(t -> t.name().equals(g)))
                    .forEach(wanted::add);
        }
        CaseTimeline.Timeline found = timeline.of(reference, wanted, StaffMember.of(user));
        model.addAttribute("timeline", found);
        model.addAttribute("reference", found.familyCase().reference());
        model.addAttribute("groups", TimelineGroup.values());
        model.addAttribute("filtered", !wanted.isEmpty());
        model.addAttribute("compliance", compliance.of(reference));
        return CASE_VIEW;
    }
}
