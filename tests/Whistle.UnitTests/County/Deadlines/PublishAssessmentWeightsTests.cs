using Shouldly;
using Whistle.County.Deadlines;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.County.Deadlines;

/// <summary>The assessment weights of PUT /api/deadline-policy: optional, three weights summing to 100, versioned with the policy.</summary>
public class PublishAssessmentWeightsTests
{
    private static readonly IReadOnlyList<DeadlineRuleInput> WhistleRules =
    [
        .. DeadlinePolicy.Default.Rules.Select(r => new DeadlineRuleInput(
            r.WhistleType, new IntervalInput(r.SignFor.Amount, r.SignFor.Unit, r.SignFor.Basis),
            new IntervalInput(r.Reply.Amount, r.Reply.Unit, r.Reply.Basis), r.ReminderAt)),
    ];

    private static PublishDeadlinePolicy Policy(AssessmentWeightsInput? weights) => new(WhistleRules, "调整考核权重", null, weights);

    [Fact]
    public void a_version_without_weights_carries_the_default_30_35_35()
    {
        var published = PublishDeadlinePolicyEndpoint.Publish(Policy(null), 1, Users.AdminActor, Now);

        published.Assessment.ShouldBeNull();
        DeadlinePolicy.Create(published).Assessment.ShouldBe(new AssessmentWeights(30, 35, 35));
    }

    [Fact]
    public void a_version_with_weights_records_them_and_the_policy_scores_with_them()
    {
        var command = Policy(new AssessmentWeightsInput(20, 40, 40));

        PublishDeadlinePolicyEndpoint.Validate(command).ShouldBeNoProblem();
        var published = PublishDeadlinePolicyEndpoint.Publish(command, 1, Users.AdminActor, Now);

        (published.Version, published.Assessment).ShouldBe((2, new AssessmentWeights(20, 40, 40)));
        DeadlinePolicy.Create(published).Assessment.ShouldBe(new AssessmentWeights(20, 40, 40));
    }

    [Fact]
    public void weights_must_sum_to_100() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(new AssessmentWeightsInput(30, 35, 30))).ShouldRejectField("assessment", "must sum to 100 (they sum to 95)");

    [Fact]
    public void each_weight_is_given_from_0_to_100() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(new AssessmentWeightsInput(null, 101, 0)))
            .ShouldRejectFields("assessment.response", "assessment.resolution");

    [Fact]
    public void the_appeal_window_is_optional_versioned_with_the_policy_and_defaults_to_10_days()
    {
        var command = Policy(new AssessmentWeightsInput(30, 35, 35, AppealWindowDays: 5));

        PublishDeadlinePolicyEndpoint.Validate(command).ShouldBeNoProblem();
        DeadlinePolicy.Create(PublishDeadlinePolicyEndpoint.Publish(command, 1, Users.AdminActor, Now)).Assessment.AppealDays.ShouldBe(5);
        DeadlinePolicy.Create(PublishDeadlinePolicyEndpoint.Publish(Policy(new AssessmentWeightsInput(30, 35, 35)), 1, Users.AdminActor, Now))
            .Assessment.AppealDays.ShouldBe(10);
        DeadlinePolicy.Default.Assessment.AppealDays.ShouldBe(10);
    }

    [Fact]
    public void the_appeal_window_is_1_to_60_days() =>
        PublishDeadlinePolicyEndpoint.Validate(Policy(new AssessmentWeightsInput(30, 35, 35, AppealWindowDays: 0)))
            .ShouldRejectField("assessment.appealWindowDays", "An appeal window of 1 to 60 days.");
}
