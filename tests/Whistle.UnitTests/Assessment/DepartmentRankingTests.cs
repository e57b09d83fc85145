using Shouldly;
using Whistle.Assessment;
using Whistle.County.Deadlines;
using Xunit;

namespace Whistle.UnitTests.Assessment;

public class DepartmentRankingTests
{
    private static ScorecardFigures Scored(decimal? score) =>
        new(1, 0, 1, 1, 0, 0, 0, null, null, 0, 0, 0, 1m, 1m, null, score);

    [Fact]
    public void departments_rank_by_score_ties_share_a_rank_in_code_order_and_the_unscored_come_last()
    {
        var ranking = DepartmentRanking.Rank(
        [
            ("zhujian", "县住建局", Scored(80m)),
            ("gongan", "县公安局", Scored(null)),
            ("chengguan", "县城管局", Scored(90m)),
            ("guihua", "县规划局", Scored(80m)),
            ("anjian", "县应急局", Scored(null)),
            ("shichang", "县市场监管局", Scored(70m)),
        ]);

        ranking.Select(r => (r.Rank, r.Department)).ShouldBe(
        [
            (1, "chengguan"), (2, "guihua"), (2, "zhujian"), (4, "shichang"), ((int?)null, "anjian"), ((int?)null, "gongan"),
        ]);
        ranking[0].Name.ShouldBe("县城管局");
    }

    [Fact]
    public void the_weights_of_the_built_in_policy_are_30_35_35() =>
        DeadlinePolicy.Default.Assessment.ShouldBe(new AssessmentWeights(30, 35, 35));
}
