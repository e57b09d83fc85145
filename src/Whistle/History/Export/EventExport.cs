using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using Whistle.Assessment;
using Whistle.Kernel;

namespace Whistle.History.Export;

/// <summary>
/// Streams a county's events of a range to CSV, row by row as PostgreSQL returns them: the set is never held whole,
/// so a year of a large county costs the memory of one row. An event belongs to the range by its business moment, the
/// SQL twin of <see cref="EventMoment"/>: its stored <c>at</c>, else the store's timestamp.
/// </summary>
public sealed class EventExport(CountyConnections connections)
{
    /// <summary>Progress is reported after every this many rows, and once at the end.</summary>
    public const int ReportEvery = 1000;

    private static readonly string Moment = EventMoment.Sql("e");

    private static readonly string Sql = $"""
        select e.seq_id, e.stream_id, s.type, e.version, e.type, m.at, e.user_name, e.correlation_id, e.causation_id, e.data::text
        from {WhistleSchema.Table("mt_events")} e
        left join {WhistleSchema.Table("mt_streams")} s on s.id = e.stream_id and s.tenant_id = e.tenant_id
        cross join lateral (select {Moment} as at) m
        where e.tenant_id = $1 and m.at >= $2 and m.at < $3
        order by e.seq_id
        """;

    private static readonly string CountSql = $"""
        select count(*) from {WhistleSchema.Table("mt_events")} e cross join lateral (select {Moment} as at) m
        where e.tenant_id = $1 and m.at >= $2 and m.at < $3
        """;

    /// <summary>How many events the range holds: what a progress bar counts towards.</summary>
    public async Task<long> CountAsync(string county, ExportRange range, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(county, ct);
        await using var command = Command(connection, CountSql, county, range);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string county, ExportRange range)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = county });
        command.Parameters.Add(new NpgsqlParameter { Value = range.Start.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = range.End.ToUniversalTime() });
        return command;
    }

    /// <summary>The county's events whose business moment lies in the range, in sequence order.</summary>
    public async IAsyncEnumerable<ExportedEvent> ReadAsync(string county, ExportRange range, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(county, ct);
        await using var command = Command(connection, Sql, county, range);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return new ExportedEvent(
                reader.GetInt64(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3),
                reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), Text(reader, 6), Text(reader, 7), Text(reader, 8),
                reader.GetString(9));
        }
    }

    /// <summary>Writes the CSV (UTF-8 with BOM, bilingual header) to <paramref name="output"/>; returns the rows written.</summary>
    public async Task<long> WriteAsync(
        string county, ExportRange range, bool masked, Stream output, IProgress<long>? progress, CancellationToken ct)
    {
        await using var writer = await WriterAsync(output, ct);
        await writer.WriteAsync(Csv.Line(EventCsv.Header));
        long rows = 0;
        await foreach (var e in ReadAsync(county, range, ct))
        {
            await writer.WriteAsync(Csv.Line(EventCsv.Row(e, masked)));
            if (++rows % ReportEvery == 0) progress?.Report(rows);
        }
        progress?.Report(rows);
        return rows;
    }

    /// <summary>A writer of UTF-8 after a byte-order mark, so that Excel reads the Chinese; it leaves the stream open.</summary>
    internal static async Task<StreamWriter> WriterAsync(Stream output, CancellationToken ct)
    {
        // Asynchronously: a response body refuses synchronous writes.
        await output.WriteAsync(Encoding.UTF8.GetPreamble(), ct);
        return new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
    }

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
