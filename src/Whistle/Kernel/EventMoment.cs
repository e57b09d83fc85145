using System.Collections.Concurrent;
using System.Reflection;
using JasperFx.Events;

namespace Whistle.Kernel;

/// <summary>
/// When an event happened, as the service's clock said when it decided it: the event's own <c>At</c> (every case event
/// carries one), else the moment the store recorded it. The one definition of "as of" for the history: a view as of a
/// moment holds exactly the events whose moment is at or before it, folded in the order they were stored. The store's
/// timestamp is not used where <c>At</c> exists because a simulated or replayed county runs on its own clock.
/// </summary>
public static class EventMoment
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> Ats = new();

    public static DateTimeOffset Of(IEvent e) => Of(e.Data) ?? e.Timestamp;

    /// <summary>The event's <c>At</c>, or null for an event that carries none.</summary>
    public static DateTimeOffset? Of(object data) =>
        Ats.GetOrAdd(data.GetType(), static type => type.GetProperty("At", BindingFlags.Public | BindingFlags.Instance) is { } p
            && p.PropertyType == typeof(DateTimeOffset) ? p : null)?.GetValue(data) as DateTimeOffset?;
}
