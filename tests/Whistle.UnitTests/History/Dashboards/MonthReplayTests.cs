using Shouldly;
using Whistle.Assessment;
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
