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

    /// <summary>Draws the next number in a short transaction of its own, in the county's database (not the session's transaction).</summary>
    public static async Task<string> NextAsync(IDocumentSession session, string series, int year, CancellationToken ct)
    {
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            insert into {WhistleSchema.Table(TableName)} as n (tenant_id, series, year, last_value) values ($1, $2, $3, 1)
            on conflict (tenant_id, series, year) do update set last_value = n.last_value + 1
            returning n.last_value
            """;
        command.Parameters.Add(new NpgsqlParameter { Value = session.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = series });
        command.Parameters.Add(new NpgsqlParameter { Value = year });
        var sequence = (long)(await command.ExecuteScalarAsync(ct))!;
        return Format(series, year, sequence);
    }
}

/// <summary>The identity of a case about to be opened: its stream id and its readable number.</summary>
public sealed record NewCase(Guid Id, string Number);
