using Marten;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;

namespace Whistle.Whistles;

/// <summary>The policy and calendar in force, for decisions that set new due times (escalation, arbitration, return).</summary>
public sealed record WhistleTiming(DeadlinePolicy Policy, CountyCalendar Calendar)
{
    public AssignmentDeadlines Renew(WhistleType type, DateTimeOffset now) => WhistleDeadlines.Compute(type, now, Policy, Calendar);

    public static async Task<WhistleTiming> LoadAsync(IQuerySession session, CancellationToken ct) =>
        new(await DeadlinePolicy.CurrentAsync(session, ct), await CountyCalendar.CurrentAsync(session, ct));
}
