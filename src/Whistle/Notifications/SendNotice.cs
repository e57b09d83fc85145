using Marten;
using Marten.Patching;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Whistle.Notifications;

/// <summary>
/// Send one outbound notice: cascaded by <see cref="NotifyAudienceHandler"/> in the transaction that made the
/// notification, so it is in Wolverine's durable outbox with it, and handled on its own durable local queue.
/// </summary>
public sealed record SendNotice(Guid NotificationId, string UserId, NoticeChannel Channel, string Contact, string Text);

public static class SendNoticeHandler
{
    /// <summary>The sender's own retries spent: try again later, three times, then dead-letter it where it can be seen and replayed.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<Exception>()
            .ScheduleRetry(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30))
            .Then.MoveToErrorQueue();

    /// <summary>
    /// Sends the notice unless the notification already records its delivery (a message delivered again sends
    /// nothing), then records the delivery: channel, when, and how many gateway calls it took.
    /// </summary>
    public static async Task Handle(SendNotice message, NoticeSender sender, IDocumentSession session, DateTimeOffset now, CancellationToken ct)
    {
        var notification = await session.LoadAsync<Notification>(message.NotificationId, ct);
        if (notification?.Delivery is not null) return;
        var calls = await sender.SendAsync(message.Contact, message.Channel, message.Text, ct);
        // A patch, not a store: the user may be marking the notification read at this moment.
        if (notification is not null)
            session.Patch<Notification>(notification.Id).Set(x => x.Delivery, new NoticeDelivery(message.Channel, now, calls));
    }
}
