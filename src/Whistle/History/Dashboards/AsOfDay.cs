using System.Globalization;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Marten.Linq.MatchesSql;
using Whistle.Kernel;

namespace Whistle.History.Dashboards;

/// <summary>
/// The end of a county day (Asia/Shanghai), the moment a dashboard "as of" that day stands at: its last instant,
/// 23:59:59.9999999 China time. Written yyyy-MM-dd in the query (<c>?asOf=2026-11-20</c>).
/// </summary>
public static class AsOfDay
{
    public static bool TryParse(string? day, out DateOnly date) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The day of a value <see cref="Check"/> accepted.</summary>
    public static DateOnly Parse(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset EndOf(DateOnly day) =>
        new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), CountyTime.Offset).AddTicks(-1);

    /// <summary>400 naming <c>asOf</c> unless it is a day written yyyy-MM-dd.</summary>
    public static FieldErrors Check(FieldErrors errors, string? asOf) =>
        errors.When(!TryParse(asOf, out _), "asOf", $"日期应写作 yyyy-MM-dd，如 2026-11-20（收到 {asOf}）。A day written yyyy-MM-dd, e.g. 2026-11-20 (got {asOf}).");
}

/// <summary>
/// The one read of a past view: the county's events of the given types whose moment (<see cref="EventMoment"/>) is at or
/// before <c>through</c>, in the order they were stored. No read model is read.
/// </summary>
public static class PastEvents
{
    public static async Task<IReadOnlyList<IEvent>> ReadAsync(IQuerySession session, IReadOnlyCollection<Type> types, DateTimeOffset through, CancellationToken ct)
    {
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(types.ToArray()) && e.MatchesSql($"{EventMoment.Sql("d")} <= ? + {EventMoment.SqlSlack}", through.ToUniversalTime()))
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        return [.. events.Where(e => EventMoment.Of(e) <= through)];
    }
}
