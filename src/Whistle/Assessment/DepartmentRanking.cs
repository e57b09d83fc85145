using Whistle.County.Deadlines;

namespace Whistle.Assessment;

/// <summary>A department's place in the month's ranking: its score and the three rates, which every reader sees.</summary>
public sealed record RankedDepartment(
    int? Rank, string Department, string Name, decimal? Score, decimal? ResponseRate, decimal? ResolutionRate, decimal? SatisfactionRate);

/// <summary>
/// A department's full scorecard for a month: the figures as corrected by upheld appeals (<see cref="Figures"/>, which
/// the ranking uses) and as they stood before any appeal (<see cref="OriginalFigures"/>), under the weights of
/// deadline-policy version <see cref="PolicyVersion"/>, and the assignments they are counted from, each with its appeals.
/// </summary>
public sealed record DepartmentScorecardView(
    string Department, string Name, string Month, int? Rank, ScorecardFigures Figures, int PolicyVersion, AssessmentWeights Weights,
    IReadOnlyList<AssessedAssignment> Assignments, ScorecardFigures OriginalFigures, Signals.SignalCounts? Signals = null);

/// <summary>The month: the ranking of every department, and the full scorecards the reader may see.</summary>
public sealed record MonthScorecards(
    string Month, int PolicyVersion, AssessmentWeights Weights, IReadOnlyList<RankedDepartment> Ranking, IReadOnlyList<DepartmentScorecardView> Scorecards);

public static class DepartmentRanking
{
    /// <summary>
    /// The monthly ranking (月度排名): by score, highest first; equal scores share a rank (1, 1, 3) and stand in the
    /// order of their codes; a department without a score (nothing due, nobody rated) has no rank and comes last, by code.
    /// </summary>
    public static IReadOnlyList<RankedDepartment> Rank(IEnumerable<(string Department, string Name, ScorecardFigures Figures)> departments)
    {
        var ordered = departments
            .OrderBy(d => d.Figures.Score is null)
            .ThenByDescending(d => d.Figures.Score)
            .ThenBy(d => d.Department, StringComparer.Ordinal)
            .ToList();
        var ranked = new List<RankedDepartment>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (department, name, f) = ordered[i];
            int? rank = f.Score is null ? null : i > 0 && ordered[i - 1].Figures.Score == f.Score ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankedDepartment(rank, department, name, f.Score, f.ResponseRate, f.ResolutionRate, f.SatisfactionRate));
        }
        return ranked;
    }
}
