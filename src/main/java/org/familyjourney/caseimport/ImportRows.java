package org.familyjourney.caseimport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.familyjourney.referral.ReferralRequest;
import org.familyjourney.referral.ReferralValidator;
import org.familyjourney.security.Role;
import org.familyjourney.security.StaffDirectory;
import org.familyjourney.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Checks every row of a caseload spreadsheet and names every problem (line, column, reason) before
 * anything is stored. The family's details go through the same checks as a referral.
 */
@Component
class ImportRows {

    static final List<String> REQUIRED = List.of("family_name", "parent_name", "children", "referral_source", "referrer_name",
            "referral_date", "current_step", "worker", "step_due");
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Pattern CHILD = Pattern.compile("^(.+?)\\s*\\(([^)]+)\\)$");
    private static final Map<String, String> COLUMNS = Map.of("source", "referral_source", "referrer.name", "referrer_name",
            "referrer.organisation", "referrer_organisation", "parent.name", "parent_name", "parent.phone", "parent_phone",
            "parent.email", "parent_email", "parent.postcode", "postcode", "concerns", "concerns", "consent", "consent_given");

    record Problem(int line, String field, String reason) {
    }

    record ValidRow(int line, String familyName, ReferralRequest referral, Instant referredAt, ImportStep step, String worker,
                    Instant stepDue) {
    }

    record Checked(List<ValidRow> rows, List<Problem> problems) {
    }

    private final ReferralValidator referrals;
    private final StaffDirectory staff;
    private final Clock clock;

    ImportRows(ReferralValidator referrals, StaffDirectory staff, Clock clock) {
        this.referrals = referrals;
        this.staff = staff;
        this.clock = clock;
    }

    Checked check(String csv) {
        CsvRows.Parsed parsed = CsvRows.parse(csv == null ? "" : csv);
        List<Problem> problems = new ArrayList<>();
        List<ValidRow> valid = new ArrayList<>();
        for (String column : REQUIRED) {
            if (!parsed.header().contains(column)) {
                problems.add(new Problem(1, column, "the header has no column " + column));
            }
        }
        if (!problems.isEmpty() || parsed.rows().isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(new Problem(1, "file", "has no rows of cases under the header"));
            }
            return new Checked(List.of(), problems);
        }
        for (CsvRows.Row row : parsed.rows()) {
            int before = problems.size();
            ValidRow checked = check(row, problems);
            if (problems.size() == before) {
                valid.add(checked);
            }
        }
        return new Checked(valid, problems);
    }

    private ValidRow check(CsvRows.Row row, List<Problem> problems) {
        int line = row.line();
        for (String column : REQUIRED) {
            if (row.get(column) == null) {
                problems.add(new Problem(line, column, "is empty"));
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), UK);
        LocalDate referred = date(row, "referral_date", problems);
        if (referred != null && referred.isAfter(today)) {
            problems.add(new Problem(line, "referral_date", "is in the future"));
        }
        LocalDate due = date(row, "step_due", problems);
        ImportStep step = null;
        if (row.get("current_step") != null) {
            try {
                step = ImportStep.valueOf(row.get("current_step").toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(line, "current_step", "must be one of " + Arrays.toString(ImportStep.values())));
            }
        }
        String worker = row.get("worker");
        if (worker != null && (staff.find(worker).isEmpty() || !staff.rolesOf(worker).contains(Role.WORKER))) {
            problems.add(new Problem(line, "worker", "'" + worker + "' is not a family support worker here"));
        }
        List<ReferralRequest.ChildRequest> children = children(row, problems);
        ReferralRequest referral = new ReferralRequest(row.get("referral_source") == null ? null : row.get("referral_source").toUpperCase(Locale.ROOT),
                new ReferralRequest.Person(row.get("referrer_name"), row.get("referrer_organisation"), row.get("referrer_email"), null),
                new ReferralRequest.Parent(row.get("parent_name"), row.get("parent_phone"), row.get("parent_email"), row.get("address"),
                        row.get("postcode")),
                children, concerns(row), "Imported from the caseload spreadsheet (" + row.get("family_name") + " family)",
                new ReferralRequest.ConsentRequest(!"no".equalsIgnoreCase(row.get("consent_given")), row.get("parent_name"),
                        referred == null ? null : referred.toString()));
        try {
            referrals.validate(referral);
        } catch (InvalidInputException invalid) {
            invalid.problems().forEach(p -> problems.add(new Problem(line, column(p.field()), p.message())));
        }
        if (referred == null || due == null || step == null) {
            return null;
        }
        return new ValidRow(line, row.get("family_name"), referral, referred.atTime(LocalTime.of(9, 0)).atZone(UK).toInstant(), step,
                worker, due.atTime(LocalTime.of(17, 0)).atZone(UK).toInstant());
    }

    private static String column(String field) {
        if (field.startsWith("children")) {
            return "children";
        }
        return COLUMNS.getOrDefault(field, COLUMNS.getOrDefault(field.contains(".") ? field.substring(0, field.indexOf('.')) : field, field));
    }

    private static List<String> concerns(CsvRows.Row row) {
        String concerns = row.get("concerns");
        return concerns == null ? List.of() : Arrays.stream(concerns.split(";")).map(String::strip).filter(c -> !c.isEmpty())
                .map(c -> c.toUpperCase(Locale.ROOT).replace(' ', '_')).toList();
    }

    /** "Kit Example (02/03/2015); Sam Example (2018-07-11)". */
    private static List<ReferralRequest.ChildRequest> children(CsvRows.Row row, List<Problem> problems) {
        List<ReferralRequest.ChildRequest> children = new ArrayList<>();
        String text = row.get("children");
        if (text == null) {
            return children;
        }
        for (String child : text.split(";")) {
            Matcher named = CHILD.matcher(child.strip());
            if (!named.matches()) {
                problems.add(new Problem(row.line(), "children", "'" + child.strip() + "' must be a name and a date of birth, like Kit Example (02/03/2015)"));
                continue;
            }
            LocalDate born = parseDate(named.group(2).strip());
            if (born == null) {
                problems.add(new Problem(row.line(), "children", "'" + named.group(2) + "' is not a date (dd/mm/yyyy)"));
                continue;
            }
            children.add(new ReferralRequest.ChildRequest(named.group(1).strip(), born.toString(), row.get("school")));
        }
        return children;
    }

    private static LocalDate date(CsvRows.Row row, String column, List<Problem> problems) {
        String text = row.get(column);
        if (text == null) {
            return null;
        }
        LocalDate date = parseDate(text);
        if (date == null) {
            problems.add(new Problem(row.line(), column, "'" + text + "' is not a date (dd/mm/yyyy)"));
        }
        return date;
    }

    private static LocalDate parseDate(String text) {
        // Strict: 31/02 is a mistake to name, not the 28th.
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
                DateTimeFormatter.ISO_LOCAL_DATE)) {
            try {
                return LocalDate.parse(text.strip(), format);
            } catch (DateTimeParseException next) {
                // try the next format
            }
        }
        return null;
    }

}
