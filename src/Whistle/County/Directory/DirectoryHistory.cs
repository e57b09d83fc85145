using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Directory;

/// <summary>One version of a directory entry: who made it, when, what changed, and the entry as it then was.</summary>
public sealed record DirectoryVersion(long Version, string Event, DateTimeOffset At, Actor By, IReadOnlyList<string> Changed, object Info);

/// <summary>Every change of a directory entry is kept; these read them back.</summary>
public static class DirectoryHistoryEndpoint
{
    /// <summary>The route's plural kinds, and the stream-name kind each stands for.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["sub-districts"] = "sub-district",
        ["communities"] = "community",
        ["compounds"] = "compound",
        ["property-companies"] = "property-company",
        ["departments"] = "department",
    };

    public static async Task<IReadOnlyList<DirectoryVersion>> LoadAsync(
        string kind, string code, IQuerySession session, CancellationToken ct)
    {
        if (!Kinds.TryGetValue(kind, out var streamKind)) return [];
        var events = await session.Events.FetchStreamAsync(DirectoryIds.For(streamKind, code), token: ct);
        return events
            .Where(e => e.Data is IDirectoryChange<object>)
            .Select(e =>
            {
                var change = (IDirectoryChange<object>)e.Data;
                return new DirectoryVersion(e.Version, e.EventTypeName, change.At, change.By, change.Changed, change.Info);
            })
            .ToList();
    }

    public static ProblemDetails Validate(string kind, string code, string? asOf, IReadOnlyList<DirectoryVersion> versions)
    {
        if (versions.Count == 0) return Problems.NotFound($"目录中没有 {kind}/{code}。", $"The directory has no {kind}/{code}.");
        return asOf is not null && !DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
            ? new FieldErrors().Add("asOf", "不是有效的时间。Not an ISO 8601 time.").ToProblem()
            : Problems.None;
    }

    /// <summary>
    /// Every version of an entry, oldest first (kind: sub-districts, communities, compounds, property-companies,
    /// departments). With <c>asOf</c> (ISO 8601), only the version in force at that moment.
    /// </summary>
    [EndpointSummary("名录条目的历史 A directory entry's history")]
    [WolverineGet("/api/directory/{kind}/{code}/history", OperationId = "GetDirectoryHistory")]
    public static IReadOnlyList<DirectoryVersion> Get(string? asOf, IReadOnlyList<DirectoryVersion> versions)
    {
        if (asOf is null) return versions;
        var at = DateTimeOffset.Parse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return versions.LastOrDefault(v => v.At <= at) is { } inForce ? [inForce] : [];
    }
}
