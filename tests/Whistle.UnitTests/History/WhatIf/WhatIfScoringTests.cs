using Shouldly;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Whistle.History.Dashboards;
using Whistle.History.WhatIf;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Assessment.ScorecardHistory;
using static Whistle.UnitTests.History.Dashboards.PastEventsHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.History.WhatIf;

/// <summary>Given a month's stored events, When scored under another policy, Then the figures side by side and the events that explain them.</summary>
public class WhatIfScoringTests
{
    private static readonly DateTimeOffset Judged = BlownAt.AddDays(4);
    private static readonly DateTimeOffset LateSignFor = BlownAt.AddHours(30);

    private static MonthHistory Month(params object[] events) => MonthReplay.Replay(March, OnStream(WhistleId, events));

    private static WhatIfComparison Compare(MonthHistory history, WhatIfPolicy whatIf) =>
        WhatIfScoring.Compare(history, whatIf.Apply(history.Policy), OfficialCalendar.ToWorkingCalendar(), Judged, _ => true);

    private static IntervalInput Hours(int amount) => new(amount, IntervalUnit.Hours, IntervalBasis.Calendar);

    [Fact]
    public void the_official_policy_as_a_what_if_gives_the_official_figures_and_ranking()
    {
        var history = Month(Blown(), SignedFor(Lead), Overdue(CoHandler, DeadlineKind.SignFor, Original.SignForDue), SignedForAt(CoHandler, LateSignFor), Replied(Lead));

        var same = Compare(history, new WhatIfPolicy(new AssessmentWeightsInput(30, 35, 35),
            [new WhatIfRuleInput(WhistleType.Routine, Hours(24), new IntervalInput(7, IntervalUnit.Days, IntervalBasis.Working))]));

        same.WhatIf.Ranking.ShouldBe(same.Official.Ranking);
        same.Departments.ShouldAllBe(d => d.Score.Change == 0m && d.PlacesClimbed == 0 && d.Events.Count == 0);
    }

    [Fact]
    public void a_longer_sign_for_interval_counts_a_late_sign_for_in_time_and_names_the_sign_for_that_explains_it()
    {
        var history = Month(Blown(), SignedFor(Lead), Overdue(CoHandler, DeadlineKind.SignFor, Original.SignForDue), SignedForAt(CoHandler, LateSignFor));

        var longer = Compare(history, new WhatIfPolicy(Rules: [new WhatIfRuleInput(WhistleType.Routine, SignFor: Hours(48))]));

        var coHandler = longer.Departments.Single(d => d.Department == CoHandler);
        coHandler.ResponseRate.ShouldBe(new FigureDifference(0m, 1m, 1m));
        // 100 × (30 × 1 + 35 × 0) / 65: nobody replied or rated.
        coHandler.Score.ShouldBe(new FigureDifference(0m, 46.15m, 46.15m));
        (coHandler.OfficialRank, coHandler.WhatIfRank, coHandler.PlacesClimbed).ShouldBe((2, 1, 1));
        coHandler.Events.ShouldBe([new WhatIfExplanation(WhistleId, CoHandler, DeadlineKind.SignFor, Original.SignForDue, BlownAt.AddHours(48),
            false, true, new EventRef(WhistleId, nameof(AssignmentSignedFor), 4, LateSignFor))]);
        longer.Departments.Single(d => d.Department == Lead).Events.ShouldBeEmpty();
    }

    [Fact]
    public void a_shorter_sign_for_interval_charges_a_sign_for_that_was_in_time()
    {
        var history = Month(Blown(), SignedFor(Lead));

        var shorter = Compare(history, new WhatIfPolicy(Rules: [new WhatIfRuleInput(WhistleType.Routine, SignFor: new IntervalInput(10, IntervalUnit.Minutes, IntervalBasis.Calendar))]));

        var lead = shorter.Departments.Single(d => d.Department == Lead);
        lead.ResponseRate.ShouldBe(new FigureDifference(1m, 0m, -1m));
        lead.Events.ShouldHaveSingleItem().Event.ShouldBe(new EventRef(WhistleId, nameof(AssignmentSignedFor), 2, BlownAt.AddMinutes(20)));
    }

    [Fact]
    public void another_weighting_reorders_the_ranking_as_computed_by_hand()
    {
        // 城管 signed for in time and has not replied; 规划 signed for late and replied in time.
        var history = Month(Blown(), SignedFor(Lead), SignedForAt(CoHandler, LateSignFor), Replied(CoHandler));

        var reweighed = Compare(history, new WhatIfPolicy(new AssessmentWeightsInput(60, 20, 20)));

        // Official 30/35/35: 城管 100 × 30 / 65 = 46.15, 规划 100 × 35 / 65 = 53.85. What-if 60/20/20: 75.00 and 25.00.
        reweighed.Official.Ranking.Take(2).Select(r => (r.Rank, r.Department, r.Score)).ShouldBe([(1, CoHandler, 53.85m), (2, Lead, 46.15m)]);
        reweighed.WhatIf.Ranking.Take(2).Select(r => (r.Rank, r.Department, r.Score)).ShouldBe([(1, Lead, 75m), (2, CoHandler, 25m)]);
        reweighed.Departments.Single(d => d.Department == Lead).Score.Change.ShouldBe(28.85m);
        reweighed.Departments.Single(d => d.Department == CoHandler).PlacesClimbed.ShouldBe(-1);
        reweighed.Departments.ShouldAllBe(d => d.Events.Count == 0);
        reweighed.WhatIf.Weights.ShouldBe(new AssessmentWeights(60, 20, 20));
    }

    [Fact]
    public void weights_not_summing_to_100_and_a_non_positive_interval_are_refused_naming_the_field()
    {
        new WhatIfPolicy(new AssessmentWeightsInput(50, 30, 30)).Check(new()).ToProblem().ShouldRejectField("assessment", "must sum to 100");
        new WhatIfPolicy(Rules: [new WhatIfRuleInput(WhistleType.Routine, SignFor: Hours(0))]).Check(new()).ToProblem()
            .ShouldRejectField("rules[0].signFor.amount", "must be positive");
        new WhatIfPolicy(Rules: [new WhatIfRuleInput(WhistleType.Routine, Reply: Hours(-3)), new WhatIfRuleInput(WhistleType.Routine, Hours(2))])
            .Check(new()).ToProblem().ShouldRejectFields("rules[0].reply.amount", "rules[1].whistleType");
        new WhatIfPolicy(Rules: [new WhatIfRuleInput(null)]).Check(new()).ToProblem().ShouldRejectFields("rules[0].whistleType", "rules[0]");
        new WhatIfPolicy().Check(new()).ToProblem().ShouldBeNoProblem();
    }
}
