using System.Globalization;
using Shouldly;
using Whistle.County.Calendar;
using Xunit;
using static Whistle.County.Calendar.IntervalUnit;

namespace Whistle.UnitTests.County.Calendar;

public class DueTimesTests
{
    private static readonly WorkingCalendar Official = new(OfficialHolidays.Days);

    [Theory]
    [InlineData("2025-10-01T23:45+08:00", 30, Minutes, "2025-10-02T00:15+08:00")]
    [InlineData("2025-09-30T15:00+08:00", 24, Hours, "2025-10-01T15:00+08:00")] // into 国庆节: the holiday counts
    [InlineData("2025-09-30T07:00Z", 24, Hours, "2025-10-01T15:00+08:00")]      // a UTC start comes back in China time
    [InlineData("2025-09-30T15:00+08:00", 7, Days, "2025-10-07T15:00+08:00")]
    [InlineData("2025-11-14T16:30+08:00", 4, Hours, "2025-11-14T20:30+08:00")]  // office hours play no part
    public void calendar_time_runs_on_the_clock_through_nights_weekends_and_holidays(
        string start, int amount, IntervalUnit unit, string due) =>
        DueOn(Official, start, new Interval(amount, unit, IntervalBasis.Calendar)).ShouldBeChinaTime(due);

    [Theory]
    // Sat 9-27 off; Sun 9-28 (make-up) 1, 9-29 2, 9-30 3; 10-1..10-8 off; 10-9 4, 10-10 5, Sat 10-11 (make-up) 6; 10-13 7.
    [InlineData("2025-09-26T10:00+08:00", 7, "2025-10-13T17:00+08:00")]
    // Fri 2-13 1, Sat 2-14 (make-up) 2; 2-15..2-23 off; 2-24..2-27 3-6; Sat 2-28 (make-up) 7.
    [InlineData("2026-02-12T10:00+08:00", 7, "2026-02-28T17:00+08:00")]
    // 10-1..10-7 off; 10-8 1, 10-9 2, Sat 10-10 (make-up) 3; 10-12..10-16 4-8; 10-19..10-23 9-13; 10-26 14, 10-27 15.
    [InlineData("2026-09-30T10:00+08:00", 15, "2026-10-27T17:00+08:00")]
    // Sun 9-20 (make-up) 1; 9-21..9-24 2-5; 中秋 9-25..9-27 off; 9-28..9-30 6-8; 10-8 9, 10-9 10, Sat 10-10 11; 10-12..10-15 12-15.
    [InlineData("2026-09-18T10:00+08:00", 15, "2026-10-15T17:00+08:00")]
    // Started on a holiday: 10-4..10-8 are still 国庆节、中秋节, so Thu 10-9 is the first working day after.
    [InlineData("2025-10-03T10:00+08:00", 1, "2025-10-09T17:00+08:00")]
    // Across the year: 2026-01-01..01-03 off, Sun 01-04 (make-up) 1, Mon 01-05 2.
    [InlineData("2025-12-31T10:00+08:00", 2, "2026-01-05T17:00+08:00")]
    [InlineData("2025-11-17T08:00+08:00", 1, "2025-11-18T17:00+08:00")] // before opening, the start day still does not count
    [InlineData("2025-11-17T16:59+08:00", 1, "2025-11-18T17:00+08:00")]
    [InlineData("2025-09-28T20:00+08:00", 1, "2025-09-29T17:00+08:00")] // started on a make-up Sunday
    [InlineData("2025-11-15T10:00+08:00", 1, "2025-11-17T17:00+08:00")] // started on a Saturday
    // 17:00 UTC on Thursday is 01:00 on Friday in China: the count starts from Friday, not Thursday.
    [InlineData("2025-11-13T17:00Z", 1, "2025-11-17T17:00+08:00")]
    public void working_days_end_at_office_close_on_the_nth_working_day_after_the_start_date(
        string start, int days, string due) =>
        DueOn(Official, start, Interval.WorkingDays(days)).ShouldBeChinaTime(due);

    [Theory]
    [InlineData("2025-11-14T16:30+08:00", 4, Hours, "2025-11-17T12:30+08:00")] // 30 min on Friday, 3.5 h on Monday
    [InlineData("2025-11-14T09:00+08:00", 8, Hours, "2025-11-14T17:00+08:00")] // exactly at close: stays on Friday
    [InlineData("2025-11-17T09:00+08:00", 16, Hours, "2025-11-18T17:00+08:00")]
    [InlineData("2025-11-14T17:00+08:00", 1, Hours, "2025-11-17T10:00+08:00")] // started at close
    [InlineData("2025-11-13T20:00+08:00", 1, Hours, "2025-11-14T10:00+08:00")] // started in the evening
    [InlineData("2025-11-17T07:00+08:00", 30, Minutes, "2025-11-17T09:30+08:00")] // started before opening
    [InlineData("2025-11-15T10:00+08:00", 2, Hours, "2025-11-17T11:00+08:00")] // started on a Saturday
    [InlineData("2025-10-03T10:00+08:00", 4, Hours, "2025-10-09T13:00+08:00")] // started on a holiday
    [InlineData("2025-09-30T16:00+08:00", 2, Hours, "2025-10-09T10:00+08:00")] // 1 h before 国庆节, 1 h after
    [InlineData("2026-02-13T15:00+08:00", 4, Hours, "2026-02-14T11:00+08:00")] // 2 h Friday, 2 h on the make-up Saturday
    [InlineData("2025-11-14T16:50+08:00", 20, Minutes, "2025-11-17T09:10+08:00")]
    [InlineData("2025-11-14T08:30Z", 4, Hours, "2025-11-17T12:30+08:00")] // 16:30 in China
    public void working_hours_consume_only_office_time_on_working_days(
        string start, int amount, IntervalUnit unit, string due) =>
        DueOn(Official, start, new Interval(amount, unit, IntervalBasis.Working)).ShouldBeChinaTime(due);

    [Theory]
    [InlineData("2025-11-17", DayKind.CountyHoliday, "2025-11-14T16:30+08:00", 4, Hours, "2025-11-18T12:30+08:00")]
    [InlineData("2025-11-17", DayKind.CountyHoliday, "2025-11-14T10:00+08:00", 1, Days, "2025-11-18T17:00+08:00")]
    [InlineData("2025-11-15", DayKind.CountyWorkday, "2025-11-14T16:30+08:00", 4, Hours, "2025-11-15T12:30+08:00")]
    [InlineData("2025-11-15", DayKind.CountyWorkday, "2025-11-14T10:00+08:00", 1, Days, "2025-11-15T17:00+08:00")]
    // The county works the official holiday 10-8, so it is the first working day after 10-3.
    [InlineData("2025-10-08", DayKind.CountyWorkday, "2025-10-03T10:00+08:00", 1, Days, "2025-10-08T17:00+08:00")]
    // The county keeps the make-up Saturday 10-11 off: the 6th working day is 10-13, the 7th 10-14.
    [InlineData("2025-10-11", DayKind.CountyHoliday, "2025-09-26T10:00+08:00", 7, Days, "2025-10-14T17:00+08:00")]
    public void a_county_day_moves_a_working_time_due_time(
        string date, DayKind kind, string start, int amount, IntervalUnit unit, string due)
    {
        var county = new WorkingCalendar(OfficialHolidays.Days, [new CalendarDay(DateOnly.Parse(date, CultureInfo.InvariantCulture), kind, "县里安排")]);

        DueOn(county, start, new Interval(amount, unit, IntervalBasis.Working)).ShouldBeChinaTime(due);
    }

    [Theory]
    [InlineData("2025-11-14T16:30+08:00", 4, Hours, "2025-11-17T11:30+08:00")] // 1 h Friday to 17:30, 3 h from 08:30 Monday
    [InlineData("2025-11-14T10:00+08:00", 1, Days, "2025-11-17T17:30+08:00")]
    [InlineData("2025-11-14T08:40+08:00", 9, Hours, "2025-11-17T08:40+08:00")] // 8 h 50 min on Friday, 10 min on Monday
    public void a_county_with_its_own_office_hours_counts_working_time_by_them(
        string start, int amount, IntervalUnit unit, string due)
    {
        var county = new WorkingCalendar(OfficialHolidays.Days, opens: new TimeOnly(8, 30), closes: new TimeOnly(17, 30));

        DueOn(county, start, new Interval(amount, unit, IntervalBasis.Working)).ShouldBeChinaTime(due);
    }

    [Theory]
    [InlineData("2025-11-14T09:00+08:00", "2025-11-14T17:00+08:00", 0.75, "2025-11-14T15:00+08:00")]
    [InlineData("2025-11-14T10:00+08:00", "2025-11-14T10:30+08:00", 0.75, "2025-11-14T10:22:30+08:00")]
    [InlineData("2025-09-30T15:00+08:00", "2025-10-01T15:00+08:00", 0.75, "2025-10-01T09:00+08:00")]
    // 17 d 7 h = 415 h; 75% = 311 h 15 min = 12 d 23 h 15 min after 09-26 10:00, on the clock whatever the holidays.
    [InlineData("2025-09-26T10:00+08:00", "2025-10-13T17:00+08:00", 0.75, "2025-10-09T09:15+08:00")]
    [InlineData("2025-11-14T01:00Z", "2025-11-14T17:00+08:00", 0.75, "2025-11-14T15:00+08:00")] // 09:00 in China
    [InlineData("2025-11-14T09:00+08:00", "2025-11-14T17:00+08:00", 0.0, "2025-11-14T09:00+08:00")]
    [InlineData("2025-11-14T09:00+08:00", "2025-11-14T17:00+08:00", 1.0, "2025-11-14T17:00+08:00")]
    public void a_reminder_falls_that_fraction_of_the_wall_clock_time_to_the_due_time(
        string start, string due, double fraction, string reminder) =>
        DueTimes.Reminder(At(start), At(due), fraction).ShouldBeChinaTime(reminder);

    [Theory]
    [InlineData(-0.25)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void a_reminder_outside_the_interval_is_rejected(double fraction) =>
        Should.Throw<ArgumentOutOfRangeException>(
            () => DueTimes.Reminder(At("2025-11-14T09:00+08:00"), At("2025-11-14T17:00+08:00"), fraction));

    [Fact]
    public void a_reminder_for_a_due_time_before_its_start_is_rejected() =>
        Should.Throw<ArgumentOutOfRangeException>(
            () => DueTimes.Reminder(At("2025-11-14T17:00+08:00"), At("2025-11-14T09:00+08:00"), 0.75));

    private static DateTimeOffset DueOn(WorkingCalendar calendar, string start, Interval interval) =>
        DueTimes.Due(At(start), interval, calendar);

    private static DateTimeOffset At(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);
}

internal static class ChinaTimeAssertions
{
    /// <summary>Compares the local reading too: DateTimeOffset equality alone ignores the offset.</summary>
    public static void ShouldBeChinaTime(this DateTimeOffset actual, string expected)
    {
        actual.ShouldBe(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture));
        actual.Offset.ShouldBe(TimeSpan.FromHours(8));
    }
}
