using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;
using Whistle.Kernel;

namespace Whistle.History.Integrity;

/// <summary>
/// The hash chain of every stream: one row per stored event, written by a trigger on Marten's <c>mt_events</c> in the
/// transaction that inserts the event, whichever code path appends it (commands, deadlines, cascaded messages, the
/// simulator, a projection rebuild never appends). An event's hash is SHA-256 over the previous event's hash (32 zero
/// bytes for a stream's first event) followed by the canonical text of the event: its stream, version, sequence, id, type,
/// data, timestamp, county and metadata. <c>is_archived</c> is left out, so archiving a stream never breaks its chain.
/// </summary>
public static class EventChain
{
    public const string TableName = "whistle_event_chain";
    public const string FunctionName = "whistle_event_chain_append";
    public const string TriggerName = "whistle_event_chain_append";
    public const string EventsTable = "mt_events";

    /// <summary>The first link's previous hash: 32 zero bytes.</summary>
    public static readonly byte[] Genesis = new byte[32];

    public static Table Table()
    {
        var table = new Table(new PostgresqlObjectName(WhistleSchema.Name, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<long>("seq_id").AsPrimaryKey();
        table.AddColumn<string>("tenant_id").NotNull();
        table.AddColumn<Guid>("stream_id").NotNull();
        table.AddColumn<long>("version").NotNull();
        table.AddColumn("previous", "bytea").NotNull();
        table.AddColumn("hash", "bytea").NotNull();
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_stream_version") { Columns = ["stream_id", "version"] });
        return table;
    }

    /// <summary>
    /// The canonical text of an event row, as SQL over the row alias: its stream, version, sequence, id, type, timestamp
    /// (UTC to the microsecond, whatever the session's time zone), county, correlation and causation ids, headers and user
    /// as a PostgreSQL text array (elements quoted and escaped, NULL for a missing value: its text ends unambiguously at
    /// its closing brace), a line break, then the data as jsonb prints it (one order of keys). Printing the data apart
    /// from the array costs half what wrapping it in a JSON array did.
    /// The trigger and the verifier both use this one expression.
    /// </summary>
    public static string Canonical(string row) =>
        $"array[{row}.stream_id::text, {row}.version::text, {row}.seq_id::text, {row}.id::text, {row}.type, "
        + $"to_char({row}.timestamp at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), {row}.tenant_id, "
        + $"{row}.correlation_id, {row}.causation_id, {row}.headers::text, {row}.user_name]::text || E'\\n' || {row}.data::text";

    /// <summary>The link's hash, as SQL: SHA-256 over the previous hash and the row's canonical text.</summary>
    public static string Hash(string previous, string row) => $"sha256({previous} || convert_to({Canonical(row)}, 'UTF8'))";

    /// <summary>
    /// The trigger function. It is written as PostgreSQL prints it back (pg_get_functiondef), so that a second start finds
    /// no difference. The previous link is the stream's chain row of the greatest version below the new one; concurrent
    /// appends to one stream queue on Marten's stream row, so the second sees the first's link.
    /// </summary>
    public static Function Function() => new(
        new PostgresqlObjectName(WhistleSchema.Name, FunctionName, SchemaUtils.IdentifierUsage.General),
        $"""
        CREATE OR REPLACE FUNCTION {WhistleSchema.Name}.{FunctionName}()
         RETURNS trigger
         LANGUAGE plpgsql
        AS $function$
        declare
            previous_hash bytea;
        begin
            select c.hash into previous_hash from {WhistleSchema.Name}.{TableName} c
             where c.stream_id = NEW.stream_id and c.tenant_id = NEW.tenant_id and c.version < NEW.version
             order by c.version desc limit 1;
            previous_hash := coalesce(previous_hash, '\x{Convert.ToHexStringLower(Genesis)}'::bytea);
            insert into {WhistleSchema.Name}.{TableName} (seq_id, tenant_id, stream_id, version, previous, hash)
            values (NEW.seq_id, NEW.tenant_id, NEW.stream_id, NEW.version, previous_hash, {Hash("previous_hash", "NEW")});
            return null;
        end;
        $function$;

        """);

    public static EventChainTrigger Trigger() => new();
}
