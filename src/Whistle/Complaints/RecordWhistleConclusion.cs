using Whistle.Kernel;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>Sent by the whistle to its complaint when it concludes: the complaint may then be resolved.</summary>
public sealed record WhistleConclusionReached(Guid ComplaintId, Guid WhistleId, Actor By, DateTimeOffset At);

/// <summary>The complaint learns that its whistle concluded (a message cascaded by the whistle's conclusion).</summary>
public static class WhistleConclusionReachedHandler
{
    [AggregateHandler]
    public static Events Handle(WhistleConclusionReached message, Complaint complaint) =>
        complaint.OpenWhistle == message.WhistleId
            ? [new ComplaintWhistleConcluded(complaint.Id, message.WhistleId, message.By, message.At)]
            : [];
}
