using Shouldly;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.County.Deadlines;

/// <summary>The complaints' due times: each urgency and step of the built-in limits, category ceilings, versions recorded.</summary>
public class ComplaintTimeLimitsTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // Tuesday, the day before 国庆节、中秋节 2025 (October 1-8 off, Saturday October 11 a make-up workday).
    private static readonly DateTimeOffset BeforeNationalDay = new(2025, 9, 30, 10, 0, 0, China);

    private static readonly CountyCalendar OfficialOnly = new() { Id = CountyCalendar.StreamId };

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, China);

    private static ComplaintDeadline Compute(ComplaintStep step, ComplaintUrgency urgency, string category = "illegal-parking") =>
        ComplaintTimeLimits.Compute(step, urgency, category, BeforeNationalDay, DeadlinePolicy.Default, OfficialOnly);

    [Fact]
    public void the_built_in_limits_are_the_anchors_figures()
    {
        var limits = ComplaintLimits.Default;

        limits.Urgencies.ShouldBe(
        [
            new ComplaintLimit(ComplaintUrgency.Emergency, Interval.CalendarHours(1), Interval.CalendarHours(2), Interval.WorkingDays(1), 0.75),
            new ComplaintLimit(ComplaintUrgency.Ordinary, Interval.CalendarHours(24), Interval.WorkingDays(7), Interval.WorkingDays(1), 0.75),
            new ComplaintLimit(ComplaintUrgency.Complex, Interval.CalendarHours(24), Interval.WorkingDays(15), Interval.WorkingDays(1), 0.75),
        ]);
        limits.Categories.ShouldBe([new ComplaintCategoryLimit("utilities", Resolve: Interval.CalendarHours(24))]);
        DeadlinePolicy.Default.Complaints.ShouldBeSameAs(limits);
    }

    [Theory]
    // step, urgency, due (month, day, hour, minute), reminder (month, day, hour, minute)
    [InlineData(ComplaintStep.Accept, ComplaintUrgency.Ordinary, 10, 1, 10, 0, 10, 1, 4, 0)]       // 24 clock hours; the holiday counts
    [InlineData(ComplaintStep.Accept, ComplaintUrgency.Complex, 10, 1, 10, 0, 10, 1, 4, 0)]
    [InlineData(ComplaintStep.Accept, ComplaintUrgency.Emergency, 9, 30, 11, 0, 9, 30, 10, 45)]    // 1 clock hour
    // Working days after 9-30: 10-9 1, 10-10 2, Sat 10-11 (make-up) 3, 10-13 4, 10-14 5, 10-15 6, 10-16 7; at close.
    [InlineData(ComplaintStep.Resolve, ComplaintUrgency.Ordinary, 10, 16, 17, 0, 10, 12, 15, 15)]
    // After 10-16 (7): 10-17 8, 10-20..10-24 9-13, 10-27 14, 10-28 15.
    [InlineData(ComplaintStep.Resolve, ComplaintUrgency.Complex, 10, 28, 17, 0, 10, 21, 15, 15)]
    [InlineData(ComplaintStep.Resolve, ComplaintUrgency.Emergency, 9, 30, 12, 0, 9, 30, 11, 30)]   // 2 clock hours
    // The next working day is the first after the holiday: 10-9 at close; 75% of 223 h is 167 h 15 min.
    [InlineData(ComplaintStep.FollowUp, ComplaintUrgency.Ordinary, 10, 9, 17, 0, 10, 7, 9, 15)]
    [InlineData(ComplaintStep.FollowUp, ComplaintUrgency.Emergency, 10, 9, 17, 0, 10, 7, 9, 15)]
    public void each_step_of_each_urgency_is_due_by_its_interval_with_the_reminder_at_three_quarters(
        ComplaintStep step, ComplaintUrgency urgency, int month, int day, int hour, int minute,
        int remindMonth, int remindDay, int remindHour, int remindMinute) =>
        Compute(step, urgency).ShouldBe(new ComplaintDeadline(
            step, At(2025, month, day, hour, minute), At(2025, remindMonth, remindDay, remindHour, remindMinute), PolicyVersion: 0, CalendarVersion: 0));

    [Theory]
    [InlineData(ComplaintUrgency.Ordinary, 10, 1, 10)]    // 24 hours, not 7 working days
    [InlineData(ComplaintUrgency.Complex, 10, 1, 10)]     // 24 hours, not 15 working days
    [InlineData(ComplaintUrgency.Emergency, 9, 30, 12)]   // the emergency's 2 hours are sooner than the category's 24
    public void a_utilities_failure_is_resolved_by_the_sooner_of_its_category_and_its_urgency(
        ComplaintUrgency urgency, int month, int day, int hour) =>
        Compute(ComplaintStep.Resolve, urgency, ComplaintLimits.UtilitiesCategory).DueAt.ShouldBe(At(2025, month, day, hour));

    [Fact]
    public void a_category_ceiling_covers_only_the_steps_it_names() =>
        Compute(ComplaintStep.Accept, ComplaintUrgency.Ordinary, ComplaintLimits.UtilitiesCategory).DueAt.ShouldBe(At(2025, 10, 1, 10));

    [Fact]
    public void the_reminder_of_a_category_ceiling_falls_at_the_urgency_s_fraction_of_the_ceiling() =>
        Compute(ComplaintStep.Resolve, ComplaintUrgency.Ordinary, ComplaintLimits.UtilitiesCategory).RemindAt.ShouldBe(At(2025, 10, 1, 4));

    [Fact]
    public void the_due_time_records_the_policy_and_calendar_versions_it_was_computed_under()
    {
        var policy = DeadlinePolicy.Default with { Version = 3 };
        var county = new CountyCalendar { Id = CountyCalendar.StreamId, Version = 2 };

        var due = ComplaintTimeLimits.Compute(ComplaintStep.Resolve, ComplaintUrgency.Ordinary, "noise", BeforeNationalDay, policy, county);

        (due.PolicyVersion, due.CalendarVersion).ShouldBe((3, 2));
    }

    [Fact]
    public void a_county_s_own_limits_replace_the_built_in_ones()
    {
        var policy = DeadlinePolicy.Default with
        {
            Version = 4,
            Complaints = ComplaintLimits.Default with
            {
                Urgencies =
                [
                    .. ComplaintLimits.Default.Urgencies.Where(u => u.Urgency != ComplaintUrgency.Ordinary),
                    new ComplaintLimit(ComplaintUrgency.Ordinary, Interval.WorkingHours(4), Interval.WorkingDays(5), Interval.CalendarHours(48), 0.5),
                ],
                Categories = [],
            },
        };

        var accept = ComplaintTimeLimits.Compute(ComplaintStep.Accept, ComplaintUrgency.Ordinary, "utilities", BeforeNationalDay, policy, OfficialOnly);
        var resolve = ComplaintTimeLimits.Compute(ComplaintStep.Resolve, ComplaintUrgency.Ordinary, "utilities", BeforeNationalDay, policy, OfficialOnly);

        accept.DueAt.ShouldBe(At(2025, 9, 30, 14));                     // 4 office hours from 10:00
        accept.RemindAt.ShouldBe(At(2025, 9, 30, 12));                  // half way
        resolve.DueAt.ShouldBe(At(2025, 10, 14, 17));                   // 5 working days, no utilities ceiling any more
        resolve.PolicyVersion.ShouldBe(4);
    }

    [Fact]
    public void a_working_time_limit_running_into_a_year_without_an_official_schedule_is_marked()
    {
        // Thursday 24 December 2026: seven working days run into 2027, whose holidays are not known yet.
        var start = At(2026, 12, 24, 10);

        var resolve = ComplaintTimeLimits.Compute(ComplaintStep.Resolve, ComplaintUrgency.Ordinary, "noise", start, DeadlinePolicy.Default, OfficialOnly);
        var accept = ComplaintTimeLimits.Compute(ComplaintStep.Accept, ComplaintUrgency.Ordinary, "noise", start, DeadlinePolicy.Default, OfficialOnly);

        resolve.WithoutOfficialSchedule.ShouldBe(true);
        accept.WithoutOfficialSchedule.ShouldBeNull();   // 24 clock hours: no holiday moves it
    }

    [Fact]
    public void a_policy_version_published_without_complaint_limits_has_the_built_in_ones()
    {
        var published = new DeadlinePolicyPublished(
            DeadlinePolicy.StreamId, 1, [.. DeadlinePolicy.Default.Rules], "旧版本 An older version", Users.AdminActor, Now);

        DeadlinePolicy.Create(published).Complaints.ShouldBe(ComplaintLimits.Default);
    }

    [Fact]
    public void a_policy_version_with_complaint_limits_has_those_and_the_next_version_without_them_the_built_in_ones()
    {
        var own = new ComplaintLimits(ComplaintLimits.Default.Urgencies, [new ComplaintCategoryLimit("noise", Accept: Interval.CalendarHours(2))]);
        var first = new DeadlinePolicyPublished(DeadlinePolicy.StreamId, 1, [.. DeadlinePolicy.Default.Rules], null, Users.AdminActor, Now, own);
        var second = new DeadlinePolicyPublished(DeadlinePolicy.StreamId, 2, [.. DeadlinePolicy.Default.Rules], null, Users.AdminActor, Now.AddDays(1));

        DeadlinePolicy.Create(first).Complaints.ShouldBe(own);
        DeadlinePolicy.Create(first).Apply(second).Complaints.ShouldBe(ComplaintLimits.Default);   // each version is whole
    }
}
