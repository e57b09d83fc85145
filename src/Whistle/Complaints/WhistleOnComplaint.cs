using Whistle.Kernel;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>
/// The complaint's side of the whistle blown on it, decided by the complaint and appended by the whistle's command in
/// the same transaction as the whistle's own events: when the whistle's answer says it concluded, the complaint may be
/// resolved at once, and its summary of the whistle never lags behind a ruling.
/// </summary>
public static class WhistleOnComplaint
{
    /// <summary>The whistle concluded: the complaint no longer waits for it. Recorded once, and only for its open whistle.</summary>
    public static Events Concluded(Complaint complaint, Guid whistleId, Actor by, DateTimeOffset at) =>
        complaint.OpenWhistle == whistleId ? [new ComplaintWhistleConcluded(complaint.Id, whistleId, by, at)] : [];

    /// <summary>A ruling moved a department's part to another: the complaint's summary names the whistle's departments now.</summary>
    public static Events Reassigned(Complaint complaint, Guid whistleId, IReadOnlyList<string> departments, Actor by, DateTimeOffset at) =>
        complaint.OpenWhistle == whistleId ? [new ComplaintWhistleReassigned(complaint.Id, whistleId, departments, by, at)] : [];

    /// <summary>
    /// The complaint's events, appended in the transaction Wolverine commits, expecting the complaint at the version
    /// they were decided on (Marten's expected version counts the appended events): a complaint changed meanwhile is a 409.
    /// </summary>
    public static IEnumerable<IMartenOp> Appends(Complaint complaint, IReadOnlyList<object> events) =>
        events.Count == 0 ? [] : [MartenOps.Append(complaint.Id, complaint.Version + events.Count, [.. events])];
}
