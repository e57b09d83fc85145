using Whistle.Kernel;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>
/// Sent by the whistle to its complaint when it concluded, before the conclusion was recorded on the complaint in the
/// whistle's own transaction (<see cref="WhistleOnComplaint"/>); still handled for messages already in flight.
/// </summary>
public sealed record WhistleConclusionReached(Guid ComplaintId, Guid WhistleId, Actor By, DateTimeOffset At);

/// <summary>The complaint learns that its whistle concluded from a message of an earlier version: the same decision.</summary>
public static class WhistleConclusionReachedHandler
{
    [AggregateHandler]
    public static Events Handle(WhistleConclusionReached message, Complaint complaint) =>
        WhistleOnComplaint.Concluded(complaint, message.WhistleId, message.By, message.At);
}
