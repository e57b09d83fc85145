using Shouldly;
using Whistle.Assessment.Appeals;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Assessment.Appeals;

public class RuleOnScoreAppealTests
{
    private static readonly Guid AppealId = Guid.Parse("019ca8f0-3000-7000-8000-00000000a001");
    private static readonly AppealedItem Item = new(WhistleId, Lead, "2026-03");
    private static readonly ScoreAppealLodged Lodged = new(AppealId, Item, "不属本部门职责。", 0, Now.AddDays(40), Officer(Lead), Now);

    [Fact]
    public void the_office_upholds_an_appeal_and_the_ruling_carries_the_item_it_corrects()
    {
        var appeal = EventSpecification.Given<ScoreAppeal>(Lodged);
        var command = new RuleOnScoreAppeal(AppealRuling.Upheld, "经核实，该路段由省公路部门管养。");

        RuleOnScoreAppealEndpoint.Validate(command, appeal).ShouldBeNoProblem();
        var (answer, events) = RuleOnScoreAppealEndpoint.Rule(command, appeal, Users.OfficeActor, Now.AddDays(1));

        answer.ShouldBe(new ScoreAppealAnswer(AppealId, AppealRuling.Upheld));
        events.ShouldHaveSingleItem().ShouldBe(
            new ScoreAppealRuled(AppealId, Item, AppealRuling.Upheld, "经核实，该路段由省公路部门管养。", Users.OfficeActor, Now.AddDays(1)));
    }

    [Fact]
    public void ruling_an_appeal_already_ruled_is_409()
    {
        var appeal = EventSpecification.Given<ScoreAppeal>(Lodged,
            new ScoreAppealRuled(AppealId, Item, AppealRuling.Dismissed, "属本部门职责。", Users.OfficeActor, Now.AddDays(1)));

        RuleOnScoreAppealEndpoint.Validate(new RuleOnScoreAppeal(AppealRuling.Upheld, "改判"), appeal).ShouldBeConflict("already ruled (Dismissed)");
    }

    [Fact]
    public void a_ruling_without_its_ruling_or_reason_is_400()
    {
        var appeal = EventSpecification.Given<ScoreAppeal>(Lodged);

        RuleOnScoreAppealEndpoint.Validate(new RuleOnScoreAppeal(null, ""), appeal).ShouldRejectFields("reason", "ruling");
    }
}
