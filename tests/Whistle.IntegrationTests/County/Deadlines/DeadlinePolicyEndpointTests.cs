using Alba;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;

namespace Whistle.IntegrationTests.County.Deadlines;

public sealed class DeadlinePolicyEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static IntervalInput Minutes(int n) => new(n, IntervalUnit.Minutes, IntervalBasis.Calendar);
    private static IntervalInput WorkingDays(int n) => new(n, IntervalUnit.Days, IntervalBasis.Working);

    private static PublishDeadlinePolicy Policy(int emergencyMinutes = 30) => new(
    [
        new(WhistleType.Emergency, Minutes(emergencyMinutes), Minutes(24 * 60), 0.75),
        new(WhistleType.Routine, Minutes(2), Minutes(5), 0.5),
        new(WhistleType.Tough, Minutes(24 * 60), WorkingDays(15), 0.75),
    ], "演示用短时限 Short deadlines for a demonstration");

    private Task<IScenarioResult> Publish(Tokens.User user, PublishDeadlinePolicy policy, int status, string county) =>
        Send(user, x => x.Put.Json(policy, JsonStyle.MinimalApi).ToUrl("/api/deadline-policy"), status, county);

    [Fact]
    public async Task the_sample_county_runs_the_default_policy_as_version_1()
    {
        var policy = await Get<DeadlinePolicy>(Tokens.Clerk, "/api/deadline-policy");

        policy.Version.ShouldBe(1);
        policy.Rule(WhistleType.Routine).Reply.ShouldBe(Interval.WorkingDays(7));
        policy.Rule(WhistleType.Emergency).SignFor.ShouldBe(Interval.CalendarMinutes(30));
    }

    [Fact]
    public async Task a_new_policy_version_changes_the_due_times_and_records_its_version()
    {
        var county = await App.NewCountyAsync();

        var published = await Publish(Tokens.Admin, Policy(), 200, county);

        (await published.ReadAsJsonAsync<DeadlinePolicyVersionPublished>())!.Version.ShouldBe(2);
        var due = await Get<AssignmentDeadlines>(Tokens.Clerk,
            "/api/deadline-policy/due-times?whistleType=Routine&start=" + Uri.EscapeDataString("2026-03-02T10:00:00+08:00"), county);
        due.ShouldBe(new AssignmentDeadlines(
            At("2026-03-02T10:02:00+08:00"), At("2026-03-02T10:01:00+08:00"),
            At("2026-03-02T10:05:00+08:00"), At("2026-03-02T10:02:30+08:00"), 2, 0));
        (await Get<DeadlinePolicyPublished>(Tokens.Analyst, "/api/deadline-policy/versions/1", county))
            .Rules.Single(r => r.WhistleType == WhistleType.Routine).Reply.ShouldBe(Interval.WorkingDays(7));
    }

    [Fact]
    public async Task the_rejection_window_ruling_time_and_notice_interval_are_optional_and_versioned_with_the_policy()
    {
        var county = await App.NewCountyAsync();
        var policy = Policy();
        var routine = policy.Rules![1] with { RejectionWindow = Minutes(90), Ruling = WorkingDays(1), RulingReminderAt = 0.5, BreachNotice = WorkingDays(3) };

        await Publish(Tokens.Admin, policy with { Rules = [policy.Rules[0], routine, policy.Rules[2]] }, 200, county);

        var current = await Get<DeadlinePolicy>(Tokens.Clerk, "/api/deadline-policy", county);
        current.Rule(WhistleType.Routine).ShouldBe(new DeadlineRule(WhistleType.Routine, Interval.CalendarMinutes(2), Interval.CalendarMinutes(5), 0.5,
            Interval.CalendarMinutes(90), Interval.WorkingDays(1), 0.5, Interval.WorkingDays(3)));
        // Left out, the tough rule took the built-in figures, recorded on the version itself.
        current.Rule(WhistleType.Tough).ShouldBe(new DeadlineRule(WhistleType.Tough, Interval.CalendarMinutes(24 * 60), Interval.WorkingDays(15), 0.75,
            Interval.WorkingDays(3), Interval.WorkingDays(3), 0.75, Interval.WorkingDays(5)));
        (await Get<DeadlinePolicyPublished>(Tokens.Analyst, "/api/deadline-policy/versions/2", county))
            .Rules.Single(r => r.WhistleType == WhistleType.Routine).RejectionWindow.ShouldBe(Interval.CalendarMinutes(90));
    }

    [Fact]
    public async Task an_invalid_rejection_window_is_400()
    {
        var county = await App.NewCountyAsync();
        var policy = Policy();
        var emergency = policy.Rules![0] with { RejectionWindow = Minutes(0), RulingReminderAt = 1.5 };

        var result = await Publish(Tokens.Admin, policy with { Rules = [emergency, policy.Rules[1], policy.Rules[2]] }, 400, county);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys
            .ShouldBe(["rules[0].rejectionWindow.amount", "rules[0].rulingReminderAt"], ignoreOrder: true);
    }

    [Fact]
    public async Task a_non_positive_interval_is_400_and_nothing_is_published()
    {
        var county = await App.NewCountyAsync();

        var result = await Publish(Tokens.Admin, Policy(emergencyMinutes: 0), 400, county);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["rules[0].signFor.amount"]);
        (await Get<DeadlinePolicy>(Tokens.Clerk, "/api/deadline-policy", county)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task a_policy_missing_a_whistle_type_is_400()
    {
        var county = await App.NewCountyAsync();
        var policy = Policy();

        var result = await Publish(Tokens.Admin, policy with { Rules = policy.Rules!.Take(2).ToList() }, 400, county);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors["rules"][0].ShouldContain("Tough");
    }

    [Fact]
    public async Task the_due_times_of_a_routine_whistle_cross_the_national_day_holiday()
    {
        var due = await Get<AssignmentDeadlines>(Tokens.Clerk,
            "/api/deadline-policy/due-times?whistleType=Routine&start=" + Uri.EscapeDataString("2025-09-30T10:00:00+08:00"));

        due.SignForDue.ShouldBe(At("2025-10-01T10:00:00+08:00"));
        due.ReplyDue.ShouldBe(At("2025-10-16T17:00:00+08:00"));
        due.PolicyVersion.ShouldBe(1);
    }

    [Fact]
    public async Task an_unknown_whistle_type_is_400()
    {
        var result = await Send(Tokens.Clerk, x => x.Get.Url("/api/deadline-policy/due-times?whistleType=Loud"), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["whistleType"]);
    }
}
