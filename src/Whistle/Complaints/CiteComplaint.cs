using Whistle.Kernel;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>Sent by a case that gives this complaint as its reason (a fee dispute's service defect).</summary>
public sealed record CiteComplaint(Guid ComplaintId, Guid CitingCaseId, string CitingNumber, Actor By, DateTimeOffset At);

/// <summary>Sent to each case that cites a complaint when the complaint is resolved.</summary>
public sealed record ComplaintResolvedNotice(Guid ComplaintId, string Number, Guid CitingCaseId, Actor By, DateTimeOffset At);

/// <summary>The complaint records who cites it, once per citing case, so that resolving it can tell them.</summary>
public static class CiteComplaintHandler
{
    [AggregateHandler]
    public static Events Handle(CiteComplaint message, Complaint complaint) =>
        complaint.CitedBy.Contains(message.CitingCaseId)
            ? []
            : [new ComplaintCited(complaint.Id, message.CitingCaseId, message.CitingNumber, message.By, message.At)];
}
