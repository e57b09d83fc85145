using System.Text.Json;
using System.Text.Json.Serialization;
using Shouldly;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.County.Deadlines;

public class DeadlinePolicyTests
{
    [Fact]
    public void the_default_policy_is_the_one_design_section_4_sets_out()
    {
        var policy = DeadlinePolicy.Default;

        policy.Id.ShouldBe(DeadlinePolicy.StreamId);
        policy.Version.ShouldBe(0);
        policy.Rules.ShouldBe(
        [
            new DeadlineRule(WhistleType.Emergency, new Interval(30, IntervalUnit.Minutes, IntervalBasis.Calendar),
                new Interval(24, IntervalUnit.Hours, IntervalBasis.Calendar), 0.75,
                Interval.CalendarHours(1), Interval.CalendarHours(2), 0.75, Interval.WorkingDays(5)),
            new DeadlineRule(WhistleType.Routine, new Interval(24, IntervalUnit.Hours, IntervalBasis.Calendar),
                new Interval(7, IntervalUnit.Days, IntervalBasis.Working), 0.75,
                Interval.WorkingDays(1), Interval.WorkingDays(2), 0.75, Interval.WorkingDays(5)),
            new DeadlineRule(WhistleType.Tough, new Interval(24, IntervalUnit.Hours, IntervalBasis.Calendar),
                new Interval(15, IntervalUnit.Days, IntervalBasis.Working), 0.75,
                Interval.WorkingDays(3), Interval.WorkingDays(3), 0.75, Interval.WorkingDays(5)),
        ]);
    }

    /// <summary>JSON as the event store writes it: camel case, enums by name.</summary>
    private static readonly JsonSerializerOptions StoreJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A policy version published before the rejection, ruling and notice times existed, as the store holds it.</summary>
    private const string EarlierVersion = """
        {"policyId":"019c0a10-2000-7000-8000-0000000000a1","version":1,"rules":[
          {"whistleType":"Emergency","signFor":{"amount":30,"unit":"Minutes","basis":"Calendar"},"reply":{"amount":24,"unit":"Hours","basis":"Calendar"},"reminderAt":0.75},
          {"whistleType":"Routine","signFor":{"amount":24,"unit":"Hours","basis":"Calendar"},"reply":{"amount":5,"unit":"Days","basis":"Working"},"reminderAt":0.6},
          {"whistleType":"Tough","signFor":{"amount":24,"unit":"Hours","basis":"Calendar"},"reply":{"amount":15,"unit":"Days","basis":"Working"},"reminderAt":0.75}],
         "note":"旧版","by":{"userId":"u-admin","name":"周管理","role":"admin"},"at":"2026-01-05T10:00:00+08:00"}
        """;

    [Fact]
    public void a_version_published_before_the_rejection_ruling_and_notice_times_still_reads_and_takes_the_built_in_ones()
    {
        var published = JsonSerializer.Deserialize<DeadlinePolicyPublished>(EarlierVersion, StoreJson).ShouldNotBeNull();

        var policy = DeadlinePolicy.Create(published);

        policy.Rule(WhistleType.Routine).RejectionWindow.ShouldBeNull();
        policy.Rule(WhistleType.Routine).Reply.ShouldBe(Interval.WorkingDays(5));
        policy.RejectionWindow(WhistleType.Routine).ShouldBe(Interval.WorkingDays(1));
        policy.Ruling(WhistleType.Emergency).ShouldBe(Interval.CalendarHours(2));
        policy.RulingReminderAt(WhistleType.Routine).ShouldBe(0.6);
        policy.BreachNotice(WhistleType.Tough).ShouldBe(Interval.WorkingDays(5));
    }

    [Theory]
    [InlineData(WhistleType.Emergency, 30, IntervalUnit.Minutes)]
    [InlineData(WhistleType.Routine, 24, IntervalUnit.Hours)]
    [InlineData(WhistleType.Tough, 24, IntervalUnit.Hours)]
    public void each_whistle_type_has_its_own_rule(WhistleType type, int signFor, IntervalUnit unit)
    {
        var rule = DeadlinePolicy.Default.Rule(type);

        rule.WhistleType.ShouldBe(type);
        rule.SignFor.ShouldBe(new Interval(signFor, unit, IntervalBasis.Calendar));
    }

    [Fact]
    public void the_default_policy_passes_the_validation_a_published_one_must()
    {
        static IntervalInput Input(Interval i) => new(i.Amount, i.Unit, i.Basis);
        var command = new PublishDeadlinePolicy(
            [.. DeadlinePolicy.Default.Rules.Select(r => new DeadlineRuleInput(r.WhistleType, Input(r.SignFor), Input(r.Reply), r.ReminderAt))],
            DeadlinePolicy.Default.Note);

        PublishDeadlinePolicyEndpoint.Validate(command).ShouldBeNoProblem();
    }

    [Fact]
    public void a_published_policy_replaces_the_rules_and_takes_the_published_version()
    {
        var earlier = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));
        var policy = DeadlinePolicy.Create(new DeadlinePolicyPublished(
            DeadlinePolicy.StreamId, 1, DeadlinePolicy.Default.Rules, "默认时限", Users.ClerkActor, earlier));
        DeadlineRule[] shorter = [.. DeadlinePolicy.Default.Rules.Select(r => r with { ReminderAt = 0.5 })];

        policy = policy.Apply(new DeadlinePolicyPublished(DeadlinePolicy.StreamId, 2, shorter, null, Users.AdminActor, Now));

        policy.Id.ShouldBe(DeadlinePolicy.StreamId);
        policy.Version.ShouldBe(2);
        policy.Rules.ShouldBe(shorter);
        policy.Note.ShouldBeNull();
        policy.PublishedAt.ShouldBe(Now);
        policy.PublishedBy.ShouldBe(Users.AdminActor);
    }

    [Fact]
    public void a_version_not_published_is_404() =>
        DeadlinePolicyVersionEndpoint.Validate(4, null).ShouldBeNotFound();
}
