using System.Text.Json;
using System.Text.Json.Nodes;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;

namespace Whistle.History.TimeTravel;

/// <summary>An event that lies between two moments of a case: its stream, version, type and when it happened.</summary>
public sealed record EventBetween(Guid Stream, long Version, string Type, DateTimeOffset At);

/// <summary>
/// What changed in a case between two points: each field that differs (JSON path, before, after) comparing the two
/// views as they are serialized, and the case's own events after the first point up to the second.
/// </summary>
public sealed record CaseDifference(
    DateTimeOffset From, long FromVersion, DateTimeOffset To, long ToVersion,
    IReadOnlyList<FieldChange> Changes, IReadOnlyList<EventBetween> Events)
{
    /// <summary>Compares two views of the same case as the API serializes them (<paramref name="json"/>).</summary>
    public static CaseDifference Of(Guid caseId, CaseAsOf from, CaseAsOf to, IReadOnlyList<IEvent> events, JsonSerializerOptions json) =>
        new(from.AsOf, from.Version, to.AsOf, to.Version,
            JsonDifference.Between(Compared(from, json), Compared(to, json)),
            events.Where(e => e.Version > from.Version && e.Version <= to.Version).OrderBy(e => e.Version)
                .Select(e => new EventBetween(caseId, e.Version, e.EventTypeName, EventMoment.Of(e))).ToList());

    /// <summary>What is compared: the case, its whistles and its places' names (the points themselves differ by definition).</summary>
    private static JsonNode? Compared(CaseAsOf view, JsonSerializerOptions json) =>
        JsonSerializer.SerializeToNode(new { view.Case, view.Whistles, view.Names }, json);

    /// <summary>A later first point than second is refused: the difference runs forward in time.</summary>
    public static ProblemDetails Order(DateTimeOffset fromAt, long fromVersion, DateTimeOffset toAt, long toVersion) =>
        fromAt > toAt || fromVersion > toVersion
            ? new FieldErrors().Add("from", "起点不能晚于终点。From must not be after to.").ToProblem()
            : Problems.None;
}
