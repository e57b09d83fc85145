using System.Collections.Concurrent;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using Whistle.County.Calendar;
using Whistle.County.Catalogue;
using Whistle.County.Deadlines;
using Whistle.County.Directory;
using Whistle.County.Staff;
using Whistle.Kernel;

namespace Whistle.County;

/// <summary>
/// The reference data a command is decided by — the dispatch catalogue, the deadline policy, the calendar, the
/// compounds and the departments of the directory — as one immutable snapshot of a county.
/// </summary>
public sealed record CountyReference(
    DispatchCatalogue? Catalogue, DeadlinePolicy Policy, CountyCalendar Calendar,
    IReadOnlyDictionary<string, Compound> Compounds, DepartmentCodes Departments)
{
    public Compound? Compound(string code) => Compounds.GetValueOrDefault(code);
}

/// <summary>
/// The county's reference data read from memory, never stale after a change is acknowledged — with one host or several
/// on one database.
/// <para>
/// Every transaction that appends a reference event (directory, catalogue, deadline policy, calendar, staff) also gives
/// the county a new <b>generation</b> (<see cref="GenerationListener"/>), in the same commit. A command reads the county's
/// generation — one primary-key lookup — and uses the snapshot in memory when it was loaded at that generation, else
/// loads it again. A change acknowledged to its caller has committed its generation, so every later command on any host
/// sees the new generation and reloads; a command that read the generation just before sees the county as it was,
/// which is the order the two happened in. A generation is a random value, never a count: a database restored or
/// reloaded never repeats one a host has cached.
/// </para>
/// </summary>
public sealed class CountyReferenceCache
{
    private const string TableName = "reference_generations";

    private readonly ConcurrentDictionary<string, (Guid? Generation, CountyReference Reference)> counties = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, int> loads = new(StringComparer.Ordinal);

    /// <summary>How many times this host loaded a county's snapshot from the database.</summary>
    public int LoadsOf(string county) => loads.GetValueOrDefault(county);

    public static Table Table()
    {
        var table = new Table(new PostgresqlObjectName(WhistleSchema.Name, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<Guid>("generation").NotNull();
        return table;
    }

    /// <summary>The county's reference data now: from memory when its generation has not moved since it was loaded.</summary>
    public async Task<CountyReference> CurrentAsync(IQuerySession session, CancellationToken ct)
    {
        var generation = await GenerationAsync(session, ct);
        if (counties.TryGetValue(session.TenantId, out var cached) && cached.Generation == generation) return cached.Reference;
        var reference = await LoadAsync(session, ct);
        loads.AddOrUpdate(session.TenantId, 1, (_, n) => n + 1);
        counties[session.TenantId] = (generation, reference);
        return reference;
    }

    private static async Task<Guid?> GenerationAsync(IQuerySession session, CancellationToken ct)
    {
        var rows = await session.AdvancedSql.QueryAsync<Guid>(
            $"select generation from {WhistleSchema.Table(TableName)} where tenant_id = ?", ct, session.TenantId);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task<CountyReference> LoadAsync(IQuerySession session, CancellationToken ct)
    {
        var compounds = await session.Query<Compound>().ToListAsync(ct);
        return new CountyReference(
            await DispatchCatalogue.CurrentAsync(session, ct), await DeadlinePolicy.CurrentAsync(session, ct),
            await CountyCalendar.CurrentAsync(session, ct), compounds.ToDictionary(c => c.Code, StringComparer.Ordinal),
            await DepartmentCodes.LoadAsync(session, ct));
    }

    /// <summary>
    /// Gives the county a new generation in the transaction of every change to its reference data: any session
    /// appending one of the county capability's events.
    /// </summary>
    public sealed class GenerationListener : DocumentSessionListenerBase
    {
        private static readonly HashSet<Type> ReferenceEvents =
            [.. DirectoryEvents.All, .. CatalogueEvents.All, .. DeadlinePolicyEvents.All, .. CountyCalendarEvents.All, .. StaffEvents.All];

        public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
        {
            var changes = session.PendingChanges.Streams().Any(s => s.Events.Any(e => ReferenceEvents.Contains(e.EventType)));
            if (changes)
                session.QueueSqlCommand(
                    $"insert into {WhistleSchema.Table(TableName)} (tenant_id, generation) values (?, gen_random_uuid()) " +
                    "on conflict (tenant_id) do update set generation = excluded.generation",
                    session.TenantId);
            return Task.CompletedTask;
        }
    }
}
