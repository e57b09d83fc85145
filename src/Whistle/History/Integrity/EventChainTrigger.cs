using System.Data.Common;
using Weasel.Core;
using Weasel.Postgresql;
using Whistle.Kernel;

namespace Whistle.History.Integrity;

/// <summary>
/// The AFTER INSERT trigger on <c>mt_events</c> that writes each event's chain link, as a schema object of Marten's own
/// schema management: <c>db-apply</c> and the start-up migration create it when <c>pg_trigger</c> lacks it, and find no
/// difference once it is there.
/// </summary>
public sealed class EventChainTrigger : ISchemaObject
{
    public DbObjectName Identifier { get; } =
        new PostgresqlObjectName(WhistleSchema.Name, EventChain.TriggerName, SchemaUtils.IdentifierUsage.General);

    public void WriteCreateStatement(Migrator migrator, TextWriter writer) =>
        writer.WriteLine(
            $"create trigger {EventChain.TriggerName} after insert on {WhistleSchema.Table(EventChain.EventsTable)} "
            + $"for each row execute function {WhistleSchema.Name}.{EventChain.FunctionName}();");

    public void WriteDropStatement(Migrator rules, TextWriter writer) =>
        writer.WriteLine($"drop trigger if exists {EventChain.TriggerName} on {WhistleSchema.Table(EventChain.EventsTable)};");

    public void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder) =>
        builder.Append(
            $"""
            select count(*) from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = '{WhistleSchema.Name}' and c.relname = '{EventChain.EventsTable}' and t.tgname = '{EventChain.TriggerName}' and not t.tgisinternal;
            """);

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct)
    {
        var exists = await reader.ReadAsync(ct) && reader.GetInt64(0) > 0;
        return new SchemaObjectDelta(this, exists ? SchemaPatchDifference.None : SchemaPatchDifference.Create);
    }

    public IEnumerable<DbObjectName> AllNames() => [Identifier];
}
