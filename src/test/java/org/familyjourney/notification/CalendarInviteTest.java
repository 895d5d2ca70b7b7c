package org.familyjourney.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calendar invitations as calendars read them (RFC 5545). */
class CalendarInviteTest {

    private final CalendarInvite invite = new CalendarInvite("school-meeting-1@family-journey", 0,
            Instant.parse("2026-06-03T09:00:00Z"), Instant.parse("2026-06-03T09:45:00Z"),
            "School meeting: St Mary's, Year 9; attendance", "Room 2, Main building",
            "Line one\nLine two with a very long sentence that certainly goes past the seventy-five octet limit of iCalendar lines",
            new CalendarInvite.Person("Maya Okafor", "maya@example.org"),
            List.of(new CalendarInvite.Person("Mr Lee \"Head\" Okoro", "lee@school.example")), Instant.parse("2026-06-01T12:00:00Z"));

    @Test
    void isARequestInUtcWithEscapedText() {
        String ics = invite.text();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("\r\nMETHOD:REQUEST\r\n", "\r\nDTSTART:20260603T090000Z\r\n", "\r\nDTEND:20260603T094500Z\r\n",
                        "\r\nUID:school-meeting-1@family-journey\r\n", "SUMMARY:School meeting: St Mary's\\, Year 9\\; attendance",
                        "ATTENDEE;CN=\"Mr Lee 'Head' Okoro\";ROLE=REQ-PARTICIPANT");
        assertThat(ics.replace("\r\n ", "")).contains("DESCRIPTION:Line one\\nLine two with a very long sentence");
    }

    @Test
    void foldsLinesAtSeventyFiveOctets() {
        assertThat(Arrays.stream(invite.text().split("\r\n")))
                .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        StringBuilder folded = new StringBuilder();
        CalendarInvite.line(folded, "DESCRIPTION:" + "é".repeat(60));
        assertThat(folded.toString().replace("\r\n ", "")).isEqualTo("DESCRIPTION:" + "é".repeat(60) + "\r\n");
    }
}
