using JasperFx.Events;
using Whistle.Kernel;

namespace Whistle.UnitTests.History.Dashboards;

/// <summary>Events as the store hands them to a past view: each names its stream, its version there and its global sequence.</summary>
public static class PastEventsHistory
{
    public static List<IEvent> Stored(params (Guid Stream, object Data)[] events)
    {
        var versions = new Dictionary<Guid, long>();
        return [.. events.Select((x, i) =>
        {
            versions[x.Stream] = versions.GetValueOrDefault(x.Stream) + 1;
            var e = EventSpecification.Wrap(x.Data, versions[x.Stream]);
            e.StreamId = x.Stream;
            e.Sequence = 1 + i;
            e.Timestamp = EventMoment.Of(x.Data) ?? EventSpecification.Now;
            return e;
        })];
    }

    /// <summary>One stream's events, versions from 1.</summary>
    public static List<IEvent> OnStream(Guid stream, params object[] events) => Stored([.. events.Select(e => (stream, e))]);
}
