using JasperFx.Events;
using JasperFx.Events.Projections;
using Shouldly;
using Whistle.Notifications;
using Whistle.Whistles;
using Wolverine;
using Wolverine.Marten.Subscriptions;
using Xunit;

namespace Whistle.UnitTests.Notifications;

public class NotificationsSetupTests
{
    /// <summary>Records what the subscription is told to relay.</summary>
    private sealed class RecordingRelay : IPublishingRelay
    {
        public List<Type> Relayed { get; } = [];

        public void PublishEvent<T>(Func<IEvent<T>, IMessageBus, ValueTask> publish) where T : notnull => Relayed.Add(typeof(T));

        public void PublishEvent<T>() => throw new InvalidOperationException("Every relayed event is turned into its notice.");

        public void PublishEvent(Type eventType) => throw new InvalidOperationException("Every relayed event is turned into its notice.");

        public uint SubscriptionVersion { get; set; }

        public bool IncludeArchivedEvents { get; set; }

        public AsyncOptions Options { get; } = new();

        public void FilterIncomingEventsOnStreamType(Type streamType) => throw new InvalidOperationException("Not used.");
    }

    [Fact]
    public void the_subscription_relays_exactly_the_whistle_events_that_can_tell_someone()
    {
        var relay = new RecordingRelay();

        NotificationsSetup.Relay(relay);

        relay.Relayed.ShouldBe(WhistleEventTypes.All.Where(t => t.GetProperty("Told") is not null), ignoreOrder: true);
    }
}
