using JasperFx.Events;
using Whistle.Assessment;
using Whistle.Assessment.Appeals;
using Whistle.County.Deadlines;
using Whistle.County.Directory;
using Whistle.Whistles;

namespace Whistle.History.Dashboards;

/// <summary>One event behind an assignment's figures, as an explanation names it: the whistle, the event's type, its version on the whistle's stream, its moment.</summary>
public sealed record EventRef(Guid WhistleId, string EventType, long Version, DateTimeOffset At);

/// <summary>
/// What the history keeps of one department's assignment besides its scorecard item: the whistle's type, the deadlines
/// it was first given (with the policy version that computed them) and the events that bear on it, in order.
/// </summary>
public sealed record AssignmentTrail(Guid WhistleId, string Department, WhistleType Type, AssignmentDeadlines FirstDeadlines, IReadOnlyList<EventRef> Events)
{
    /// <summary>The last event of these types on the assignment, if any.</summary>
    public EventRef? Last(params string[] types) => Events.LastOrDefault(e => types.Contains(e.EventType));
}

/// <summary>
/// A month of department scorecards replayed from events: the scorecards of the month, the departments the directory
/// had recorded (code → name as then recorded), the deadline policy then in force and every version published before.
/// </summary>
public sealed record MonthHistory(
    string Month, DeadlinePolicy Policy, IReadOnlyDictionary<int, DeadlinePolicy> Policies, IReadOnlyDictionary<string, string> Departments,
    IReadOnlyDictionary<string, DepartmentScorecard> Cards, IReadOnlyDictionary<(Guid Whistle, string Department), AssignmentTrail> Trails);

/// <summary>
/// The department scorecards of a month from events alone, the live projection's own logic: each event routed as
/// <see cref="ScoredAssignmentProjection"/> routes it (<see cref="ScoredAssignmentProjection.KeysOf"/>), folded by
/// <see cref="ScoredAssignment.Next(ScoredAssignment?, string, object, long)"/> with the event's sequence, then the
/// month's documents composed as a read composes them (<see cref="DepartmentScorecard.OfMonth"/>). Pure.
/// </summary>
public static class MonthReplay
{
    /// <summary>The events a replay reads: the scorecard projection's own, the deadline policy's and the departments' directory entries.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } =
    [
        .. new ScoredAssignmentProjection().IncludedEventTypes,
        typeof(DeadlinePolicyPublished), typeof(DepartmentRegistered), typeof(DepartmentRevised),
    ];

    public static MonthHistory Replay(string month, IEnumerable<IEvent> events)
    {
        var policy = DeadlinePolicy.Default;
        var policies = new Dictionary<int, DeadlinePolicy> { [policy.Version] = policy };
        var departments = new Dictionary<string, string>(StringComparer.Ordinal);
        var types = new Dictionary<Guid, WhistleType>();
        var scored = new Dictionary<string, ScoredAssignment>(StringComparer.Ordinal);
        // The assignments given in another month: their later events are not folded.
        var elsewhere = new HashSet<string>(StringComparer.Ordinal);
        var trails = new Dictionary<(Guid, string), AssignmentTrail>();

        foreach (var e in events)
        {
            switch (e.Data)
            {
                case DeadlinePolicyPublished published:
                    policy = policy.Apply(published);
                    policies[policy.Version] = policy;
                    continue;
                case DepartmentRegistered registered: departments[registered.Code] = registered.Info.Name; continue;
                case DepartmentRevised revised: departments[revised.Code] = revised.Info.Name; continue;
                case WhistleBlown blown:
                    types[blown.WhistleId] = blown.Type;
                    foreach (var a in blown.Assignments)
                        trails.TryAdd((blown.WhistleId, a.Department), new AssignmentTrail(blown.WhistleId, a.Department, blown.Type, a.Deadlines, []));
                    break;
                case RejectionArbitrated { Reassignment: { } terms } arbitrated:
                    trails.TryAdd((arbitrated.WhistleId, terms.Department), new AssignmentTrail(
                        arbitrated.WhistleId, terms.Department, types.GetValueOrDefault(arbitrated.WhistleId, WhistleType.Routine), terms.Deadlines, []));
                    break;
            }

            foreach (var key in ScoredAssignmentProjection.KeysOf(e.Data))
            {
                if (elsewhere.Contains(key)) continue;
                var doc = scored.GetValueOrDefault(key);
                if (ScoredAssignment.Next(doc, key, e.Data, e.Sequence) is not { } next) continue;
                if (next.Month == month) scored[key] = next;
                else elsewhere.Add(key);
            }
            // The trail keeps the whistle's own events; an appeal is on a stream of its own.
            if (e.Data is ScoreAppealLodged or ScoreAppealRuled) continue;
            foreach (var (whistle, department) in ScoredAssignmentProjection.Concerned(e.Data))
                if (trails.TryGetValue((whistle, department), out var trail))
                    trails[(whistle, department)] = trail with { Events = [.. trail.Events, new EventRef(whistle, e.Data.GetType().Name, e.Version, Kernel.EventMoment.Of(e))] };
        }
        return new MonthHistory(month, policy, policies, departments, DepartmentScorecard.OfMonth(month, scored.Values), trails);
    }
}
