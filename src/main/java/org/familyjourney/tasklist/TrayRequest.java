package org.familyjourney.tasklist;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tray and filters as a page asked for them, read leniently: an unknown tray or sort falls back
 * to the default and a bad date is named, so a hand-edited address never fails the page.
 */
public record TrayRequest(TaskTray tray, String step, String caseReference, LocalDate dueFrom, LocalDate dueTo, TaskSort sort,
                   List<String> problems) {

    static TrayRequest parse(String tray, String step, String caseReference, String dueFrom, String dueTo, String sort,
                             TaskTray defaultTray) {
        List<String> problems = new ArrayList<>();
        TaskTray chosenTray = option(TaskTray.class, tray, defaultTray);
        if (chosenTray == TaskTray.ALL_OPEN) {
            chosenTray = defaultTray;
        }
        return new TrayRequest(chosenTray, blankToNull(step), normalReference(caseReference),
                date(dueFrom, "tasks.filter.dueFrom", problems), date(dueTo, "tasks.filter.dueTo", problems),
                option(TaskSort.class, sort, null), problems);
    }

    TaskCriteria criteria(ZoneId zone) {
        return new TaskCriteria(tray, null, null, caseReference, step,
                dueFrom == null ? null : dueFrom.atStartOfDay(zone).toInstant(),
                dueTo == null ? null : dueTo.plusDays(1).atStartOfDay(zone).toInstant(), sort, TaskCriteria.MAX_LIMIT);
    }

    public String sortName() {
        return sort == null ? "" : sort.name();
    }

    private static <E extends Enum<E>> E option(Class<E> type, String value, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            return fallback;
        }
    }

    private static LocalDate date(String value, String field, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(field);
            return null;
        }
    }

    private static String normalReference(String reference) {
        String text = blankToNull(reference);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
