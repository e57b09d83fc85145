using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Whistle.Kernel;

/// <summary>
/// Readable case numbers per county, series and year: complaints <c>TS-2026-000123</c>, fee disputes <c>WY-…</c>,
/// mediation cases <c>TJ-…</c>, unique and increasing per county, series and year.
/// <para>
/// The counter row is bumped in a statement of its own, committed at once on a connection of its own — never inside
/// the transaction that starts the case's stream. Had it been (as it first was), every lodging in a county would hold
/// the row's lock until its own commit, and concurrent lodgings would queue one commit after another (issue 17
/// measured a third of the throughput). The price is a gap: a number drawn by a lodging that then fails is never
/// given again, so the numbers of a year may skip one. No number is ever given twice.
/// </para>
/// </summary>
public static class CaseNumbers
{
    public const string Complaints = "TS";
    public const string FeeDisputes = "WY";
    public const string MediationCases = "TJ";

    private const string TableName = "case_numbers";

    public static Table Table()
    {
        var table = new Table(new PostgresqlObjectName(WhistleSchema.Name, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<string>("series").AsPrimaryKey();
        table.AddColumn<int>("year").AsPrimaryKey();
        table.AddColumn<long>("last_value").NotNull();
        return table;
    }

    /// <summary>
    /// A new case's identity: a time-ordered stream id and the next number of its series in the county's year. Every
    /// endpoint that opens a case draws it here, before the transaction that starts the case's stream.
    /// </summary>
    public static async Task<NewCase> DrawAsync(IDocumentSession session, string series, DateTimeOffset now, CancellationToken ct) =>
        new(Guid.CreateVersion7(now), await NextAsync(session, series, CountyTime.Local(now).Year, ct));

    public static string Format(string series, int year, long sequence) => $"{series}-{year}-{sequence:D6}";

    /// <summary>
    /// Draws the next number in a short transaction of its own, in the county's database (not the session's
    /// transaction), in one round trip.
    /// <para>
    /// That transaction commits without waiting for its WAL to reach the disk (<c>synchronous_commit</c> off, for it
    /// alone): a second flush per lodging bought nothing. The case's own transaction commits after it and waits for the
    /// WAL up to its own commit record, which lies beyond the draw's, so every case that was stored durably has its
    /// number's draw durable too. A crash can only forget a draw whose case never committed; that number is then given
    /// again, to the next case, and still to one case only.
    /// </para>
    /// </summary>
    public static async Task<string> NextAsync(IDocumentSession session, string series, int year, CancellationToken ct)
    {
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var batch = connection.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("begin"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("set local synchronous_commit to off"));
        var draw = new NpgsqlBatchCommand($"""
            insert into {WhistleSchema.Table(TableName)} as n (tenant_id, series, year, last_value) values ($1, $2, $3, 1)
            on conflict (tenant_id, series, year) do update set last_value = n.last_value + 1
            returning n.last_value
            """);
        draw.Parameters.Add(new NpgsqlParameter { Value = session.TenantId });
        draw.Parameters.Add(new NpgsqlParameter { Value = series });
        draw.Parameters.Add(new NpgsqlParameter { Value = year });
        batch.BatchCommands.Add(draw);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("commit"));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        // The first result set with a row is the draw's (begin and set return none).
        while (!reader.HasRows && await reader.NextResultAsync(ct)) { }
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException("The case-number draw returned no row.");
        var sequence = reader.GetInt64(0);
        return Format(series, year, sequence);
    }
}

/// <summary>The identity of a case about to be opened: its stream id and its readable number.</summary>
public sealed record NewCase(Guid Id, string Number);
