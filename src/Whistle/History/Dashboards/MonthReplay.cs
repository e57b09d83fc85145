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
/// <see cref="DepartmentScorecardProjection"/> routes it (<see cref="AssignmentMonthRouting"/>, with the months built in
/// memory from <see cref="WhistleBlown"/> and <see cref="RejectionArbitrated"/> as the fold goes, as the inline
/// <see cref="AssignmentMonths"/> documents hold them), then folded by <see cref="DepartmentScorecard.Next"/>. Pure.
/// </summary>
public static class MonthReplay
{
    /// <summary>The events a replay reads: the scorecard projection's own, the deadline policy's and the departments' directory entries.</summary>
    public static IReadOnlyList<Type> EventTypes { get; } =
    [
        .. new DepartmentScorecardProjection().IncludedEventTypes,
        typeof(DeadlinePolicyPublished), typeof(DepartmentRegistered), typeof(DepartmentRevised),
    ];

    public static MonthHistory Replay(string month, IEnumerable<IEvent> events)
    {
        var policy = DeadlinePolicy.Default;
        var policies = new Dictionary<int, DeadlinePolicy> { [policy.Version] = policy };
        var departments = new Dictionary<string, string>(StringComparer.Ordinal);
        var months = new Dictionary<Guid, AssignmentMonths>();
        var types = new Dictionary<Guid, WhistleType>();
        var cards = new Dictionary<string, DepartmentScorecard>(StringComparer.Ordinal);
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
                    var given = months.TryGetValue(blown.WhistleId, out var m) ? m : months[blown.WhistleId] = new AssignmentMonths { Id = blown.WhistleId };
                    foreach (var a in blown.Assignments)
                    {
                        given.Departments.TryAdd(a.Department, AssessmentMonth.Of(a.Deadlines.SignForDue));
                        trails.TryAdd((blown.WhistleId, a.Department), new AssignmentTrail(blown.WhistleId, a.Department, blown.Type, a.Deadlines, []));
                    }
                    break;
                case RejectionArbitrated { Reassignment: { } terms } arbitrated:
                    if (months.TryGetValue(arbitrated.WhistleId, out var moved))
                        moved.Departments.TryAdd(terms.Department, AssessmentMonth.Of(terms.Deadlines.SignForDue));
                    trails.TryAdd((arbitrated.WhistleId, terms.Department), new AssignmentTrail(
                        arbitrated.WhistleId, terms.Department, types.GetValueOrDefault(arbitrated.WhistleId, WhistleType.Routine), terms.Deadlines, []));
                    break;
            }

            var keys = e.Data switch
            {
                WhistleBlown blown => AssignmentMonthRouting.KeysOf(blown),
                ScoreAppealLodged { Item: var lodged } => [AssessmentMonth.Key(lodged.Department, lodged.Month)],
                ScoreAppealRuled { Item: var ruled } => [AssessmentMonth.Key(ruled.Department, ruled.Month)],
                _ => AssignmentMonthRouting.KeysOf(e.Data, months),
            };
            foreach (var key in keys)
            {
                var (department, keyMonth) = AssessmentMonth.Split(key);
                if (keyMonth != month) continue;
                cards[department] = DepartmentScorecard.Next(cards.GetValueOrDefault(department), key, e.Data);
            }
            foreach (var (whistle, department) in Concerned(e.Data))
                if (trails.TryGetValue((whistle, department), out var trail))
                    trails[(whistle, department)] = trail with { Events = [.. trail.Events, new EventRef(whistle, e.Data.GetType().Name, e.Version, Kernel.EventMoment.Of(e))] };
        }
        return new MonthHistory(month, policy, policies, departments, cards, trails);
    }

    private static IEnumerable<(Guid Whistle, string Department)> Concerned(object data) => data switch
    {
        WhistleBlown blown => blown.Assignments.Select(a => (blown.WhistleId, a.Department)),
        _ => AssignmentMonthRouting.Concerned(data),
    };
}
