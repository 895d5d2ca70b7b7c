package org.familyjourney.reporting;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.familyjourney.security.StaffMember;
import org.familyjourney.web.FormErrors;
import org.familyjourney.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The funder report page: the period, charts (Chart.js, from the figures in data attributes) and tables of every figure. */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER')")
class FunderReportPage {

    static final String REPORT_VIEW = "reports/funder";

    private final FunderReports reports;
    private final MessageSource messages;

    FunderReportPage(FunderReports reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    @GetMapping("/reports/funder")
    String show(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
                Authentication user, HttpServletResponse response, Locale locale) {
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        try {
            ReportPeriod period = reports.period(from, to);
            model.addAttribute("from", period.from().toString());
            model.addAttribute("to", period.to().toString());
            FunderReport report = reports.report(period, StaffMember.of(user), "page");
            model.addAttribute("report", report);
            model.addAttribute("charts", ReportCharts.of(report, messages, locale).charts());
            model.addAttribute("errors", FormErrors.none());
        } catch (InvalidInputException bad) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", FormErrors.of(bad.problems(), messages, locale));
            model.addAttribute("report", null);
        }
        return REPORT_VIEW;
    }
}
