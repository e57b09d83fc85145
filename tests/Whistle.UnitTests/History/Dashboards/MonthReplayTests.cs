using System.Text.Json;
using Shouldly;
using Whistle.Assessment;
using Whistle.Assessment.Appeals;
using Whistle.County.Deadlines;
using Whistle.County.Directory;
using Whistle.History.Dashboards;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Assessment.ScorecardHistory;
using static Whistle.UnitTests.History.Dashboards.PastEventsHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.History.Dashboards;

/// <summary>Given stored events, Then the month's scorecards replayed from them: the projection's own fold, routed as it routes.</summary>
public class MonthReplayTests
{
    [Fact]
    public void the_replay_gives_each_department_the_scorecard_the_projection_folds()
    {
        object[] whistle = [Blown(), SignedFor(Lead), Replied(Lead), SignedForAt(CoHandler, BlownAt.AddHours(30))];

        var history = MonthReplay.Replay(March, OnStream(WhistleId, whistle));

        foreach (var department in new[] { Lead, CoHandler })
        {
            var replayed = history.Cards[department];
            var folded = CardAfter(department, March, whistle);
            replayed.Assignments.ShouldBe(folded.Assignments);
            ScorecardFigures.Of(replayed.Assignments, AssessmentWeights.Default).ShouldBe(ScorecardFigures.Of(folded.Assignments, AssessmentWeights.Default));
        }
        (history.Cards[Lead].Assignments[0].SignedForInTime, history.Cards[CoHandler].Assignments[0].SignedForInTime).ShouldBe((true, false));
    }

    [Fact]
    public void a_replay_over_several_whistles_months_and_a_reassignment_gives_every_month_the_cards_the_projection_folds_in_the_order_given()
    {
        var april = new DateTimeOffset(2026, 4, 8, 9, 0, 0, TimeSpan.FromHours(8));
        var appealed = new ScoreAppealLodged(Guid.NewGuid(), new AppealedItem(WhistleId, Lead, March), "不属本部门职责。", 0, BlownAt.AddDays(40), Officer(Lead), april);
        object[] events =
        [
            .. OnWhistle(WhistleNo(7), BlownWithSignForDue(Original.SignForDue)),
            Blown(), .. RejectedAndPaused(Lead), Upheld(Lead, Other, DeadlinesFrom(april)), PauseEnded(Lead),
            .. OnWhistle(WhistleNo(2), BlownWithSignForDue(april)),
            .. OnWhistle(WhistleNo(1), BlownWithSignForDue(Original.SignForDue), SignedFor(Lead)),
            SignedFor(Other), appealed,
            new ScoreAppealRuled(appealed.AppealId, appealed.Item, AppealRuling.Upheld, "经核实。", Users.OfficeActor, april.AddDays(1)),
        ];
        var stored = Stored([.. events.Select(e => (e is ScoreAppealLodged or ScoreAppealRuled ? appealed.AppealId : WhistleOf(e), e))]);

        var march = MonthReplay.Replay(March, stored);
        var aprilHistory = MonthReplay.Replay("2026-04", stored);

        march.Cards.Keys.ShouldBe([Lead, CoHandler], ignoreOrder: true);
        march.Cards[Lead].Assignments.Select(a => a.WhistleId).ShouldBe([WhistleNo(7), WhistleId, WhistleNo(1)]);
        march.Cards[Lead].Assignments[1].Appeals.ShouldHaveSingleItem().Upheld.ShouldBeTrue();
        aprilHistory.Cards.Keys.ShouldBe([Lead, Other], ignoreOrder: true);
        aprilHistory.Cards[Lead].Assignments.ShouldHaveSingleItem().WhistleId.ShouldBe(WhistleNo(2));
        aprilHistory.Cards[Other].Assignments.ShouldHaveSingleItem().SignedForAt.ShouldBe(BlownAt.AddMinutes(20));
        foreach (var (month, history) in new[] { (March, march), ("2026-04", aprilHistory) })
            foreach (var (department, card) in history.Cards)
            {
                var folded = CardAfter(department, month, events);
                (card.Id, card.Department, card.Month).ShouldBe((folded.Id, folded.Department, folded.Month));
                // As JSON: an assignment's lists (misses, appeals) compare by reference as records.
                JsonSerializer.Serialize(card.Assignments).ShouldBe(JsonSerializer.Serialize(folded.Assignments), $"{department} {month}");
            }
    }

    private static Guid WhistleOf(object e) => e switch
    {
        WhistleBlown b => b.WhistleId,
        AssignmentSignedFor s => s.WhistleId,
        AssignmentRejected r => r.WhistleId,
        AssignmentPaused p => p.WhistleId,
        AssignmentPauseEnded p => p.WhistleId,
        RejectionArbitrated a => a.WhistleId,
        _ => throw new ArgumentException(e.GetType().Name),
    };

    [Fact]
    public void another_months_replay_holds_none_of_the_whistles_assigned_in_march()
    {
        MonthReplay.Replay("2026-04", OnStream(WhistleId, Blown(), SignedFor(Lead))).Cards.ShouldBeEmpty();
    }

    [Fact]
    public void the_weights_and_names_are_those_recorded_by_then_and_the_trail_names_each_event_of_the_assignment()
    {
        var weights = new AssessmentWeights(50, 25, 25);
        var policy = new DeadlinePolicyPublished(DeadlinePolicy.StreamId, 1, DeadlinePolicy.Default.Rules, "新权重", Whistler, BlownAt.AddDays(-1), Assessment: weights);
        var chengguan = new DepartmentRegistered(Guid.NewGuid(), Lead, new DepartmentInfo("县城市管理局", "Urban Management Bureau", [], "李科长", "0393-5550001", "12345"), Whistler, BlownAt.AddDays(-2));

        var history = MonthReplay.Replay(March, Stored(
            (chengguan.DepartmentId, chengguan), (DeadlinePolicy.StreamId, policy), (WhistleId, Blown()), (WhistleId, SignedFor(Lead))));

        (history.Policy.Version, history.Policy.Assessment).ShouldBe((1, weights));
        history.Policies.Keys.Order().ShouldBe([0, 1]);
        history.Departments.ShouldBe(new Dictionary<string, string> { [Lead] = "县城市管理局" });
        history.Trails[(WhistleId, Lead)].Events.ShouldBe(
            [new EventRef(WhistleId, nameof(WhistleBlown), 1, BlownAt), new EventRef(WhistleId, nameof(AssignmentSignedFor), 2, BlownAt.AddMinutes(20))]);
        history.Trails[(WhistleId, Lead)].Type.ShouldBe(WhistleType.Routine);
    }
}
