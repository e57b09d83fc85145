using System.Globalization;
using JasperFx.Events;
using Whistle.Kernel;

namespace Whistle.History.TimeTravel;

/// <summary>
/// A point in a stream's life as the caller names it: a moment of business time (<see cref="At"/>, ISO 8601) or a
/// version of the stream (<see cref="Version"/>), never both. As of a moment a stream holds its events up to the last
/// version whose moment (<see cref="EventMoment"/>) is at or before it, folded in version order.
/// </summary>
public sealed record TimePoint(DateTimeOffset? At, long? Version)
{
    public static TimePoint Moment(DateTimeOffset at) => new(at, null);

    public static TimePoint OfVersion(long version) => new(null, version);

    /// <summary>
    /// Reads exactly one of a moment and a version from the query; a missing, doubled or unreadable point is a field
    /// error under the field's own name, and null is returned.
    /// </summary>
    public static TimePoint? Read(string? asOf, string? version, string asOfField, string versionField, FieldErrors errors)
    {
        var hasMoment = !string.IsNullOrWhiteSpace(asOf);
        var hasVersion = !string.IsNullOrWhiteSpace(version);
        if (hasMoment && hasVersion)
        {
            errors.Add(versionField, $"{asOfField} 与 {versionField} 只能给一个。Give {asOfField} or {versionField}, not both.");
            return null;
        }
        if (!hasMoment && !hasVersion)
        {
            errors.Add(asOfField, $"请给出 {asOfField}（ISO 8601 时间）或 {versionField}（版本号）。Give {asOfField} (an ISO 8601 time) or {versionField} (a version).");
            return null;
        }
        if (hasMoment)
        {
            if (TryReadMoment(asOf!, out var at)) return Moment(at);
            errors.Add(asOfField, "不是有效的 ISO 8601 时间。Not an ISO 8601 time.");
            return null;
        }
        if (long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 1) return OfVersion(v);
        errors.Add(versionField, "版本号须为从 1 起的整数。A version is a whole number from 1.");
        return null;
    }

    /// <summary>An ISO 8601 time; one without an offset is read as UTC.</summary>
    public static bool TryReadMoment(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);

    /// <summary>
    /// The version of the stream this point names: a version as given; for a moment, the last version whose event
    /// happened at or before it, or 0 when the stream had not begun by then.
    /// </summary>
    public long VersionIn(IReadOnlyList<IEvent> events) =>
        Version ?? events.Where(e => EventMoment.Of(e) <= At!.Value).Select(e => e.Version).DefaultIfEmpty(0).Max();

    /// <summary>The moment the point stands for in the stream: the moment given, or when the version's event happened.</summary>
    public DateTimeOffset MomentIn(IReadOnlyList<IEvent> events, long version) =>
        At ?? EventMoment.Of(events.First(e => e.Version == version));

    /// <summary>The stream's events up to <paramref name="version"/>, in version order: what a view as of it folds.</summary>
    public static IReadOnlyList<IEvent> UpTo(IReadOnlyList<IEvent> events, long version) =>
        events.Where(e => e.Version <= version).OrderBy(e => e.Version).ToList();
}
