using Marten;
using Whistle.County;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;

namespace Whistle.Whistles;

/// <summary>
/// The policy and calendar in force, for decisions that set new times: due times (escalation, arbitration, return),
/// a reassigned department's rejection window, the office's ruling, the notice of a breach.
/// </summary>
public sealed record WhistleTiming(DeadlinePolicy Policy, CountyCalendar Calendar)
{
    public AssignmentDeadlines Renew(WhistleType type, DateTimeOffset now) => WhistleDeadlines.Compute(type, now, Policy, Calendar);

    public DateTimeOffset RejectionWindowEnd(WhistleType type, DateTimeOffset assignedAt) =>
        WhistleWindows.RejectionWindowEnd(type, assignedAt, Policy, Calendar);

    public RulingDeadline Ruling(WhistleType type, DateTimeOffset rejectedAt) => WhistleWindows.Ruling(type, rejectedAt, Policy, Calendar);

    public DateTimeOffset BreachNoticeAt(WhistleType type, DateTimeOffset overdueAt) =>
        WhistleWindows.BreachNoticeAt(type, overdueAt, Policy, Calendar);

    /// <summary>The policy and calendar in force, from memory (<see cref="CountyReferenceCache"/>).</summary>
    public static async Task<WhistleTiming> LoadAsync(IQuerySession session, CountyReferenceCache reference, CancellationToken ct) =>
        From(await reference.CurrentAsync(session, ct));

    public static WhistleTiming From(CountyReference county) => new(county.Policy, county.Calendar);
}
