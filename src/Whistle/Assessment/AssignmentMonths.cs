using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Whistle.Whistles;

namespace Whistle.Assessment;

/// <summary>
/// Which month each department's assignment on a whistle is assessed in: the month of the first sign-for due time it
/// was given (the whistle blown, or the ruling that reassigned the whistle to it). Kept inline, in the transaction of
/// the events, so that the scorecard projection, run later by the daemon, finds the month of any event it reads; a
/// month once set never changes, so reading it now gives what it gave then (a rebuild gives the same scorecards).
/// </summary>
public sealed class AssignmentMonths
{
    public Guid Id { get; init; }

    /// <summary>Department code → month (yyyy-MM).</summary>
    public Dictionary<string, string> Departments { get; init; } = [];

    public string? MonthOf(string department) => Departments.GetValueOrDefault(department);
}

public partial class AssignmentMonthsProjection : SingleStreamProjection<AssignmentMonths, Guid>
{
    public static AssignmentMonths Create(IEvent<WhistleBlown> e)
    {
        var months = new AssignmentMonths { Id = e.Data.WhistleId };
        foreach (var a in e.Data.Assignments)
            months.Departments.TryAdd(a.Department, AssessmentMonth.Of(a.Deadlines.SignForDue));
        return months;
    }

    /// <summary>An upheld rejection brings a department in; one already on the whistle keeps its month.</summary>
    public static void Apply(IEvent<RejectionArbitrated> e, AssignmentMonths months)
    {
        if (e.Data.Reassignment is { } terms) months.Departments.TryAdd(terms.Department, AssessmentMonth.Of(terms.Deadlines.SignForDue));
    }
}

/// <summary>
/// Where a whistle event lands in the month-keyed assessment documents ("gongan:2026-11"): the department scorecards and
/// the gaming signals route whistle events alike, by this one rule. A whistle blown goes to the month of each of its
/// assignments, which is on the event; every later event goes to the month <see cref="AssignmentMonths"/> holds for each
/// department it concerns (<see cref="Concerned"/>).
/// </summary>
public static class AssignmentMonthRouting
{
    /// <summary>The departments an event concerns on its whistle (an arbitration: the one that rejected, and the one it moved to).</summary>
    public static IEnumerable<(Guid Whistle, string Department)> Concerned(object data) => data switch
    {
        RejectionArbitrated e => e.Reassignment is { } terms ? [(e.WhistleId, e.Department), (e.WhistleId, terms.Department)] : [(e.WhistleId, e.Department)],
        AssignmentSignedFor e => [(e.WhistleId, e.Department)],
        AssignmentRejected e => [(e.WhistleId, e.Department)],
        AssignmentReplied e => [(e.WhistleId, e.Department)],
        ReplyReturned e => [(e.WhistleId, e.Department)],
        ExtensionGranted e => [(e.WhistleId, e.Department)],
        WhistleEscalated e => [(e.WhistleId, e.Department)],
        AssignmentDeadlinesRenewed e => [(e.WhistleId, e.Department)],
        AssignmentOverdue e => [(e.WhistleId, e.Department)],
        DepartmentRated e => [(e.WhistleId, e.Department)],
        _ => [],
    };

    /// <summary>The keys of a whistle blown: one per department and the month of its first sign-for due time.</summary>
    public static IEnumerable<string> KeysOf(WhistleBlown blown) =>
        blown.Assignments.Select(a => AssessmentMonth.Key(a.Department, AssessmentMonth.Of(a.Deadlines.SignForDue))).Distinct();

    /// <summary>The keys of any other whistle event, from the months already loaded.</summary>
    public static IEnumerable<string> KeysOf(object data, IReadOnlyDictionary<Guid, AssignmentMonths> months) =>
        Concerned(data).Distinct()
            .Select(c => months.GetValueOrDefault(c.Whistle)?.MonthOf(c.Department) is { } month ? AssessmentMonth.Key(c.Department, month) : null)
            .OfType<string>();

    /// <summary>
    /// The months of the given whistles. Whistle ids are unique across counties: the lookup needs no tenant, and the
    /// daemon's session may have none.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, AssignmentMonths>> LoadAsync(IQuerySession session, IReadOnlyCollection<Guid> whistles)
    {
        if (whistles.Count == 0) return new Dictionary<Guid, AssignmentMonths>();
        var ids = whistles.ToArray();
        return (await session.Query<AssignmentMonths>().Where(m => m.AnyTenant() && ids.Contains(m.Id)).ToListAsync()).ToDictionary(m => m.Id);
    }
}
