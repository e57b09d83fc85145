using Whistle.Kernel;
using Wolverine;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>Sent by a case that gives this complaint as its reason (a fee dispute's service defect).</summary>
public sealed record CiteComplaint(Guid ComplaintId, Guid CitingCaseId, string CitingNumber, Actor By, DateTimeOffset At);

/// <summary>Sent to each case that cites a complaint when the complaint is resolved.</summary>
public sealed record ComplaintResolvedNotice(Guid ComplaintId, string Number, Guid CitingCaseId, Actor By, DateTimeOffset At);

/// <summary>
/// The complaint records who cites it, once per citing case, so that resolving it can tell them. A complaint that
/// is already resolved when it is cited tells the citing case at once: the citation and the resolution may cross.
/// </summary>
public static class CiteComplaintHandler
{
    [AggregateHandler]
    public static (Events, OutgoingMessages) Handle(CiteComplaint message, Complaint complaint)
    {
        if (complaint.CitedBy.Contains(message.CitingCaseId)) return ([], []);
        Events cited = [new ComplaintCited(complaint.Id, message.CitingCaseId, message.CitingNumber, message.By, message.At)];
        return complaint.Resolution is { } resolved
            ? (cited, [new ComplaintResolvedNotice(complaint.Id, complaint.Number, message.CitingCaseId, resolved.By, resolved.At)])
            : (cited, []);
    }
}
