package org.familyjourney.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class WorkingCalendarTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private final WorkingCalendar calendar = new WorkingCalendar(
            new ClassPathResource("deadlines/bank-holidays-england-and-wales.txt"));

    private static Instant uk(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(UK).toInstant();
    }

    @Test
    void twoWorkingDaysFromThursdaySkipTheWeekend() {
        assertThat(calendar.after(uk("2026-12-03T10:00"), Timescale.parse("2 working days"))).isEqualTo(uk("2026-12-07T10:00"));
    }

    @Test
    void workingDaysSkipChristmasAndTheBoxingDaySubstitute() {
        // 24 Dec 2026 is a Thursday; 25 Dec (Fri) and 28 Dec (Mon, for Boxing Day) are bank holidays.
        assertThat(calendar.after(uk("2026-12-24T09:30"), Timescale.parse("1 working day"))).isEqualTo(uk("2026-12-29T09:30"));
    }

    @Test
    void fourWorkingHoursFromLateFridayEndOnMondayMorning() {
        assertThat(calendar.after(uk("2026-12-04T15:00"), Timescale.parse("4 working hours"))).isEqualTo(uk("2026-12-07T11:00"));
    }

    @Test
    void workingHoursRaisedAtNightStartNextMorning() {
        assertThat(calendar.after(uk("2026-12-01T22:00"), Timescale.parse("4 working hours"))).isEqualTo(uk("2026-12-02T13:00"));
    }

    @Test
    void calendarUnitsIgnoreWorkingDays() {
        assertThat(calendar.after(uk("2026-12-01T10:00"), Timescale.parse("6 weeks"))).isEqualTo(uk("2027-01-12T10:00"));
        assertThat(calendar.after(uk("2026-12-01T10:00"), Timescale.parse("3 months"))).isEqualTo(uk("2027-03-01T10:00"));
        assertThat(calendar.after(uk("2026-12-01T10:00"), Timescale.parse("P10D"))).isEqualTo(uk("2026-12-11T10:00"));
    }

    @Test
    void aMistypedTimescaleIsExplained() {
        assertThatThrownBy(() -> Timescale.parse("two days")).hasMessageContaining("'2 working days'");
    }
}
