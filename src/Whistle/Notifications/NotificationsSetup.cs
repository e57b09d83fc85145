using JasperFx.Events;
using Marten;
using Whistle.Complaints;
using Whistle.Whistles;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Whistle.Notifications;

/// <summary>
/// The notifications capability's wiring. The events that tell someone reach it through a Marten event subscription
/// (<see cref="Subscription"/>) run by the async daemon under Wolverine: each batch of events is read from the store
/// in order, and the <see cref="NotifyAudience"/> messages it makes are written to Wolverine's durable outbox in the
/// same transaction that moves the subscription on — so no event is lost or relayed twice by a crash, and the command
/// that appended the event neither waits for nor fails with the notices.
/// </summary>
public static class NotificationsSetup
{
    public const string Subscription = "notifications";

    /// <summary>The durable local queue the outbound notices wait on, apart from the case work.</summary>
    public const string NoticeQueue = "notices";

    public static void Configure(StoreOptions opts) =>
        opts.Schema.For<Notification>().Index(x => x.UserId).Index(x => x.CreatedAt);

    /// <summary>The events that carry <c>Told</c>, each relayed as the notice it gives.</summary>
    public static void Relay(IPublishingRelay relay)
    {
        relay.PublishEvent<WhistleBlown>(Publish);
        relay.PublishEvent<ReminderSent>(Publish);
        relay.PublishEvent<WhistleEscalated>(Publish);
        relay.PublishEvent<AssignmentDeadlinesRenewed>(Publish);
        relay.PublishEvent<AssignmentRejected>(Publish);
        relay.PublishEvent<RejectionArbitrated>(Publish);
        relay.PublishEvent<ReplyReturned>(Publish);
        relay.PublishEvent<ExtensionRequested>(Publish);
        relay.PublishEvent<ExtensionGranted>(Publish);
        relay.PublishEvent<ExtensionRefused>(Publish);
        relay.PublishEvent<RulingReminderSent>(Publish);
        relay.PublishEvent<RulingOverdue>(Publish);
        relay.PublishEvent<SupervisionOpened>(Publish);
        relay.PublishEvent<BreachNoticePublished>(Publish);
        relay.PublishEvent<ComplaintReminderSent>(Publish);
        relay.PublishEvent<ComplaintOverdue>(Publish);
    }

    // The event's county travels with the message, so its handler reads that county's staff register.
    private static ValueTask Publish<T>(IEvent<T> e, IMessageBus bus) where T : notnull =>
        (WhistleNotices.Of(e) ?? ComplaintNotices.Of(e)) is { } notice ? bus.PublishAsync(notice, new DeliveryOptions { TenantId = e.TenantId }) : ValueTask.CompletedTask;

    public static void Configure(WolverineOptions opts) =>
        opts.PublishMessage<SendNotice>().ToLocalQueue(NoticeQueue).UseDurableInbox().MaximumParallelMessages(4);

    /// <summary>The outbound gateway <c>Whistle:Notices:Gateway</c> names (<see cref="NoticeOptions"/>), behind the resilient sender.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration config)
    {
        var options = NoticeOptions.From(config);
        services.AddSingleton(options);
        services.AddSingleton<NoticeSender>();
        return options.Gateway switch
        {
            NoticeOptions.LogGateway => services.AddSingleton<INoticeGateway, LoggingNoticeGateway>(),
            _ => throw new InvalidOperationException(
                $"{NoticeOptions.Section}:Gateway is {options.Gateway}; the gateways known are: {NoticeOptions.LogGateway}."),
        };
    }
}
