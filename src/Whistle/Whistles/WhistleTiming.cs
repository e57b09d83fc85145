using Marten;
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

    public static async Task<WhistleTiming> LoadAsync(IQuerySession session, CancellationToken ct) =>
        new(await DeadlinePolicy.CurrentAsync(session, ct), await CountyCalendar.CurrentAsync(session, ct));
}
