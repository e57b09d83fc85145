using Shouldly;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Xunit;

namespace Whistle.UnitTests.County.Deadlines;

public class WhistleDeadlinesTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // Tuesday, the day before 国庆节、中秋节 2025 (October 1-8 off, Saturday October 11 a make-up workday).
    private static readonly DateTimeOffset BlownBeforeNationalDay = new(2025, 9, 30, 10, 0, 0, China);

    private static readonly CountyCalendar OfficialOnly = new() { Id = CountyCalendar.StreamId };

    [Fact]
    public void a_routine_whistle_is_signed_for_within_24_clock_hours_and_answered_within_7_working_days()
    {
        var deadlines = WhistleDeadlines.Compute(WhistleType.Routine, BlownBeforeNationalDay, DeadlinePolicy.Default, OfficialOnly);

        deadlines.SignForDue.ShouldBe(new DateTimeOffset(2025, 10, 1, 10, 0, 0, China));   // the holiday counts on the clock
        deadlines.SignForReminder.ShouldBe(new DateTimeOffset(2025, 10, 1, 4, 0, 0, China)); // 75% of 24 h = 18 h
        // Working days after 9-30: 10-9 1, 10-10 2, Sat 10-11 (make-up) 3, 10-13 4, 10-14 5, 10-15 6, 10-16 7; due at close.
        deadlines.ReplyDue.ShouldBe(new DateTimeOffset(2025, 10, 16, 17, 0, 0, China));
        // 75% of the 391 h from 9-30 10:00 to 10-16 17:00 is 293 h 15 min.
        deadlines.ReplyReminder.ShouldBe(new DateTimeOffset(2025, 10, 12, 15, 15, 0, China));
    }

    [Fact]
    public void an_emergency_whistle_is_signed_for_within_30_minutes_and_answered_within_24_hours()
    {
        var deadlines = WhistleDeadlines.Compute(WhistleType.Emergency, BlownBeforeNationalDay, DeadlinePolicy.Default, OfficialOnly);

        deadlines.ShouldBe(new AssignmentDeadlines(
            SignForDue: new DateTimeOffset(2025, 9, 30, 10, 30, 0, China),
            SignForReminder: new DateTimeOffset(2025, 9, 30, 10, 22, 30, China),
            ReplyDue: new DateTimeOffset(2025, 10, 1, 10, 0, 0, China),
            ReplyReminder: new DateTimeOffset(2025, 10, 1, 4, 0, 0, China),
            PolicyVersion: 0, CalendarVersion: 0));
    }

    [Fact]
    public void a_tough_whistle_is_answered_within_15_working_days()
    {
        var deadlines = WhistleDeadlines.Compute(WhistleType.Tough, BlownBeforeNationalDay, DeadlinePolicy.Default, OfficialOnly);

        deadlines.SignForDue.ShouldBe(new DateTimeOffset(2025, 10, 1, 10, 0, 0, China));
        // After 10-16 (7): 10-17 8, 10-20..10-24 9-13, 10-27 14, 10-28 15.
        deadlines.ReplyDue.ShouldBe(new DateTimeOffset(2025, 10, 28, 17, 0, 0, China));
    }

    [Fact]
    public void the_due_times_record_the_policy_and_calendar_versions_they_were_computed_under()
    {
        var policy = new DeadlinePolicy { Id = DeadlinePolicy.StreamId, Version = 3, Rules = [.. DeadlinePolicy.Default.Rules] };
        var county = new CountyCalendar { Id = CountyCalendar.StreamId, Version = 2 };

        var deadlines = WhistleDeadlines.Compute(WhistleType.Routine, BlownBeforeNationalDay, policy, county);

        deadlines.PolicyVersion.ShouldBe(3);
        deadlines.CalendarVersion.ShouldBe(2);
    }

    [Fact]
    public void the_county_policy_in_force_sets_the_intervals_and_the_reminder()
    {
        var policy = new DeadlinePolicy
        {
            Id = DeadlinePolicy.StreamId, Version = 1,
            Rules =
            [
                .. DeadlinePolicy.Default.Rules.Where(r => r.WhistleType != WhistleType.Routine),
                new DeadlineRule(WhistleType.Routine, Interval.WorkingHours(4), Interval.WorkingDays(3), 0.5),
            ],
        };

        var deadlines = WhistleDeadlines.Compute(WhistleType.Routine, BlownBeforeNationalDay, policy, OfficialOnly);

        // 4 office hours from 10:00 on 9-30: 14:00 the same day; 3 working days: 10-9, 10-10, 10-11 (make-up).
        deadlines.SignForDue.ShouldBe(new DateTimeOffset(2025, 9, 30, 14, 0, 0, China));
        deadlines.SignForReminder.ShouldBe(new DateTimeOffset(2025, 9, 30, 12, 0, 0, China));
        deadlines.ReplyDue.ShouldBe(new DateTimeOffset(2025, 10, 11, 17, 0, 0, China));
    }

    [Fact]
    public void a_county_holiday_moves_a_working_day_due_time()
    {
        var county = new CountyCalendar
        {
            Id = CountyCalendar.StreamId, Version = 1,
            Days = [new CalendarDay(new DateOnly(2025, 10, 13), DayKind.CountyHoliday, "县庆")],
        };

        var deadlines = WhistleDeadlines.Compute(WhistleType.Routine, BlownBeforeNationalDay, DeadlinePolicy.Default, county);

        deadlines.ReplyDue.ShouldBe(new DateTimeOffset(2025, 10, 17, 17, 0, 0, China));
        deadlines.CalendarVersion.ShouldBe(1);
    }

    [Fact]
    public void a_start_given_in_utc_gives_due_times_in_china_time()
    {
        var deadlines = WhistleDeadlines.Compute(
            WhistleType.Emergency, BlownBeforeNationalDay.ToUniversalTime(), DeadlinePolicy.Default, OfficialOnly);

        deadlines.SignForDue.Offset.ShouldBe(China);
        deadlines.SignForReminder.Offset.ShouldBe(China);
        deadlines.SignForDue.ShouldBe(new DateTimeOffset(2025, 9, 30, 10, 30, 0, China));
    }
}
