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

    /// <summary>
    /// The same moment in SQL over a row of Marten's event table (its alias): the stored <c>at</c> when it is a time, else
    /// the store's timestamp. PostgreSQL keeps microseconds where <c>At</c> has ticks, so a query that must agree with
    /// <see cref="Of(IEvent)"/> exactly selects with <see cref="SqlSlack"/> and filters the rows again with <c>Of</c>.
    /// </summary>
    public static string Sql(string row) =>
        $"coalesce(case when jsonb_typeof({row}.data->'at') = 'string' and {row}.data->>'at' ~ '^\\d{{4}}-\\d{{2}}-\\d{{2}}T' "
        + $"then ({row}.data->>'at')::timestamptz end, {row}.timestamp)";

    /// <summary>How much further than a moment a query in <see cref="Sql"/> looks, for the microseconds PostgreSQL rounds to.</summary>
    public const string SqlSlack = "interval '1 millisecond'";

    /// <summary>The event's <c>At</c>, or null for an event that carries none.</summary>
    public static DateTimeOffset? Of(object data) =>
        Ats.GetOrAdd(data.GetType(), static type => type.GetProperty("At", BindingFlags.Public | BindingFlags.Instance) is { } p
            && p.PropertyType == typeof(DateTimeOffset) ? p : null)?.GetValue(data) as DateTimeOffset?;
}
