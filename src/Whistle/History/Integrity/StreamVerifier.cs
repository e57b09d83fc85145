using System.Diagnostics;
using Npgsql;
using Whistle.Kernel;

namespace Whistle.History.Integrity;

/// <summary>
/// Verifies the hash chains: one query streams every event of the county (or of one stream) joined on its sequence with
/// its link, recomputing each hash in PostgreSQL (sha256) over the same canonical text the trigger hashed, ordered by
/// stream and version; <see cref="ChainWalk"/> finds each stream's first broken link as the rows go by.
/// </summary>
public sealed class StreamVerifier(CountyConnections connections)
{
    private const int ProgressEvery = 20_000;

    /// <summary>
    /// Marten's tombstone stream: where a rolled-back append leaves placeholder events (version = sequence) that fill the
    /// sequence's gap. It is no case's stream and its versions have gaps by design, so it is not verified.
    /// </summary>
    public static readonly Guid TombstoneStream = Guid.Parse("4ec546bc-2f9f-45d1-8beb-0b1d7e3e9c66");

    /// <summary>
    /// The type of Marten's placeholder events. A rolled-back start of a stream (two requests starting the same case at
    /// once: the loser's 409) can leave one in that stream's own id too, with the sequence as its version: no event of
    /// the case, so neither it nor its link is verified.
    /// </summary>
    public const string Tombstone = "tombstone";

    private static readonly string Query = $"""
        select coalesce(e.stream_id, c.stream_id), coalesce(e.tenant_id, c.tenant_id), e.version, e.seq_id, c.version, c.seq_id,
               c.previous, c.hash, case when e.seq_id is null or c.seq_id is null then null else {EventChain.Hash("c.previous", "e")} = c.hash end
          from (select * from {WhistleSchema.Table(EventChain.EventsTable)}
                 where ($1::text is null or tenant_id = $1) and ($2::uuid is null or stream_id = $2) and stream_id <> '{TombstoneStream}') e
          full join (select * from {WhistleSchema.Table(EventChain.TableName)}
                 where ($1::text is null or tenant_id = $1) and ($2::uuid is null or stream_id = $2) and stream_id <> '{TombstoneStream}') c on c.seq_id = e.seq_id
         where e.type is distinct from '{Tombstone}'
         order by 1, 2, coalesce(e.version, c.version), coalesce(e.seq_id, c.seq_id)
        """;

    /// <summary>Verifies one stream of a county; a stream with neither events nor links reads as zero events.</summary>
    public Task<IntegrityReport> VerifyStreamAsync(string county, Guid streamId, CancellationToken ct) =>
        VerifyAsync(county, streamId, null, ct);

    /// <summary>Verifies every stream of a county, or of every county when <paramref name="county"/> is null.</summary>
    public Task<IntegrityReport> VerifyAllAsync(string? county, IProgress<VerificationProgress>? progress, CancellationToken ct) =>
        VerifyAsync(county, null, progress, ct);

    /// <summary>The county a stream belongs to, or null when no event of it is stored (looked for in every database).</summary>
    public async Task<string?> CountyOfAsync(Guid streamId, CancellationToken ct)
    {
        await foreach (var connection in connections.OpenEachAsync(ct))
        {
            await using (connection)
            {
                await using var command = new NpgsqlCommand(
                    $"select tenant_id from {WhistleSchema.Table(EventChain.EventsTable)} where stream_id = $1 limit 1", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = streamId });
                if (await command.ExecuteScalarAsync(ct) is string county) return county;
            }
        }
        return null;
    }

    public async Task<long> CountEventsAsync(string? county, CancellationToken ct)
    {
        long count = 0;
        await foreach (var connection in Databases(county, ct))
        {
            await using (connection)
            {
                await using var command = new NpgsqlCommand(
                    $"select count(*) from {WhistleSchema.Table(EventChain.EventsTable)} where ($1::text is null or tenant_id = $1) and stream_id <> '{TombstoneStream}' and type <> '{Tombstone}'",
                    connection);
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)county ?? DBNull.Value, DataTypeName = "text" });
                count += (long)(await command.ExecuteScalarAsync(ct))!;
            }
        }
        return count;
    }

    /// <summary>The county's database, or every database when no county is named.</summary>
    private async IAsyncEnumerable<NpgsqlConnection> Databases(string? county, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (county is not null)
        {
            yield return await connections.OpenAsync(county, ct);
            yield break;
        }
        await foreach (var connection in connections.OpenEachAsync(ct)) yield return connection;
    }

    private async Task<IntegrityReport> VerifyAsync(string? county, Guid? streamId, IProgress<VerificationProgress>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var total = progress is null ? 0 : await CountEventsAsync(county, ct);
        var broken = new List<BrokenLink>();
        long streams = 0, events = 0, rows = 0;
        ChainWalk? walk = null;
        await foreach (var connection in Databases(county, ct))
        {
            await using (connection)
            {
                await using var command = new NpgsqlCommand(Query, connection);
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)county ?? DBNull.Value, DataTypeName = "text" });
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)streamId ?? DBNull.Value, DataTypeName = "uuid" });
                command.CommandTimeout = 0;
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var row = new ChainRow(
                        reader.GetGuid(0), reader.GetString(1),
                        reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3),
                        reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.IsDBNull(5) ? null : reader.GetInt64(5),
                        reader.IsDBNull(6) ? null : reader.GetFieldValue<byte[]>(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<byte[]>(7),
                        reader.IsDBNull(8) ? null : reader.GetBoolean(8));
                    if (walk is null || walk.StreamId != row.StreamId || walk.County != row.County)
                    {
                        Finish(walk);
                        walk = new ChainWalk(row.StreamId, row.County);
                        streams++;
                    }
                    walk.Take(row);
                    if (++rows % ProgressEvery == 0) progress?.Report(new VerificationProgress(rows, total, watch.Elapsed));
                }
            }
            // A database's streams end with it: sequences are per database, so no walk goes on into the next.
            Finish(walk);
            walk = null;
        }
        Finish(walk);
        watch.Stop();
        progress?.Report(new VerificationProgress(rows, Math.Max(rows, total), watch.Elapsed));
        return new IntegrityReport(streams, events, watch.Elapsed.TotalSeconds, broken);

        void Finish(ChainWalk? done)
        {
            if (done is null) return;
            events += done.Events;
            if (done.Broken is { } link) broken.Add(link);
        }
    }
}
