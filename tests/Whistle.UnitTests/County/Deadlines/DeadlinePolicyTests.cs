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
                new Interval(24, IntervalUnit.Hours, IntervalBasis.Calendar), 0.75),
            new DeadlineRule(WhistleType.Routine, new Interval(24, IntervalUnit.Hours, IntervalBasis.Calendar),
                new Interval(7, IntervalUnit.Days, IntervalBasis.Working), 0.75),
            new DeadlineRule(WhistleType.Tough, new Interval(24, IntervalUnit.Hours, IntervalBasis.Calendar),
                new Interval(15, IntervalUnit.Days, IntervalBasis.Working), 0.75),
        ]);
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
