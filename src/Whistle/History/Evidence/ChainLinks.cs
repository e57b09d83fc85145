using Npgsql;
using Whistle.History.Integrity;
using Whistle.Kernel;

namespace Whistle.History.Evidence;

/// <summary>One link of a stream's hash chain as the store holds it: the event's version and sequence, the previous hash and its own (hex).</summary>
public sealed record ChainLink(long Version, long Sequence, string Previous, string Hash);

/// <summary>Reads the links of a county's streams from the chain table, oldest first (Marten's placeholder events left out, as the verifier leaves them).</summary>
public sealed class ChainLinks(CountyConnections connections)
{
    private static readonly string Query = $"""
        select c.stream_id, c.version, c.seq_id, c.previous, c.hash from {WhistleSchema.Table(EventChain.TableName)} c
         where c.tenant_id = $1 and c.stream_id = any($2)
           and not exists (select 1 from {WhistleSchema.Table(EventChain.EventsTable)} e where e.seq_id = c.seq_id and e.type = '{StreamVerifier.Tombstone}')
         order by c.stream_id, c.version, c.seq_id
        """;

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ChainLink>>> LoadAsync(string county, IReadOnlyCollection<Guid> streams, CancellationToken ct)
    {
        var links = streams.ToDictionary(s => s, _ => new List<ChainLink>());
        await using var connection = await connections.OpenAsync(county, ct);
        await using var command = new NpgsqlCommand(Query, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = county });
        command.Parameters.Add(new NpgsqlParameter { Value = streams.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            links[reader.GetGuid(0)].Add(new ChainLink(reader.GetInt64(1), reader.GetInt64(2),
                Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(3)), Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(4))));
        return links.ToDictionary(l => l.Key, l => (IReadOnlyList<ChainLink>)l.Value);
    }
}
