using Whistle.Assessment.Appeals;
using Whistle.Whistles;

namespace Whistle.Assessment;

/// <summary>One stream event behind a figure: where it sits in the store and what it is.</summary>
public sealed record TracedEvent(Guid StreamId, long Version, long Sequence, string Type, DateTimeOffset Timestamp);

/// <summary>An assignment counted in a figure, and every event of its whistle (and of its appeals) the scorecard folded for it.</summary>
public sealed record TracedAssignment(Guid WhistleId, int Counts, IReadOnlyList<TracedEvent> Events);

/// <summary>A figure of a department's month, its value, and the assignments and events it is counted from.</summary>
public sealed record FigureTrace(string Department, string Month, string Figure, int Value, IReadOnlyList<TracedAssignment> Assignments);

/// <summary>
/// Which assignments a figure of the scorecard counts, and how many each counts for (a missed-deadlines count is the
/// charged misses; every other figure counts an assignment once). Summing <see cref="TracedAssignment.Counts"/> gives the
/// figure of <see cref="ScorecardFigures"/>; the tests recompute it from the listed events.
/// </summary>
public static class FigureTraces
{
    public static readonly IReadOnlyDictionary<string, Func<AssessedAssignment, int>> Figures =
        new Dictionary<string, Func<AssessedAssignment, int>>(StringComparer.Ordinal)
        {
            ["due"] = a => a.Due ? 1 : 0,
            ["missedDeadlines"] = a => a.Excused ? 0 : a.Charged().Count(),
            ["signedForInTime"] = a => a.SignedForInTime ? 1 : 0,
            ["repliedInTime"] = a => a.RepliedInTime ? 1 : 0,
            ["overdue"] = a => a.Due && a.Charged().Any() ? 1 : 0,
            ["rejectionsUpheld"] = a => !a.Excused && a.Ruling == ArbitrationRuling.Upheld ? 1 : 0,
            ["rejectionsOverruled"] = a => !a.Excused && a.Ruling == ArbitrationRuling.Overruled ? 1 : 0,
            ["rated"] = a => !a.Excused && a.Rating is not null ? 1 : 0,
            ["satisfied"] = a => !a.Excused && a.Rating == ScorecardFigures.SatisfiedScore ? 1 : 0,
            ["basicallySatisfied"] = a => !a.Excused && a.Rating == ScorecardFigures.BasicallySatisfiedScore ? 1 : 0,
        };

    /// <summary>
    /// Whether the scorecard fold reads this event for the department's assignment on the whistle: its blowing (when it
    /// names the department), any event that concerns the department, and the appeals on its items.
    /// </summary>
    public static bool Concerns(object data, Guid whistleId, string department) => data switch
    {
        WhistleBlown b => b.Assignments.Any(a => a.Department == department),
        ScoreAppealLodged l => l.Item.WhistleId == whistleId && l.Item.Department == department,
        ScoreAppealRuled r => r.Item.WhistleId == whistleId && r.Item.Department == department,
        _ => ScoredAssignmentProjection.Concerned(data).Contains((whistleId, department)),
    };
}
