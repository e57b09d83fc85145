using Shouldly;
using Whistle.Assessment;
using Whistle.Assessment.Appeals;
using Whistle.County.Deadlines;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Assessment.ScorecardHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Assessment.Appeals;

/// <summary>
/// Given the whistle's events and the appeal's, folded as the daemon folds them into 城管's March scorecard, Then the
/// corrected figures (which rank) and the original ones (which stay visible).
/// </summary>
public class AppealedScorecardTests
{
    private static readonly Guid AppealId = Guid.Parse("019ca8f0-3000-7000-8000-00000000a001");
    private static readonly DateTimeOffset LodgedAt = BlownAt.AddDays(10);

    private static ScoreAppealLodged Lodged(DeadlineKind? kind = null, DateTimeOffset? dueAt = null) =>
        new(AppealId, new AppealedItem(WhistleId, Lead, March, kind, dueAt), "不属本部门职责。", 0, BlownAt.AddDays(40), Officer(Lead), LodgedAt);

    private static ScoreAppealRuled Ruled(ScoreAppealLodged lodged, AppealRuling ruling) =>
        new(AppealId, lodged.Item, ruling, "经核实。", Users.OfficeActor, LodgedAt.AddDays(1));

    private static (ScorecardFigures Corrected, ScorecardFigures Original, DepartmentScorecard Card) After(params object[] events)
    {
        var card = CardAfter(Lead, March, events);
        return (ScorecardFigures.Of(card.Assignments, AssessmentWeights.Default), ScorecardFigures.Original(card.Assignments, AssessmentWeights.Default), card);
    }

    [Fact]
    public void an_upheld_appeal_on_the_assignment_takes_it_out_of_every_figure_and_the_original_figures_keep_it()
    {
        var due = Original.SignForDue;
        var lodged = Lodged();
        // A second whistle, answered in time, stays on the scorecard.
        object[] other = OnWhistle(OtherWhistleId, Blown(), SignedForAt(Lead, due), RepliedAt(Lead, due), Rated(Lead, 5));

        var (corrected, original, card) = After([Blown(), Overdue(Lead, DeadlineKind.SignFor, due), Rated(Lead, 1), .. other, lodged, Ruled(lodged, AppealRuling.Upheld)]);

        (original.Due, original.MissedDeadlines, original.Overdue, original.SignedForInTime, original.Rated, original.Satisfied).ShouldBe((2, 1, 1, 1, 2, 1));
        (corrected.Due, corrected.MissedDeadlines, corrected.Overdue, corrected.SignedForInTime, corrected.Rated, corrected.Satisfied).ShouldBe((1, 0, 0, 1, 1, 1));
        (original.ResponseRate, corrected.ResponseRate).ShouldBe((0.5m, 1m));
        card.Assignments.Single(a => a.WhistleId == WhistleId).Appeals.ShouldHaveSingleItem()
            .ShouldBe(new AssignmentAppeal(AppealId, null, null, "不属本部门职责。", LodgedAt, AppealRuling.Upheld, "经核实。", LodgedAt.AddDays(1)));
    }

    [Fact]
    public void an_upheld_appeal_on_a_missed_sign_for_waives_the_charge_and_counts_the_late_sign_for_as_in_time()
    {
        var due = Original.SignForDue;
        var lodged = Lodged(DeadlineKind.SignFor, due);

        var (corrected, original, _) = After(Blown(), Overdue(Lead, DeadlineKind.SignFor, due), SignedForAt(Lead, due.AddHours(2)),
            lodged, Ruled(lodged, AppealRuling.Upheld));

        (original.Due, original.MissedDeadlines, original.Overdue, original.SignedForInTime).ShouldBe((1, 1, 1, 0));
        (corrected.Due, corrected.MissedDeadlines, corrected.Overdue, corrected.SignedForInTime).ShouldBe((1, 0, 0, 1));
    }

    [Fact]
    public void a_waived_deadline_waives_only_that_one_a_renewed_due_time_missed_again_is_still_charged()
    {
        var due = Original.SignForDue;
        var renewed = SignForRenewedFrom(due, Original);
        var lodged = Lodged(DeadlineKind.SignFor, due);

        var (corrected, _, _) = After(Blown(), Overdue(Lead, DeadlineKind.SignFor, due),
            Escalated(WhistleLevel.Community, Lead, DeadlineKind.SignFor, renewed, due), Overdue(Lead, DeadlineKind.SignFor, renewed.SignForDue),
            lodged, Ruled(lodged, AppealRuling.Upheld));

        (corrected.MissedDeadlines, corrected.Overdue, corrected.SignedForInTime).ShouldBe((1, 1, 0));
    }

    [Fact]
    public void a_pending_or_dismissed_appeal_shows_on_its_assignment_and_changes_no_figure()
    {
        var due = Original.SignForDue;
        var lodged = Lodged(DeadlineKind.SignFor, due);
        object[] history = [Blown(), Overdue(Lead, DeadlineKind.SignFor, due)];

        var pending = After([.. history, lodged]);
        var dismissed = After([.. history, lodged, Ruled(lodged, AppealRuling.Dismissed)]);

        pending.Corrected.ShouldBe(pending.Original);
        dismissed.Corrected.ShouldBe(dismissed.Original);
        pending.Card.Assignments.Single().Appeals.ShouldHaveSingleItem().Ruling.ShouldBeNull();
        dismissed.Card.Assignments.Single().Appeals.ShouldHaveSingleItem().Ruling.ShouldBe(AppealRuling.Dismissed);
    }

    [Fact]
    public void an_appeal_of_another_department_or_month_leaves_the_scorecard_alone()
    {
        var lodged = Lodged() with { Item = new AppealedItem(WhistleId, CoHandler, March) };
        var april = Lodged() with { Item = new AppealedItem(WhistleId, Lead, "2026-04") };

        After(Blown(), lodged, april).Card.Assignments.Single().Appeals.ShouldBeEmpty();
    }

    [Fact]
    public void an_upheld_appeal_changes_the_ranking()
    {
        var due = Original.SignForDue;
        var lodged = Lodged(DeadlineKind.SignFor, due);
        // 城管 signed for two hours late and has not replied: 0 before the appeal; the waived miss makes its response 1 → 46.15.
        var (corrected, original, _) = After(Blown(), Overdue(Lead, DeadlineKind.SignFor, due), SignedForAt(Lead, due.AddHours(2)),
            lodged, Ruled(lodged, AppealRuling.Upheld));
        // 规划 signed for in time and has not replied: response 1, resolution 0 → 100 × 30 / 65 = 46.15.
        var guihua = FiguresAfter(CoHandler, Blown(), SignedForAt(CoHandler, due));

        DepartmentRanking.Rank([(Lead, "城管", original), (CoHandler, "规划", guihua)]).Select(r => (r.Rank, r.Department, r.Score))
            .ShouldBe([((int?)1, CoHandler, (decimal?)46.15m), (2, Lead, 0m)]);
        DepartmentRanking.Rank([(Lead, "城管", corrected), (CoHandler, "规划", guihua)]).Select(r => (r.Rank, r.Department, r.Score))
            .ShouldBe([((int?)1, Lead, (decimal?)46.15m), (1, CoHandler, 46.15m)]);
    }
}
