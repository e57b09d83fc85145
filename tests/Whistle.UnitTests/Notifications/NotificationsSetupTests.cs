using JasperFx.Events;
using JasperFx.Events.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;
using Whistle.Complaints;
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
    public void the_subscription_relays_exactly_the_whistle_and_complaint_events_that_can_tell_someone()
    {
        var relay = new RecordingRelay();

        NotificationsSetup.Relay(relay);

        relay.Relayed.ShouldBe(
            WhistleEventTypes.All.Concat(ComplaintEventTypes.All).Where(t => t.GetProperty("Told") is not null), ignoreOrder: true);
    }

    private static IServiceCollection Notifications(params (string Key, string Value)[] settings) =>
        new ServiceCollection().AddNotifications(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void by_default_the_log_gateway_sends_the_notices()
    {
        var services = Notifications();

        services.Single(d => d.ServiceType == typeof(INoticeGateway)).ImplementationType.ShouldBe(typeof(LoggingNoticeGateway));
        services.ShouldContain(d => d.ServiceType == typeof(NoticeSender));
    }

    [Fact]
    public void a_gateway_the_configuration_names_but_whistle_lacks_stops_the_start() =>
        Should.Throw<InvalidOperationException>(() => Notifications(("Whistle:Notices:Gateway", "Carrier-Pigeon")))
            .Message.ShouldContain("the gateways known are: Log");

    /// <summary>Captures what is logged, as the console would print it.</summary>
    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }

    [Fact]
    public async Task the_log_gateway_writes_the_notice_with_the_contact_masked()
    {
        var logger = new ListLogger<LoggingNoticeGateway>();

        await new LoggingNoticeGateway(logger).SendAsync("13800000006", NoticeChannel.Sms, "【吹哨报到】新派单", CancellationToken.None);
        await new LoggingNoticeGateway(logger).SendAsync("gongan@example.gov.cn", NoticeChannel.Email, "催办", CancellationToken.None);

        logger.Lines.ShouldBe(["Notice by Sms to 138****0006: 【吹哨报到】新派单", "Notice by Email to g*****@example.gov.cn: 催办"]);
    }
}
