using Whistle.Whistles;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>The complaint learns that its whistle concluded (a message cascaded by the whistle's conclusion).</summary>
public static class WhistleConclusionReachedHandler
{
    [AggregateHandler]
    public static Events Handle(WhistleConclusionReached message, Complaint complaint) =>
        complaint.OpenWhistle == message.WhistleId
            ? [new ComplaintWhistleConcluded(complaint.Id, message.WhistleId, message.By, message.At)]
            : [];
}
