using Marten;
using Microsoft.AspNetCore.Authorization;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Hosting.Projections;

/// <summary>How far one shard of a projection has come: the last event sequence it has applied, and how far behind.</summary>
public sealed record ShardProgress(string Shard, long Sequence, long Behind);

/// <summary>
/// One projection: how it runs (Inline, in the transaction that appends; Async, by the daemon), the documents it
/// writes, the projections whose documents it reads, the documents it holds now and its shards' progress.
/// </summary>
public sealed record ProjectionStatus(
    string Name, string Lifecycle, IReadOnlyList<string> Documents, IReadOnlyList<string> ReadsFrom, long DocumentCount,
    IReadOnlyList<ShardProgress> Shards);

/// <summary>The store's high-water mark (the last event sequence the daemon may read safely) and every projection.</summary>
public sealed record ProjectionOverview(long HighWaterMark, IReadOnlyList<ProjectionStatus> Projections);

public static class ProjectionListEndpoint
{
    /// <summary>
    /// Every projection with its lifecycle and progress per shard. An async projection is up to date when its shards'
    /// sequence reaches the high-water mark; an inline one has no shard (its documents change with each append).
    /// </summary>
    [EndpointSummary("投影列表 The projections")]
    [WolverineGet("/api/admin/projections", OperationId = "ListProjections")]
    [Authorize(Roles = Roles.Admin)]
    public static async Task<ProjectionOverview> Get(IDocumentStore store, ProjectionRebuilds rebuilds, CancellationToken ct)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        var highWater = progress.FirstOrDefault(p => p.ShardName == JasperFx.Events.Projections.ShardState.HighWaterMark)?.Sequence ?? 0;
        var catalogue = rebuilds.Catalogue();
        var projections = new List<ProjectionStatus>();
        foreach (var entry in catalogue.Entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var shards = progress.Where(p => p.ShardName.StartsWith(entry.Name + ":", StringComparison.Ordinal))
                .Select(p => new ShardProgress(p.ShardName, p.Sequence, Math.Max(0, highWater - p.Sequence))).ToList();
            projections.Add(new ProjectionStatus(entry.Name, entry.Lifecycle.ToString(), [.. entry.Documents.Select(d => d.Name)],
                [.. catalogue.ReadsFrom(entry).Select(r => r.Name)], await rebuilds.DocumentsAsync(entry, ct), shards));
        }
        return new ProjectionOverview(highWater, projections);
    }
}
