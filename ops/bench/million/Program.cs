using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Whistle.County;
using Whistle.County.Calendar;
using Whistle.County.Directory;
using Whistle.County.Staff;
using Whistle.Hosting;
using Whistle.Hosting.Projections;
using Whistle.Kernel;
using Whistle.Simulation;
using Wolverine;

namespace Whistle.Bench.Million;

/// <summary>
/// The million-event county of issue 17 (benchmarks 2 and 3), in one program:
/// <list type="bullet">
/// <item><c>load CONNECTION [--events N] [--seed S] [--fresh]</c>: fills the database with a year of the sample county
/// (<see cref="CountyYear"/>: the domain's own decisions over generated commands), written with PostgreSQL's binary
/// COPY into Marten's own tables (<c>mt_streams</c>, <c>mt_events</c>: the store's serializer, event type names, .NET
/// type names, the county as tenant, stream versions, the global sequence in time order), then rebuilds every
/// projection through Marten's daemon. A database that already holds the county of this seed and size is kept.</item>
/// <item><c>rebuild CONNECTION [--raw-only]</c>: times the daemon's rebuild of every projection (each, and the total) against a raw
/// read of the same rows with Npgsql and System.Text.Json (each event's data deserialized into its .NET type), and
/// prints a Markdown section with both rates and their ratio (issue 17's target: rebuild ≥ 0.25 × the raw read).
/// <c>--raw-only</c>: the raw read alone (one line), beside the rebuild timings the loader printed.</item>
/// </list>
/// Progress goes to stderr, results to stdout.
/// </summary>
public static class MillionBench
{
    private const string County = "anlan";
    private const string NotificationsShard = Whistle.Notifications.NotificationsSetup.Subscription + ":All";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 2) { Console.Error.WriteLine("usage: MillionBench load|rebuild CONNECTION [--events 1000000] [--seed 17] [--fresh]"); return 2; }
        var connection = args[1];
        var events = Option(args, "--events", 1_000_000);
        var seed = Option(args, "--seed", 17);
        var fresh = args.Contains("--fresh");

        if (args[0] == "load")
        {
            // Written with no daemon running (no agents on this node), so that nothing reads the year while it is copied;
            // the async projections' and the notification relay's progress is set past the year in the same transaction
            // (a year's notices are not sent again; the projections are rebuilt next). Then rebuilt on a node that runs the daemon.
            int loaded;
            await using (var writer = await StartAsync(connection, DurabilityMode.MediatorOnly))
            {
                loaded = await LoadAsync(writer, connection, events, seed, fresh);
                await writer.StopAsync();
            }
            if (loaded != 0) return loaded == 3 ? 0 : loaded;
            await using var app = await StartAsync(connection, DurabilityMode.Solo);
            var clock = Stopwatch.StartNew();
            await RebuildAllAsync(app);
            Say($"Rebuilt every projection in {clock.Elapsed.TotalSeconds:F1} s.");
            var dataSource = NpgsqlDataSource.Create(connection);
            await Exec(dataSource, $"update {WhistleSchema.Name}.bench_million set rebuilt_seconds = {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)}");
            Console.WriteLine(await Scalar<string>(dataSource, $"select summary || ', projections rebuilt in ' || rebuilt_seconds || ' s' from {WhistleSchema.Name}.bench_million"));
            await app.StopAsync();
            return 0;
        }
        if (args[0] == "rebuild")
        {
            await using var app = await StartAsync(connection, DurabilityMode.Solo);
            var code = await RebuildBenchAsync(app, connection, rawOnly: args.Contains("--raw-only"));
            await app.StopAsync();
            return code;
        }
        return 2;
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    private static void Say(string message) => Console.Error.WriteLine(message);

    /// <summary>Whistle as the service runs it (Production, the sample county), alone on the database: this node holds the daemon.</summary>
    private static async Task<WebApplication> StartAsync(string connection, DurabilityMode durability)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Whistle"] = Unbounded(connection),
            ["Whistle:SampleCounty"] = Path.Combine(Root(), "samples/county/county.json"),
            ["Whistle:Durability"] = durability.ToString(),
            ["Whistle:Auth:Authority"] = "",
            // Production takes no symmetric key: a public key of this run's own (the benchmark sends no tokens).
            ["Whistle:Auth:PublicKeyPath"] = ThrowawayPublicKey(),
            ["Whistle:Privacy:KeyEncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Whistle:Auth:Issuer"] = "whistle-bench",
            ["Whistle:Auth:Audience"] = "whistle-bench",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Results alone on stdout: every log line to stderr. The daemon's agents retry starting a projection's shard
        // while it is being rebuilt and say so loudly: expected here, so not shown.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Wolverine.Runtime.Agents", LogLevel.None);
        builder.Logging.AddFilter("Microsoft.AspNetCore.StaticFiles", LogLevel.None);
        builder.AddWhistle();
        var app = builder.Build();
        app.UseWhistle();
        await app.StartAsync();
        return app;
    }

    /// <summary>No command timeout: a COPY of a million rows, or a rebuild's page, may take longer than the default 30 s.</summary>
    private static string Unbounded(string connection) => new NpgsqlConnectionStringBuilder(connection) { CommandTimeout = 0 }.ConnectionString;

    private static string Root()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Whistle.slnx"))) return d.FullName;
        return Directory.GetCurrentDirectory();
    }

    // ---- load --------------------------------------------------------------------------------------------------------

    private static async Task<int> LoadAsync(WebApplication app, string connection, int target, int seed, bool fresh)
    {
        var store = (DocumentStore)app.Services.GetRequiredService<IDocumentStore>();
        var dataSource = NpgsqlDataSource.Create(Unbounded(connection));
        var schema = WhistleSchema.Name;
        var mark = $"seed={seed} events={target}";
        await Exec(dataSource, $"create table if not exists {schema}.bench_million (mark text not null, events bigint not null, summary text not null, rebuilt_seconds double precision, loaded_at timestamptz not null default now())");
        var existing = await Scalar<string?>(dataSource, $"select mark from {schema}.bench_million where rebuilt_seconds is not null limit 1");
        if (existing == mark && !fresh)
        {
            var count = await Scalar<long>(dataSource, $"select events from {schema}.bench_million limit 1");
            Say($"The database already holds the county ({mark}, {count:N0} events): kept (--fresh loads it again).");
            Console.WriteLine(await Scalar<string>(dataSource, $"select summary || ', projections rebuilt in ' || rebuilt_seconds || ' s (loaded ' || to_char(loaded_at, 'YYYY-MM-DD HH24:MI') || ' UTC, kept)' from {schema}.bench_million"));
            return 3;
        }
        if (existing is not null || await Scalar<long>(dataSource, $"select count(*) from {schema}.bench_million") > 0)
        {
            Say($"The database holds another county ({existing}): run with a fresh database (ops/bench/million/run --fresh).");
            return 1;
        }

        await using var query = store.QuerySession(County);
        var reference = await app.Services.GetRequiredService<CountyReferenceCache>().CurrentAsync(query, CancellationToken.None);
        var staffed = await StaffAudience.DepartmentsWithActiveOfficersAsync(query, CancellationToken.None);
        var compounds = CountyDirectory.Of(app.Services).Compounds;
        var companies = (await query.Query<PropertyCompany>().ToListAsync()).ToDictionary(c => c.Code);
        var calendar = (await CountyCalendar.CurrentAsync(query, CancellationToken.None)).ToWorkingCalendar();

        // The scale that gives about the target: a first short year of the same seed measures the events per complaint.
        var clock = Stopwatch.StartNew();
        var probe = new CountyYear(reference, staffed, compounds, companies, calendar, seed).Play(0.5);
        var scale = Math.Max(0.05, 0.5 * target / Math.Max(1, probe.Count));
        Say($"Generating a year of the county at scale {scale:F2} (seed {seed}; the probe at 0.5 gave {probe.Count:N0} events)…");
        var year = new CountyYear(reference, staffed, compounds, companies, calendar, seed);
        var generated = year.Play(scale, (day, n) => { if (day % 60 == 0) Say($"  day {day}: {n:N0} events"); });
        // The global sequence in time order, each stream's events in their order (the sort is stable).
        var ordered = generated.OrderBy(e => e.At).ToList();
        var generateSeconds = clock.Elapsed.TotalSeconds;
        Say($"Generated {ordered.Count:N0} events on {ordered.Select(e => e.StreamId).Distinct().Count():N0} streams in {generateSeconds:F1} s.");

        clock.Restart();
        await CopyAsync(store, dataSource, ordered);
        foreach (var ((series, y), last) in year.Numbers)
            await Exec(dataSource, $"insert into {schema}.case_numbers (tenant_id, series, year, last_value) values ('{County}', '{series}', {y}, {last}) " +
                "on conflict (tenant_id, series, year) do update set last_value = greatest(excluded.last_value, case_numbers.last_value)");
        var copySeconds = clock.Elapsed.TotalSeconds;
        Say($"Copied in {copySeconds:F1} s ({ordered.Count / copySeconds:N0} events/s).");

        var byType = ordered.GroupBy(e => e.StreamType.Name).ToDictionary(g => g.Key, g => g.Select(e => e.StreamId).Distinct().Count());
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{ordered.Count:N0} events, {byType.GetValueOrDefault("Complaint"):N0} complaints, {byType.GetValueOrDefault("Whistle"):N0} whistles, {byType.GetValueOrDefault("FeeDispute"):N0} fee disputes, {byType.GetValueOrDefault("MediationCase"):N0} mediation cases; generated in {generateSeconds:F1} s, copied in {copySeconds:F1} s");
        await Exec(dataSource, $"insert into {schema}.bench_million (mark, events, summary) values ('{mark}', {ordered.Count}, '{summary}')");
        return 0;
    }

    /// <summary>The events and their streams, written with binary COPY as Marten would have appended them; the sequence set past them.</summary>
    private static async Task CopyAsync(DocumentStore store, NpgsqlDataSource dataSource, List<GeneratedEvent> events)
    {
        var schema = WhistleSchema.Name;
        var graph = ((Marten.Events.EventGraph)store.Options.Events);
        var serializer = store.Options.Serializer();
        var next = await Scalar<long>(dataSource, $"select coalesce(max(seq_id), 0) from {schema}.mt_events") + 1;
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            $"copy {schema}.mt_streams (id, type, version, timestamp, created, tenant_id, is_archived) from stdin (format binary)"))
        {
            foreach (var stream in events.GroupBy(e => e.StreamId))
            {
                var first = stream.First();
                var last = stream.Last();
                await writer.StartRowAsync();
                await writer.WriteAsync(stream.Key, NpgsqlDbType.Uuid);
                await writer.WriteAsync(graph.AggregateAliasFor(first.StreamType), NpgsqlDbType.Varchar);
                await writer.WriteAsync(last.Version, NpgsqlDbType.Bigint);
                await writer.WriteAsync(last.At.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(first.At.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(County, NpgsqlDbType.Varchar);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
            }
            await writer.CompleteAsync();
        }
        await using (var writer = await connection.BeginBinaryImportAsync(
            $"copy {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived, correlation_id, causation_id, headers, user_name) from stdin (format binary)"))
        {
            var seq = next;
            writer.Timeout = TimeSpan.Zero;
            foreach (var e in events)
            {
                var mapping = graph.EventMappingFor(e.Data.GetType());
                await writer.StartRowAsync();
                await writer.WriteAsync(seq++, NpgsqlDbType.Bigint);
                await writer.WriteAsync(Guid.CreateVersion7(e.At), NpgsqlDbType.Uuid);
                await writer.WriteAsync(e.StreamId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(e.Version, NpgsqlDbType.Bigint);
                await writer.WriteAsync(serializer.ToJson(e.Data), NpgsqlDbType.Jsonb);
                await writer.WriteAsync(mapping.EventTypeName, NpgsqlDbType.Varchar);
                await writer.WriteAsync(e.At.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(County, NpgsqlDbType.Varchar);
                await writer.WriteAsync(mapping.DotNetTypeName, NpgsqlDbType.Varchar);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                var command = e.Command.ToString();
                await writer.WriteAsync(command, NpgsqlDbType.Varchar);
                await writer.WriteAsync(command, NpgsqlDbType.Varchar);
                await writer.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["role"] = e.Role, ["county"] = County, ["command-id"] = command }), NpgsqlDbType.Jsonb);
                await writer.WriteAsync(e.UserId, NpgsqlDbType.Varchar);
            }
            await writer.CompleteAsync();
        }
        // The relay of notices and the async projections start past the year (the projections are rebuilt next).
        var shards = store.Options.Projections.All.Where(p => p.Lifecycle == JasperFx.Events.Projections.ProjectionLifecycle.Async)
            .Select(p => p.Name + ":All").Append(NotificationsShard).ToList();
        foreach (var shard in shards)
        {
            await using var progress = new NpgsqlCommand(
                $"insert into {schema}.mt_event_progression (name, last_seq_id) values ($1, (select max(seq_id) from {schema}.mt_events)) " +
                "on conflict (name) do update set last_seq_id = excluded.last_seq_id", connection, transaction);
            progress.Parameters.Add(new NpgsqlParameter { Value = shard });
            await progress.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        await Exec(dataSource, $"select setval('{schema}.mt_events_sequence', (select max(seq_id) from {schema}.mt_events))");
    }

    // ---- rebuild -----------------------------------------------------------------------------------------------------

    /// <summary>Every projection rebuilt through the daemon this node runs, one after another: Whistle's own rebuild service.</summary>
    private static async Task<IReadOnlyList<RebuiltProjection>> RebuildAllAsync(WebApplication app)
    {
        var rebuilds = app.Services.GetRequiredService<ProjectionRebuilds>();
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await store.Advanced.AdvanceHighWaterMarkToLatestAsync(CancellationToken.None);
        var result = new List<RebuiltProjection>();
        foreach (var entry in rebuilds.Catalogue().Entries)
        {
            var one = await rebuilds.RebuildAsync([entry], CancellationToken.None);
            Say($"  {entry.Name} ({entry.Lifecycle}): {one[0].Seconds:F1} s, {one[0].DocumentsWritten:N0} documents");
            result.AddRange(one);
        }
        return result;
    }

    private static async Task<int> RebuildBenchAsync(WebApplication app, string connection, bool rawOnly)
    {
        var dataSource = NpgsqlDataSource.Create(Unbounded(connection));
        var schema = WhistleSchema.Name;
        var events = await Scalar<long>(dataSource, $"select count(*) from {schema}.mt_events");
        if (events == 0) { Say("The database holds no events: load the county first (ops/bench/million/run)."); return 1; }

        Say($"Raw read of {events:N0} events (Npgsql + System.Text.Json)…");
        var store = (DocumentStore)app.Services.GetRequiredService<IDocumentStore>();
        await RawReadAsync(store, dataSource, 20_000);   // warm-up: the JIT, the serializer's metadata, the connection
        var raw = await RawReadAsync(store, dataSource);
        Say($"  {raw.Seconds:F1} s, {raw.Events / raw.Seconds:N0} events/s");
        if (rawOnly)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw read: {raw.Events} events in {raw.Seconds:F1} s, {raw.Events / raw.Seconds:F0} events/s"));
            return 0;
        }

        Say("Rebuilding every projection through the daemon…");
        var clock = Stopwatch.StartNew();
        var rebuilt = await RebuildAllAsync(app);
        var total = clock.Elapsed.TotalSeconds;
        var rawRate = raw.Events / raw.Seconds;
        var rebuildRate = events / total;

        Console.WriteLine("### Projection rebuild over the million events (issue 17, benchmark 3)\n");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{events:N0} events in `mt_events`. Each projection rebuilt by Marten's daemon (Whistle's `ProjectionRebuilds`, as `POST /api/admin/projections/rebuild` runs it), one after another; the raw read: every row's `type` and `data` read with Npgsql, each `data` deserialized into its .NET type with System.Text.Json (camelCase names, enums as strings, as the store writes them).\n"));
        Console.WriteLine("| | seconds | events read | documents | events/s |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var r in rebuilt)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Name} ({r.Lifecycle}) | {r.Seconds:F1} | {r.EventsRead:N0} | {r.DocumentsWritten:N0} | {(r.Seconds > 0 ? r.EventsRead / r.Seconds : 0):N0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **every projection** | **{total:F1}** | {events:N0} | | **{rebuildRate:N0}** |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| raw read (Npgsql + System.Text.Json) | {raw.Seconds:F1} | {raw.Events:N0} | | {rawRate:N0} |"));
        var ratio = rebuildRate / rawRate;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\n| Target (issue 17) | Figure | |\n| --- | --- | --- |\n| Rebuild of every projection ≥ 0.25 × the raw read (events/s) | {ratio:F3} × | {(ratio >= 0.25 ? "met" : "not met")} |\n"));
        return 0;
    }

    private sealed record RawRead(long Events, double Seconds);

    private static async Task<RawRead> RawReadAsync(DocumentStore store, NpgsqlDataSource dataSource, int? limit = null)
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        var types = new Dictionary<string, Type>();
        await using (var command = dataSource.CreateCommand($"select distinct type, mt_dotnet_type from {WhistleSchema.Name}.mt_events"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                types[name] = Type.GetType(reader.GetString(1))
                    ?? throw new InvalidOperationException($"No .NET type for event type {name}.");
            }
        var clock = Stopwatch.StartNew();
        long count = 0;
        await using (var command = dataSource.CreateCommand($"select type, data from {WhistleSchema.Name}.mt_events order by seq_id{(limit is { } n ? $" limit {n}" : "")}"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
            {
                var data = JsonSerializer.Deserialize(reader.GetString(1), types[reader.GetString(0)], json);
                if (data is not null) count++;
            }
        return new RawRead(count, clock.Elapsed.TotalSeconds);
    }

    // ---- SQL ---------------------------------------------------------------------------------------------------------

    private static async Task Exec(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>A PEM file holding the public half of an RSA key made for this run (the private half is dropped).</summary>
    private static string ThrowawayPublicKey()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var path = Path.Combine(Path.GetTempPath(), $"whistle-bench-{Environment.ProcessId}.pem");
        File.WriteAllText(path, rsa.ExportSubjectPublicKeyInfoPem());
        return path;
    }
}
