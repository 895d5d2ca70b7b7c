package org.familyjourney.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A meeting invitation as an iCalendar (RFC 5545) request that Outlook, Google and Apple calendars
 * accept: times in UTC, the same UID for the same meeting so a calendar updates rather than doubles
 * it, lines folded at 75 octets and text escaped.
 */
public record CalendarInvite(String uid, int sequence, Instant start, Instant end, String summary, String location,
                             String description, Person organizer, List<Person> attendees, Instant stamp) {

    public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=REQUEST";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public record Person(String name, String email) {
    }

    public Notifier.Attachment asAttachment(String fileName) {
        return new Notifier.Attachment(fileName, CONTENT_TYPE, text().getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Family Journey//School advocacy//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:REQUEST");
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + uid);
        line(ics, "SEQUENCE:" + sequence);
        line(ics, "DTSTAMP:" + UTC.format(stamp));
        line(ics, "DTSTART:" + UTC.format(start));
        line(ics, "DTEND:" + UTC.format(end));
        line(ics, "SUMMARY:" + escape(summary));
        if (location != null) {
            line(ics, "LOCATION:" + escape(location));
        }
        if (description != null) {
            line(ics, "DESCRIPTION:" + escape(description));
        }
        line(ics, "ORGANIZER;CN=" + quoted(organizer.name()) + ":mailto:" + organizer.email());
        for (Person attendee : attendees) {
            line(ics, "ATTENDEE;CN=" + quoted(attendee.name())
                    + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + attendee.email());
        }
        line(ics, "STATUS:CONFIRMED");
        line(ics, "TRANSP:OPAQUE");
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    private static String quoted(String name) {
        return "\"" + (name == null ? "" : name.replace("\"", "'")) + "\"";
    }

    /** Appends a content line folded so that no physical line exceeds 75 octets (RFC 5545 3.1). */
    static void line(StringBuilder ics, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int limit = 75;
        while (bytes.length - start > limit) {
            int end = start + limit;
            while (end > start && (bytes[end] & 0xC0) == 0x80) {
                end--; // never split a UTF-8 character
            }
            ics.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = 74; // the leading space of a continuation line counts
        }
        ics.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append("\r\n");
    }
}
