using Shouldly;
using Whistle.Assessment;
using Whistle.Assessment.Appeals;
using Whistle.County.Deadlines;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Assessment.ScorecardHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Assessment;

/// <summary>The assignments a traced figure lists, counted, give the scorecard's figure, appeals included.</summary>
public class FigureTracesTests
{
    [Fact]
    public void summing_what_each_listed_assignment_counts_gives_every_figure_of_the_scorecard()
    {
        var due = Original.SignForDue;
        var appeal = Guid.Parse("019ca8f0-3000-7000-8000-00000000a001");
        var item = new AppealedItem(OtherWhistleId, Lead, March, DeadlineKind.SignFor, due);
        var card = CardAfter(Lead, March,
        [
            Blown(), SignedForAt(Lead, due), RepliedAt(Lead, due), Rated(Lead, 4),
            .. OnWhistle(OtherWhistleId, Blown(), Overdue(Lead, DeadlineKind.SignFor, due), Overdue(Lead, DeadlineKind.Reply, Original.ReplyDue),
                SignedForAt(Lead, due.AddHours(1)), Rated(Lead, 2)),
            new ScoreAppealLodged(appeal, item, "平台故障。", 0, due.AddDays(40), Officer(Lead), due.AddDays(2)),
            new ScoreAppealRuled(appeal, item, AppealRuling.Upheld, "属实。", Users.OfficeActor, due.AddDays(3)),
        ]);
        var figures = ScorecardFigures.Of(card.Assignments, AssessmentWeights.Default);

        foreach (var (name, counts) in FigureTraces.Figures)
        {
            var expected = (int)typeof(ScorecardFigures).GetProperty(char.ToUpperInvariant(name[0]) + name[1..])!.GetValue(figures)!;
            card.Assignments.Sum(counts).ShouldBe(expected, name);
        }
        (figures.Due, figures.MissedDeadlines, figures.SignedForInTime, figures.Overdue, figures.Rated, figures.BasicallySatisfied).ShouldBe((2, 1, 2, 1, 2, 1));
    }

    [Fact]
    public void an_event_concerns_the_assignment_when_the_scorecard_fold_reads_it_for_that_department()
    {
        FigureTraces.Concerns(Blown(), WhistleId, Lead).ShouldBeTrue();
        FigureTraces.Concerns(Blown(), WhistleId, Other).ShouldBeFalse();
        FigureTraces.Concerns(SignedFor(Lead), WhistleId, Lead).ShouldBeTrue();
        FigureTraces.Concerns(SignedFor(CoHandler), WhistleId, Lead).ShouldBeFalse();
        FigureTraces.Concerns(Upheld(Lead, Other, Original), WhistleId, Other).ShouldBeTrue();
    }
}
