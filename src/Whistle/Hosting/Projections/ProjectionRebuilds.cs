using System.Diagnostics;
using Marten.Events.Daemon.Coordination;
using Marten;
using Npgsql;

namespace Whistle.Hosting.Projections;

/// <summary>One projection rebuilt: the events the daemon replayed, the documents it wrote and how long it took.</summary>
public sealed record RebuiltProjection(string Name, string Lifecycle, long Sequence, long EventsRead, long DocumentsWritten, double Seconds);

/// <summary>
/// Rebuilds projections through the daemon this node runs under Wolverine's distribution (never a second daemon beside
/// it, which would write the same progress row twice). The store keeps every county in one database (conjoined
/// tenancy), so a rebuild replays every county's events and rewrites every county's documents of the projection.
/// </summary>
public sealed class ProjectionRebuilds(IDocumentStore store, IProjectionCoordinator coordinator, NpgsqlDataSource dataSource)
{
    /// <summary>
    /// A shard of this store may take this long to replay before the rebuild gives up: a year of a county (a million
    /// events, ops/bench/rebuild) took more than ten minutes for one projection on a busy 2-core machine.
    /// </summary>
    public static readonly TimeSpan ShardTimeout = TimeSpan.FromHours(1);

    private StoreOptions Options => ((DocumentStore)store).Options;

    public ProjectionCatalogue Catalogue() => new(
        [.. Options.Projections.All.Select(p => new ProjectionEntry(p.Name, p.Lifecycle, [.. p.PublishedTypes().Distinct()]))]);

    /// <summary>Rebuilds the given projections one after another, in the order given.</summary>
    public async Task<IReadOnlyList<RebuiltProjection>> RebuildAsync(IReadOnlyList<ProjectionEntry> order, CancellationToken ct)
    {
        var daemon = coordinator.DaemonForMainDatabase();
        var rebuilt = new List<RebuiltProjection>();
        foreach (var entry in order)
        {
            var clock = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync(entry.Name, ShardTimeout, ct);
            clock.Stop();
            var sequence = daemon.HighWaterMark();
            rebuilt.Add(new RebuiltProjection(entry.Name, entry.Lifecycle.ToString(), sequence,
                await CountAsync($"select count(*) from {Options.Events.DatabaseSchemaName}.mt_events where seq_id <= {sequence}", ct),
                await DocumentsAsync(entry, ct), Math.Round(clock.Elapsed.TotalSeconds, 3)));
        }
        return rebuilt;
    }

    /// <summary>How many documents the projection holds, across every county.</summary>
    public async Task<long> DocumentsAsync(ProjectionEntry entry, CancellationToken ct)
    {
        long count = 0;
        foreach (var type in entry.Documents)
            count += await CountAsync($"select count(*) from {TableOf(type)}", ct);
        return count;
    }

    /// <summary>The qualified name of the table a document type is stored in.</summary>
    public string TableOf(Type document) => store.Options.FindOrResolveDocumentType(document).TableName.QualifiedName;

    private async Task<long> CountAsync(string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
