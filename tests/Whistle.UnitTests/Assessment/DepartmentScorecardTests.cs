using Shouldly;
using Whistle.Assessment;
using Whistle.County.Deadlines;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Assessment.ScorecardHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Assessment;

public class DepartmentScorecardTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly int[] SignForMinutes = [50, 10, 40, 20, 30];

    [Fact]
    public void an_assignment_is_due_in_the_month_its_first_sign_for_due_time_falls_in_on_the_county_clock()
    {
        // 2026-12-01 00:30 in the county is still 30 November in UTC: the county's clock decides.
        var blown = BlownWithSignForDue(new DateTimeOffset(2026, 12, 1, 0, 30, 0, China));

        CardAfter(Lead, "2026-11", blown).Assignments.ShouldBeEmpty();
        var december = CardAfter(Lead, "2026-12", blown);

        (december.Id, december.Department, december.Month).ShouldBe(("chengguan:2026-12", Lead, "2026-12"));
        december.Assignments.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            a => a.WhistleId.ShouldBe(WhistleId),
            a => a.Role.ShouldBe(AssignmentRole.Lead),
            a => a.AssignedAt.ShouldBe(BlownAt));
        CardAfter(CoHandler, "2026-12", blown).Assignments.ShouldBeEmpty();
    }

    [Fact]
    public void each_department_of_a_whistle_has_its_own_line_on_its_own_scorecard()
    {
        FiguresAfter(Lead, Blown()).Due.ShouldBe(1);
        FiguresAfter(CoHandler, Blown()).Due.ShouldBe(1);
        FiguresAfter(Other, Blown()).Due.ShouldBe(0);
    }

    [Fact]
    public void a_sign_for_by_the_due_time_is_in_time_and_one_after_it_is_not()
    {
        var due = Original.SignForDue;

        FiguresAfter(Lead, Blown(), SignedForAt(Lead, due)).SignedForInTime.ShouldBe(1);
        FiguresAfter(Lead, Blown(), SignedForAt(Lead, due.AddSeconds(1))).SignedForInTime.ShouldBe(0);
        FiguresAfter(Lead, Blown()).SignedForInTime.ShouldBe(0);
    }

    [Fact]
    public void a_sign_for_after_a_missed_sign_for_is_not_in_time_even_within_the_renewed_due_time()
    {
        var due = Original.SignForDue;
        var renewed = SignForRenewedFrom(due, Original);

        var figures = FiguresAfter(Lead, Blown(), Overdue(Lead, DeadlineKind.SignFor, due),
            Escalated(WhistleLevel.Community, Lead, DeadlineKind.SignFor, renewed, due), SignedForAt(Lead, due.AddHours(1)));

        (figures.SignedForInTime, figures.MissedDeadlines, figures.Overdue).ShouldBe((0, 1, 1));
    }

    [Fact]
    public void a_reply_by_the_reply_due_time_in_force_is_in_time_an_extension_moves_it_and_a_returned_reply_no_longer_stands()
    {
        var replyDue = Original.ReplyDue;
        var extended = replyDue.AddDays(3);

        FiguresAfter(Lead, Blown(), SignedFor(Lead), RepliedAt(Lead, replyDue)).RepliedInTime.ShouldBe(1);
        FiguresAfter(Lead, Blown(), SignedFor(Lead), RepliedAt(Lead, replyDue.AddMinutes(1))).RepliedInTime.ShouldBe(0);
        FiguresAfter(Lead, Blown(), SignedFor(Lead), Granted(Lead, extended, extended.AddDays(-1)), RepliedAt(Lead, extended))
            .RepliedInTime.ShouldBe(1);
        FiguresAfter(Lead, Blown(), SignedFor(Lead), Replied(Lead), Returned(Lead, Original)).RepliedInTime.ShouldBe(0);
        var again = Original with { ReplyDue = replyDue.AddDays(5) };
        FiguresAfter(Lead, Blown(), SignedFor(Lead), Replied(Lead), Returned(Lead, again), RepliedAt(Lead, again.ReplyDue))
            .RepliedInTime.ShouldBe(1);
    }

    [Fact]
    public void a_missed_reply_makes_the_reply_late_however_it_was_renewed()
    {
        var renewed = DeadlinesFrom(Original.ReplyDue);

        var figures = FiguresAfter(Lead, Blown(), SignedFor(Lead), Overdue(Lead, DeadlineKind.Reply, Original.ReplyDue),
            Escalated(WhistleLevel.Community, Lead, DeadlineKind.Reply, renewed, Original.ReplyDue), RepliedAt(Lead, Original.ReplyDue.AddHours(2)));

        (figures.SignedForInTime, figures.RepliedInTime, figures.MissedDeadlines, figures.Overdue).ShouldBe((1, 0, 1, 1));
    }

    [Fact]
    public void a_department_is_charged_once_for_each_deadline_it_missed_however_many_departments_missed_the_same_round()
    {
        var due = Original.SignForDue;
        var renewed = SignForRenewedFrom(due, Original);
        object[] round =
        [
            Blown(WhistleLevel.Community, WhistleType.Routine, CoHandler, Other),
            Overdue(Lead, DeadlineKind.SignFor, due),
            Escalated(WhistleLevel.Community, Lead, DeadlineKind.SignFor, renewed, due),
            Overdue(CoHandler, DeadlineKind.SignFor, due),
            RenewedInRound(WhistleLevel.SubDistrict, CoHandler, DeadlineKind.SignFor, renewed, due),
            Overdue(Other, DeadlineKind.SignFor, due),
            RenewedInRound(WhistleLevel.SubDistrict, Other, DeadlineKind.SignFor, renewed, due),
            // The lead's miss delivered again, and the breach notices that follow the round: no new charge.
            Overdue(Lead, DeadlineKind.SignFor, due),
            Noticed(Lead, DeadlineKind.SignFor, due, due.AddDays(7)),
            Noticed(CoHandler, DeadlineKind.SignFor, due, due.AddDays(7)),
        ];

        foreach (var department in new[] { Lead, CoHandler, Other })
        {
            var card = CardAfter(department, March, round);
            card.Assignments.ShouldHaveSingleItem().Missed.ShouldBe([new MissedDeadline(DeadlineKind.SignFor, due, due)]);
            var figures = ScorecardFigures.Of(card.Assignments, AssessmentWeights.Default);
            (figures.MissedDeadlines, figures.Overdue).ShouldBe((1, 1));
        }

        // The next round's miss is another deadline, charged once more.
        var next = CardAfter(Lead, March, [.. round, Overdue(Lead, DeadlineKind.SignFor, renewed.SignForDue)]);
        ScorecardFigures.Of(next.Assignments, AssessmentWeights.Default).MissedDeadlines.ShouldBe(2);
    }

    [Fact]
    public void the_projection_routes_an_overdue_only_to_its_own_department()
    {
        ScoredAssignmentProjection.KeysOf(Overdue(Lead, DeadlineKind.SignFor, Original.SignForDue)).ShouldBe([$"{Lead}:{WhistleId}"]);
        ScoredAssignmentProjection.KeysOf(Upheld(Lead, Other, Original)).ShouldBe([$"{Lead}:{WhistleId}", $"{Other}:{WhistleId}"]);
        ScoredAssignmentProjection.KeysOf(Blown(WhistleLevel.Community, WhistleType.Routine, CoHandler)).ShouldBe([$"{Lead}:{WhistleId}", $"{CoHandler}:{WhistleId}"]);
        ScoredAssignmentProjection.KeysOf(Noticed(Lead, DeadlineKind.SignFor, Original.SignForDue, BlownAt)).ShouldBeEmpty();
    }

    [Fact]
    public void an_upheld_rejection_is_counted_and_the_assignment_leaves_the_departments_due_for_the_one_it_moved_to()
    {
        var reassigned = DeadlinesFrom(BlownAt.AddHours(4));
        object[] events = [Blown(), .. RejectedAndPaused(Lead), Upheld(Lead, Other, reassigned), PauseEnded(Lead)];

        var lead = FiguresAfter(Lead, events);
        (lead.Due, lead.RejectionsUpheld, lead.RejectionsOverruled, lead.ResponseRate).ShouldBe((0, 1, 0, (decimal?)null));
        var other = CardAfter(Other, March, events).Assignments.ShouldHaveSingleItem();
        (other.AssignedAt, other.SignForDue, other.ComplaintNumber).ShouldBe((BlownAt.AddHours(4), reassigned.SignForDue, (string?)null));
    }

    [Fact]
    public void an_overruled_rejection_made_by_the_sign_for_due_time_counts_as_signed_for_in_time()
    {
        var renewed = DeadlinesFrom(BlownAt.AddHours(4));

        var figures = FiguresAfter(Lead, [Blown(), .. RejectedAndPaused(Lead), Overruled(Lead, renewed), PauseEnded(Lead),
            RepliedAt(Lead, renewed.ReplyDue)]);

        (figures.Due, figures.RejectionsOverruled, figures.SignedForInTime, figures.RepliedInTime).ShouldBe((1, 1, 1, 1));
        figures.MedianSignForMinutes.ShouldBeNull();
    }

    [Fact]
    public void the_whistlers_5_is_satisfied_4_basically_satisfied_and_3_or_less_neither()
    {
        object[] events =
        [
            .. OnWhistle(WhistleNo(1), Blown(), Rated(Lead, 5)),
            .. OnWhistle(WhistleNo(2), Blown(), Rated(Lead, 4)),
            .. OnWhistle(WhistleNo(3), Blown(), Rated(Lead, 3)),
            .. OnWhistle(WhistleNo(4), Blown()),
        ];

        var figures = FiguresAfter(Lead, events);

        (figures.Due, figures.Rated, figures.Satisfied, figures.BasicallySatisfied).ShouldBe((4, 3, 1, 1));
        figures.SatisfactionRate.ShouldBe(0.6667m);
    }

    [Fact]
    public void the_median_and_p90_sign_for_times_are_the_nearest_ranks_of_the_durations_kept()
    {
        var events = SignForMinutes.SelectMany((minutes, i) =>
            OnWhistle(WhistleNo(i + 1), Blown(), SignedForAt(Lead, BlownAt.AddMinutes(minutes)))).ToArray();

        var figures = FiguresAfter(Lead, events);

        (figures.MedianSignForMinutes, figures.P90SignForMinutes).ShouldBe((30.0, 50.0));
    }

    [Fact]
    public void the_three_rates_and_the_weighted_score_of_a_month()
    {
        // Four assignments: all signed for in time, three replied in time; two rated, a 5 and a 3.
        object[] events =
        [
            .. OnWhistle(WhistleNo(1), Blown(), SignedFor(Lead), Replied(Lead), Rated(Lead, 5)),
            .. OnWhistle(WhistleNo(2), Blown(), SignedFor(Lead), Replied(Lead), Rated(Lead, 3)),
            .. OnWhistle(WhistleNo(3), Blown(), SignedFor(Lead), Replied(Lead)),
            .. OnWhistle(WhistleNo(4), Blown(), SignedFor(Lead)),
        ];

        var figures = FiguresAfter(Lead, events);

        (figures.ResponseRate, figures.ResolutionRate, figures.SatisfactionRate).ShouldBe((1m, 0.75m, 0.5m));
        // 100 × (30 × 1 + 35 × 0.75 + 35 × 0.5) / 100
        figures.Score.ShouldBe(73.75m);
    }

    [Fact]
    public void a_month_with_nothing_due_has_no_rates_and_no_score()
    {
        var figures = ScorecardFigures.Of([], AssessmentWeights.Default);

        (figures.Due, figures.ResponseRate, figures.ResolutionRate, figures.SatisfactionRate, figures.Score)
            .ShouldBe((0, (decimal?)null, (decimal?)null, (decimal?)null, (decimal?)null));
        (figures.MedianSignForMinutes, figures.P90SignForMinutes).ShouldBe(((double?)null, (double?)null));
    }

    [Fact]
    public void a_rate_without_a_denominator_leaves_the_score_and_the_others_are_weighted_among_themselves()
    {
        ScorecardFigures.WeightedScore(1m, 0.5m, null, AssessmentWeights.Default).ShouldBe(73.08m);   // 100 × 47.5 / 65
        ScorecardFigures.WeightedScore(0.9m, 0.8m, 0.75m, new AssessmentWeights(50, 50, 0)).ShouldBe(85m);
        ScorecardFigures.WeightedScore(null, null, 1m, new AssessmentWeights(50, 50, 0)).ShouldBeNull();
    }

    [Fact]
    public void events_of_other_departments_and_other_whistles_change_nothing()
    {
        var card = CardAfter(Lead, March, Blown(), SignedFor(CoHandler), Rated(CoHandler, 1),
            SignedFor(Lead) with { WhistleId = WhistleNo(9) });

        card.Assignments.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            a => a.SignedForAt.ShouldBeNull(), a => a.Rating.ShouldBeNull());
    }

    [Fact]
    public void the_worked_example_of_docs_assessment_md()
    {
        var given = BlownAt;
        AssessedAssignment Line(int minutes, int? rating = null) => new()
        {
            WhistleId = Guid.NewGuid(), AssignedAt = given, SignForDue = given.AddHours(24), ReplyDue = given.AddDays(9),
            SignedForAt = given.AddMinutes(minutes), RepliedAt = given.AddDays(3), Rating = rating,
        };
        AssessedAssignment[] lines =
        [
            Line(1500) with { Missed = [new MissedDeadline(DeadlineKind.SignFor, given.AddHours(24), given.AddHours(24))] },
            Line(5, 5) with
            {
                RepliedAt = given.AddDays(12),
                Missed = [new MissedDeadline(DeadlineKind.Reply, given.AddDays(9), given.AddDays(9)), new MissedDeadline(DeadlineKind.Reply, given.AddDays(11), given.AddDays(11))],
            },
            Line(8, 5) with { RepliedAt = null },
            Line(12, 5), Line(15, 5), Line(20, 5), Line(30, 4), Line(45, 4), Line(60, 2), Line(90),
            Line(10) with { Ruling = ArbitrationRuling.Upheld, SignedForAt = null },
        ];

        var figures = ScorecardFigures.Of(lines, AssessmentWeights.Default);

        (figures.Due, figures.MissedDeadlines, figures.Overdue, figures.SignedForInTime, figures.RepliedInTime, figures.RejectionsUpheld)
            .ShouldBe((10, 3, 2, 9, 8, 1));
        (figures.MedianSignForMinutes, figures.P90SignForMinutes).ShouldBe((20.0, 90.0));
        (figures.Rated, figures.Satisfied, figures.BasicallySatisfied).ShouldBe((8, 5, 2));
        (figures.ResponseRate, figures.ResolutionRate, figures.SatisfactionRate, figures.Score).ShouldBe((0.9m, 0.8m, 0.875m, 85.63m));
        ScorecardFigures.Of([.. lines.Select(l => l with { Rating = null })], AssessmentWeights.Default).Score.ShouldBe(84.62m);
    }
}
