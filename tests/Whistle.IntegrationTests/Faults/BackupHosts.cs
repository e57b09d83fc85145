using System.Collections.Concurrent;
using System.Diagnostics;
using System.Formats.Tar;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Whistle.Complaints;
using Whistle.Whistles;
using Wolverine;

namespace Whistle.IntegrationTests.Faults;

/// <summary>What <see cref="BackupRestoreDrill"/> does to a host, a database and the ops scripts.</summary>
internal static class BackupHosts
{
    public static Task<IAlbaHost> StartAsync(string connectionString, TimeProvider clock) =>
        AlbaHost.For<Program>(x => x.ConfigureServices(services =>
        {
            services.AddSingleton(clock);
            services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            services.ConfigureMarten(opts => opts.Connection(connectionString));
            services.ConfigureWolverine(opts =>
            {
                opts.Durability.Mode = DurabilityMode.Solo;
                opts.Durability.ScheduledJobFirstExecution = TimeSpan.Zero;
                opts.Durability.ScheduledJobPollingTime = TimeSpan.FromMilliseconds(250);
            });
            services.DisableAllExternalWolverineTransports();
        }));

    public static async Task<List<Guid>> InParallel(int count, Func<int, Task<Guid>> make)
    {
        var made = new Guid[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) => made[i] = await make(i));
        return [.. made];
    }

    /// <summary>Lodges a complaint as the clerk, with an idempotency key when one is given, and returns its id.</summary>
    public static async Task<Guid> Lodge(IAlbaHost host, string? idempotencyKey)
    {
        var lodged = await Send(host, Tokens.Clerk, x =>
        {
            if (idempotencyKey is not null) x.WithRequestHeader("Idempotency-Key", idempotencyKey);
            x.Post.Json(new LodgeComplaint(ComplaintChannel.Hotline, "illegal-parking", "CP010101",
                new ComplainantInput("张三", "13812345678", null), "消防通道被占"), JsonStyle.MinimalApi).ToUrl("/api/complaints");
        }, 201);
        return (await lodged.ReadAsJsonAsync<LodgedComplaint>())!.Id;
    }

    /// <summary>The community accepts the complaint and blows a whistle on it: the whistle's deadlines are scheduled.</summary>
    public static async Task<Guid> AcceptAndBlow(IAlbaHost host, Guid complaint)
    {
        await Send(host, Tokens.Community, x => x.Post.Json(new { }, JsonStyle.MinimalApi).ToUrl($"/api/complaints/{complaint}/accept"));
        var blown = await Send(host, Tokens.Community, x => x.Post.Json(
            new BlowWhistle("请公安到场", Lead: "gongan", CoHandling: [], DepartureReason: "城管已在现场"), JsonStyle.MinimalApi)
            .ToUrl($"/api/complaints/{complaint}/whistle"), 201);
        return (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
    }

    public static async Task<string> Get(IAlbaHost host, string url) =>
        await (await Send(host, Tokens.Admin, x => x.Get.Url(url))).ReadAsTextAsync();

    /// <summary>A stream's events as "type data" lines, in order: what a restored copy must show event for event.</summary>
    public static async Task<IReadOnlyList<string>> EventsOf(IAlbaHost host, Guid stream)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession(AppFixture.County);
        return [.. (await session.Events.FetchStreamAsync(stream))
            .Select(e => $"{e.EventTypeName} {e.Version} {e.Id} {System.Text.Json.JsonSerializer.Serialize(e.Data, e.Data.GetType())}")];
    }

    public static async Task<long> Count(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<List<Guid>> ScheduledEnvelopeIds(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select id from whistle.wolverine_incoming_envelopes where status = 'Scheduled'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    /// <summary>The earliest pending whistle deadline of the copy is made due by the wall clock, which schedules it.</summary>
    public static async Task MakeOneWhistleDeadlineDue(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            update whistle.wolverine_incoming_envelopes set execution_time = now()
             where id = (select id from whistle.wolverine_incoming_envelopes
                          where status = 'Scheduled' and message_type like '%WhistleDeadlineReached' order by execution_time limit 1)
            """, connection);
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    public static string PortOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The counts of the manifest inside a file ops/backup wrote (one "name value" line each).</summary>
    public static Dictionary<string, long> Manifest(string file)
    {
        using var tar = new TarReader(File.OpenRead(file));
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name != "manifest.txt") continue;
            using var text = new StreamReader(entry.DataStream!);
            return text.ReadToEnd().Split('\n').Select(l => l.Split(' '))
                .Where(p => p.Length == 2 && long.TryParse(p[1], out _))
                .ToDictionary(p => p[0], p => long.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        throw new InvalidDataException($"{file} holds no manifest.txt");
    }

    public static string Field(string output, string name) =>
        output.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal))?[(name.Length + 1)..] ?? "";

    public sealed record ScriptRun(int Exit, string Output, string Error);

    /// <summary>Runs one of the checkout's ops scripts to its end (bounded: two minutes).</summary>
    public static async Task<ScriptRun> Script(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Root, script));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(bound.Token);
        return new ScriptRun(process.ExitCode, await output, await error);
    }

    private static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Whistle.slnx"))) folder = folder.Parent;
            return folder?.FullName ?? throw new DirectoryNotFoundException("Whistle.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    private static Task<IScenarioResult> Send(IAlbaHost host, Tokens.User user, Action<Scenario> scenario, int status = 200) =>
        host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(user));
            scenario(x);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>A client lodging complaints one after another, each with its own idempotency key, until stopped.</summary>
    public sealed class Writer(IAlbaHost host) : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentQueue<Guid> _acknowledged = new();
        private readonly SemaphoreSlim _progress = new(0);

        public int Sent { get; private set; }
        public int Failed { get; private set; }
        public IReadOnlyCollection<Guid> AcknowledgedIds => [.. _acknowledged];

        public async Task RunAsync()
        {
            await Task.Yield();
            while (!_stop.IsCancellationRequested)
            {
                Sent++;
                try { _acknowledged.Enqueue(await Lodge(host, Guid.NewGuid().ToString("N"))); }
                catch (Exception) when (!_stop.IsCancellationRequested) { Failed++; }
                _progress.Release();
            }
        }

        /// <summary>Waits (bounded) until this many lodgings were acknowledged.</summary>
        public async Task Acknowledged(int count)
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (_acknowledged.Count < count) await _progress.WaitAsync(bound.Token);
        }

        public async Task StopAsync(Task running)
        {
            await _stop.CancelAsync();
            await running;
        }

        public void Dispose()
        {
            _stop.Dispose();
            _progress.Dispose();
        }
    }
}
