using Whistle.Assessment;
using Whistle.County.Deadlines;
using Whistle.Whistles;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.Assessment;

/// <summary>
/// The Given events of the scorecard tests: the whistles of <see cref="Whistles.WhistleHistory"/> (blown Monday
/// 2026-03-02 09:00 China time, so signed for by 2026-03-03 09:00: March), folded through the projection's own logic.
/// </summary>
public static class ScorecardHistory
{
    public const string March = "2026-03";

    /// <summary>
    /// The assignments' documents after these events, each routed and folded as the daemon routes and folds it (the
    /// n-th event standing at sequence n), by key.
    /// </summary>
    public static IReadOnlyDictionary<string, ScoredAssignment> ScoredAfter(params object[] events)
    {
        var scored = new Dictionary<string, ScoredAssignment>(StringComparer.Ordinal);
        for (var i = 0; i < events.Length; i++)
            foreach (var key in ScoredAssignmentProjection.KeysOf(events[i]))
                if (ScoredAssignment.Next(scored.GetValueOrDefault(key), key, events[i], i + 1) is { } next) scored[key] = next;
        return scored;
    }

    /// <summary>The department's scorecard for the month after these events, composed from its assignments' documents as a read composes it.</summary>
    public static DepartmentScorecard CardAfter(string department, string month, params object[] events) =>
        DepartmentScorecard.Of(department, month, ScoredAfter(events).Values);

    public static ScorecardFigures FiguresAfter(string department, params object[] events) =>
        ScorecardFigures.Of(CardAfter(department, March, events).Assignments, AssessmentWeights.Default);

    /// <summary>The Given whistle's events, as if they were another whistle's.</summary>
    public static object[] OnWhistle(Guid whistle, params object[] events) => [.. events.Select(object (e) => e switch
    {
        WhistleBlown b => b with { WhistleId = whistle },
        AssignmentSignedFor s => s with { WhistleId = whistle },
        AssignmentReplied r => r with { WhistleId = whistle },
        DepartmentRated r => r with { WhistleId = whistle },
        AssignmentOverdue o => o with { WhistleId = whistle },
        _ => throw new ArgumentException($"No copy of {e.GetType().Name} for another whistle."),
    })];

    public static Guid WhistleNo(int n) => Guid.Parse($"019ca8f0-3000-7000-8000-{n:D12}");

    /// <summary>The Given whistle with its lead's sign-for due at <paramref name="signForDue"/>.</summary>
    public static WhistleBlown BlownWithSignForDue(DateTimeOffset signForDue) => Blown() with
    {
        Assignments = [new AssignmentTerms(Lead, AssignmentRole.Lead, Original with { SignForDue = signForDue })],
    };

    public static AssignmentSignedFor SignedForAt(string department, DateTimeOffset at) => SignedFor(department) with { At = at };

    public static AssignmentReplied RepliedAt(string department, DateTimeOffset at) => Replied(department) with { At = at };
}
