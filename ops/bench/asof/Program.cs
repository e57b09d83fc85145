using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten;
using Npgsql;
using Whistle.Complaints;
using Whistle.History.TimeTravel;
using Whistle.Hosting;
using Whistle.Kernel;
using Wolverine;

namespace Whistle.Bench.AsOf;

/// <summary>
/// The as-of benchmark (issue 13): a complaint of 1,000 events, read as of a moment through the history's service
/// method (CaseTimeTravel.LoadAsync: the stream read once, folded through the registered projection, the directory's
/// names as of then) against the floor: the same rows read with Npgsql, each deserialized into its type with
/// System.Text.Json and applied to ComplaintDetails through the projection's own Create/Apply. Prints both and the ratio.
/// </summary>
public static class AsOfBench
{
    public static async Task<int> Main(string[] args)
    {
        var connection = args.Length > 0 ? args[0] : throw new ArgumentException("usage: AsOfBench <connection string> [events] [rounds]");
        var events = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30;
        const string County = "bench";

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Whistle"] = connection,
            ["Whistle:SampleCounty"] = "samples/county/county.json",
            ["Whistle:Durability"] = nameof(DurabilityMode.Solo),
            ["Whistle:Auth:Authority"] = "",
            // Production takes no symmetric key: a public key of this run's own (the benchmark sends no tokens).
            ["Whistle:Auth:PublicKeyPath"] = ThrowawayPublicKey(),
            ["Whistle:Privacy:KeyEncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Whistle:Auth:Issuer"] = "whistle-bench",
            ["Whistle:Auth:Audience"] = "whistle-bench",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddWhistle();
        await using var app = builder.Build();
        app.UseWhistle();
        await app.StartAsync();
        var store = app.Services.GetRequiredService<IDocumentStore>();

        var id = Guid.CreateVersion7();
        var clerk = new Actor("bench", "基准", Roles.Clerk);
        var start = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
        await using (var session = store.LightweightSession(County))
        {
            session.Events.StartStream<Complaint>(id, new ComplaintLodged(id, "TS-BENCH-" + id.ToString("N")[..6], ComplaintChannel.Hotline,
                "illegal-parking", "CP010101", "CM0101", "SD01", new Complainant("张三", "13812345678", "东关花园3号楼"), "基准投诉", clerk, start));
            await session.SaveChangesAsync();
        }
        for (var written = 1; written < events;)
        {
            await using var session = store.LightweightSession(County);
            for (var i = 0; i < 100 && written < events; i++, written++)
                session.Events.Append(id, new ComplaintNoteAdded(id, Guid.NewGuid(), NoteVisibility.Internal, $"第 {written} 条备注", clerk, start.AddMinutes(written)));
            await session.SaveChangesAsync();
        }

        var asOf = TimePoint.Moment(start.AddMinutes(events));
        var scope = new Scope("bench", Roles.Admin, null, null, null);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var dataSource = NpgsqlDataSource.Create(connection);

        async Task<long> ThroughHistory()
        {
            await using var session = store.QuerySession(County);
            var result = await CaseTimeTravel.LoadAsync(session, id, asOf, scope, CancellationToken.None);
            return result.View!.Version;
        }

        // Where the time goes: Marten's read of the stream alone, without the fold.
        async Task<long> MartenReadOnly()
        {
            await using var session = store.QuerySession(County);
            return (await session.Events.FetchStreamAsync(id))[^1].Version;
        }

        async Task<long> MartenReadAndFold()
        {
            await using var session = store.QuerySession(County);
            var all = await session.Events.FetchStreamAsync(id);
            return (await CaseTimeTravel.FoldAsync<ComplaintDetails>(session, all, CancellationToken.None)).Version;
        }

        // Where the rest goes: the directory's names as of the moment, alone.
        async Task<long> NamesOnly()
        {
            await using var session = store.QuerySession(County);
            var names = await NamesAsOf.LoadAsync(session, "CP010101", "CM0101", "SD01", asOf.At!.Value, CancellationToken.None);
            return names.Compound is null ? -1 : events;
        }

        var steps = new double[5];
        async Task<long> Steps()
        {
            var w = Stopwatch.StartNew();
            await using var session = store.QuerySession(County);
            var all = await StreamRead.FetchAsync(session, id, CancellationToken.None);
            steps[0] += w.Elapsed.TotalMilliseconds; w.Restart();
            await CaseTimeTravel.FoldAsync<ComplaintDetails>(session, all.Take(1).ToList(), CancellationToken.None);
            steps[1] += w.Elapsed.TotalMilliseconds; w.Restart();
            var v = asOf.VersionIn(all);
            steps[2] += w.Elapsed.TotalMilliseconds; w.Restart();
            var d = await CaseTimeTravel.FoldAsync<ComplaintDetails>(session, TimePoint.UpTo(all, v), CancellationToken.None);
            steps[3] += w.Elapsed.TotalMilliseconds; w.Restart();
            await NamesAsOf.LoadAsync(session, "CP010101", "CM0101", "SD01", asOf.At!.Value, CancellationToken.None);
            steps[4] += w.Elapsed.TotalMilliseconds;
            return d.Version;
        }

        async Task<long> ThroughNpgsql()
        {
            await using var command = dataSource.CreateCommand(
                $"select type, data, version from {WhistleSchema.Name}.mt_events where stream_id = $1 and tenant_id = $2 order by version");
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            command.Parameters.Add(new NpgsqlParameter { Value = County });
            await using var reader = await command.ExecuteReaderAsync();
            ComplaintDetails? details = null;
            while (await reader.ReadAsync())
            {
                var version = reader.GetInt64(2);
                switch (reader.GetString(0))
                {
                    case "complaint_lodged":
                        details = ComplaintDetailsProjection.Create(
                            new Event<ComplaintLodged>(JsonSerializer.Deserialize<ComplaintLodged>(reader.GetString(1), json)!) { Version = version });
                        break;
                    case "complaint_note_added":
                        ComplaintDetailsProjection.Apply(
                            new Event<ComplaintNoteAdded>(JsonSerializer.Deserialize<ComplaintNoteAdded>(reader.GetString(1), json)!) { Version = version }, details!);
                        break;
                    default:
                        throw new InvalidOperationException("The benchmark's stream holds only lodging and notes.");
                }
            }
            return details!.Version;
        }

        static async Task<double> MedianMs(Func<Task<long>> run, long expected, int rounds)
        {
            for (var i = 0; i < 3; i++) await run();   // warm-up: connections, JIT, Marten's aggregator cache
            var times = new List<double>();
            for (var i = 0; i < rounds; i++)
            {
                var watch = Stopwatch.StartNew();
                var version = await run();
                times.Add(watch.Elapsed.TotalMilliseconds);
                if (version != expected) throw new InvalidOperationException($"Folded to version {version}, expected {expected}.");
            }
            times.Sort();
            return times[times.Count / 2];
        }

        // Alternated so that neither side runs on a warmer machine than the other.
        var history = new List<double>();
        var floor = new List<double>();
        var read = new List<double>();
        var fold = new List<double>();
        var names = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            history.Add(await MedianMs(ThroughHistory, events, rounds));
            floor.Add(await MedianMs(ThroughNpgsql, events, rounds));
            read.Add(await MedianMs(MartenReadOnly, events, rounds));
            fold.Add(await MedianMs(MartenReadAndFold, events, rounds));
            names.Add(await MedianMs(NamesOnly, events, rounds));
        }
        // The ratio: the two interleaved round by round (each round runs both, in alternating order), so that neither
        // meets a busier machine or a later garbage collection than the other; the medians of the rounds.
        async Task<double> Once(Func<Task<long>> run)
        {
            var watch = Stopwatch.StartNew();
            if (await run() != events) throw new InvalidOperationException("Folded to the wrong version.");
            return watch.Elapsed.TotalMilliseconds;
        }
        var paired = (History: new List<double>(), Floor: new List<double>());
        for (var i = 0; i < rounds * 3; i++)
        {
            if (i % 2 == 0) { paired.History.Add(await Once(ThroughHistory)); paired.Floor.Add(await Once(ThroughNpgsql)); }
            else { paired.Floor.Add(await Once(ThroughNpgsql)); paired.History.Add(await Once(ThroughHistory)); }
        }
        paired.History.Sort();
        paired.Floor.Sort();
        var (h, f) = (paired.History[paired.History.Count / 2], paired.Floor[paired.Floor.Count / 2]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"complaint of {events} events; as-of and floor: medians of {rounds * 3} interleaved rounds (the best of 3 series of {rounds} beside them); the rest: best of 3 series"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  as of a moment (CaseTimeTravel.LoadAsync): {h,8:F2} ms  (series: {history.Min():F2})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Npgsql rows + System.Text.Json fold:       {f,8:F2} ms  (series: {floor.Min():F2})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Marten's FetchStreamAsync alone:            {read.Min(),8:F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Marten's read and the projection's fold:    {fold.Min(),8:F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  the directory's names as of the moment:     {names.Min(),8:F2} ms"));
        var stepped = await MedianMs(Steps, events, rounds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  the same steps one by one (median):         {stepped,8:F2} ms"));
        Console.WriteLine("  of which, total ms over the rounds (read, first fold, version, fold, names): "
            + string.Join(", ", steps.Select(x => x.ToString("F1", CultureInfo.InvariantCulture))));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio {h / f:F2} (target ≤ 1.5)"));
        await app.StopAsync();
        return 0;
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
