using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Alba;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.Hosting;
using Whistle.Kernel;
using Wolverine;

namespace Whistle.IntegrationTests.Faults;

/// <summary>
/// PostgreSQL fails under a Whistle host that keeps running (issue 14, item 3): on a private cluster of the drill's own,
/// while a client lodges complaints at a fixed rate, each with its own <c>Idempotency-Key</c>, and retries every
/// unanswered, 5xx or 503 one with the same key, the cluster is (1) restarted immediately, as after a
/// crash; (2) its backends are terminated every 100 ms for a window; (3) every commit fails: the events table is locked
/// while the database's <c>statement_timeout</c> is 500 ms, so each append waits on the lock and PostgreSQL cancels it
/// (57014). The host recovers by itself within 30 s of each fault's end (a command acknowledged, readiness healthy),
/// answers 503 with Retry-After meanwhile (never 500), every acknowledged complaint exists once and none twice, and a
/// deadline scheduled before the faults fires once after them.
/// </summary>
public sealed class PostgresFaultsDrill
{
    private const string Database = "whistle_drill";
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task whistle_recovers_from_postgresql_faults_mid_load_within_30_seconds_losing_and_duplicating_nothing()
    {
        var rate = Drill.Size(10, 25);
        var window = Drill.Span(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10));
        await using var cluster = await PrivateCluster.StartAsync();
        var connectionString = await cluster.DatabaseAsync(Database);
        var clock = new ShiftedClock();
        await using var host = await StartHost(connectionString, clock);
        using var client = host.Server.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(120);   // the first command compiles its handler: slow on a busy machine
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(Tokens.Community));
        var report = new List<string> { $"Private cluster on port {cluster.Port}; {rate} commands/s; fault windows {window.TotalSeconds:0} s" };

        var deadline = await LodgeEmergencyDueIn(client, clock, TimeSpan.FromSeconds(4));
        using var load = new Load(client, rate);
        var sending = load.RunAsync();
        await load.UntilAcknowledged(Drill.Size(20, 100));

        await Fault(report, "immediate restart (pg_ctl restart -m immediate)", client, load, cluster.RestartImmediatelyAsync);
        await Fault(report, "terminated backends (pg_terminate_backend every 100 ms)", client, load, () => TerminateStorm(cluster, window));
        var waiting = 0;
        await Fault(report, "commits cancelled (mt_events locked, statement_timeout 500 ms)", client, load,
            async () => waiting = await CommitsTimeOut(cluster, window));
        report.Add($"  appends seen waiting on the lock at once (most): {waiting}");

        await load.UntilAcknowledged(load.Acknowledged + Drill.Size(10, 50));
        load.Stop();
        await sending;

        var lodged = await LodgedByCommand(host);
        var commands = load.Commands.ToList();
        var acknowledged = commands.Where(c => c.Answer is not null).ToList();
        var lost = acknowledged.Count(c => !lodged.TryGetValue(c.Key, out var streams) || !streams.Contains(c.Answer!.Id));
        var duplicated = lodged.Count(l => l.Value.Count > 1);
        var overdue = await OverdueOf(host, deadline.Id);
        var fired = overdue.Count > 0 ? overdue[0].Timestamp : (DateTimeOffset?)null;
        report.AddRange([
            $"Commands sent {commands.Count}, acknowledged {acknowledged.Count} (after a retry {acknowledged.Count(c => c.Attempts > 1)}), "
                + $"found {commands.Count(c => lodged.ContainsKey(c.Key))}, lost {lost}, duplicated {duplicated}",
            $"Attempts {commands.Sum(c => c.Attempts)}: 503 {commands.Sum(c => c.Unavailable)} (of which 'service busy' {commands.Sum(c => c.Busy)}), unanswered {commands.Sum(c => c.Unanswered)}, "
                + $"409 on the key {commands.Sum(c => c.KeyConflicts)}, 500 {commands.Sum(c => c.Failed)}, other refusals {commands.Count(c => c.Refused is not null)}",
            $"Unanswered at the end: {commands.Count(c => c.Answer is null)}",
            $"Deadline due {deadline.DueAt:HH:mm:ss.fff} fired {overdue.Count} time(s), at {fired:HH:mm:ss.fff} "
                + $"({(fired - deadline.DueAt)?.TotalSeconds:0.0} s after its due time)",
        ]);
        Drill.Report("postgres-faults", report);

        commands.Sum(c => c.Failed).ShouldBe(0, "a database fault is a 503, never a 500");
        commands.Sum(c => c.Unavailable + c.Unanswered).ShouldBeGreaterThan(0, "the faults reached the client");
        commands.Where(c => c.Refused is not null).Select(c => c.Refused).ShouldBeEmpty();
        load.BadUnavailableAnswers.ShouldBeEmpty();
        lost.ShouldBe(0);
        duplicated.ShouldBe(0);
        commands.Count(c => c.Answer is null).ShouldBe(0, "every command is acknowledged in the end");
        overdue.Count.ShouldBe(1);
    }

    /// <summary>Runs a fault, then measures from its end to the first command acknowledged and to readiness healthy.</summary>
    private static async Task Fault(List<string> report, string name, HttpClient client, Load load, Func<Task> fault)
    {
        var started = Stopwatch.GetTimestamp();
        await fault();
        var ended = DateTimeOffset.UtcNow;
        var faultTook = Stopwatch.GetElapsedTime(started);
        TimeSpan? ready = null, served = null;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Recovery && (ready is null || served is null))
        {
            if (ready is null && (await Ready(client))) ready = clock.Elapsed;
            if (served is null && load.FirstAcknowledgedAfter(ended) is { } first) served = first - ended;
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        report.Add($"Fault: {name}, {faultTook.TotalSeconds:0.0} s; from its end to a command acknowledged "
            + $"{served?.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "never"} s, to ready "
            + $"{ready?.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "never"} s");
        if (served is null || ready is null)
            Drill.Report("postgres-faults", [.. report, $"  not recovered: {load.Commands.Count} commands sent, {load.Acknowledged} acknowledged so far"]);
        served.ShouldNotBeNull($"a command is acknowledged within {Recovery.TotalSeconds} s of the end of: {name}");
        ready.ShouldNotBeNull($"ready again within {Recovery.TotalSeconds} s of the end of: {name}");
    }

    private static async Task<bool> Ready(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("/health/ready");
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or NpgsqlException)
        {
            return false;
        }
    }

    private static async Task TerminateStorm(PrivateCluster cluster, TimeSpan window)
    {
        await using var connection = await cluster.OpenAsync("postgres");
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        var until = Stopwatch.StartNew();
        while (until.Elapsed < window && await timer.WaitForNextTickAsync())
            await Terminate(connection);
    }

    private static async Task Terminate(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", connection)
        {
            Parameters = { new() { Value = Database } },
        };
        await command.ExecuteScalarAsync();
    }

    /// <summary>
    /// Makes every commit fail for the window: new sessions get a 500 ms statement timeout (the pool's sessions are
    /// terminated so they reconnect with it), and the events table is locked so that each append waits and is cancelled.
    /// Reads go on. Returns the most appends seen waiting on the lock at one moment.
    /// </summary>
    private static async Task<int> CommitsTimeOut(PrivateCluster cluster, TimeSpan window)
    {
        await using var admin = await cluster.OpenAsync("postgres");
        await Execute(admin, $"alter database {Database} set statement_timeout = '500ms'");
        await Terminate(admin);
        var most = 0;
        await using (var holder = await cluster.OpenAsync(Database))
        {
            await using var transaction = await holder.BeginTransactionAsync();
            await Execute(holder, "set local statement_timeout = 0");
            await Execute(holder, $"lock table {WhistleSchema.Name}.mt_events in exclusive mode");
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            var until = Stopwatch.StartNew();
            while (until.Elapsed < window && await timer.WaitForNextTickAsync())
            {
                await using var waiting = new NpgsqlCommand(
                    "select count(*) from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'", admin)
                {
                    Parameters = { new() { Value = Database } },
                };
                most = Math.Max(most, Convert.ToInt32(await waiting.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
            }
            await transaction.RollbackAsync();
        }
        await Execute(admin, $"alter database {Database} reset statement_timeout");
        await Terminate(admin);
        return most;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>An emergency complaint (accepted within the hour) lodged with the business clock set so that it falls due <paramref name="lead"/> from now.</summary>
    private static async Task<(Guid Id, DateTimeOffset DueAt)> LodgeEmergencyDueIn(HttpClient client, ShiftedClock clock, TimeSpan lead)
    {
        clock.Shift = lead - TimeSpan.FromHours(1);
        var dueAt = DateTimeOffset.UtcNow + lead;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
        {
            Content = JsonContent.Create(new LodgeComplaint(ComplaintChannel.Hotline, "utilities", "CP010101",
                new ComplainantInput("张三", "13812345678", null), "整栋楼停水", ComplaintUrgency.Emergency), options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(Tokens.Clerk));
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var lodged = (await response.Content.ReadFromJsonAsync<LodgedComplaint>(Json))!;
        clock.Shift = TimeSpan.Zero;   // business time then passes with the wall clock's
        return (lodged.Id, dueAt);
    }

    /// <summary>The complaints lodged, by the command id (Idempotency-Key) their events carry as causation id.</summary>
    private static async Task<Dictionary<string, List<Guid>>> LodgedByCommand(IAlbaHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession(AppFixture.County);
        var events = await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "complaint_lodged").ToListAsync();
        return events.Where(e => e.CausationId != null && e.CausationId.StartsWith(Load.KeyPrefix, StringComparison.Ordinal))
            .GroupBy(e => e.CausationId!).ToDictionary(g => g.Key, g => g.Select(e => e.StreamId).ToList());
    }

    /// <summary>Waits (bounded, polling the store) for the complaint's overdue event; returns what there is then.</summary>
    private static async Task<IReadOnlyList<JasperFx.Events.IEvent>> OverdueOf(IAlbaHost host, Guid complaint)
    {
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using var session = store.QuerySession(AppFixture.County);
            var overdue = (await session.Events.FetchStreamAsync(complaint)).Where(e => e.Data is ComplaintOverdue).ToList();
            if (overdue.Count > 0 || waited.Elapsed > Recovery) return overdue;
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static Task<IAlbaHost> StartHost(string connectionString, TimeProvider clock) =>
        AlbaHost.For<Program>(x => x.ConfigureServices(services =>
        {
            services.AddSingleton(clock);
            services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            services.ConfigureMarten(opts => opts.Connection(connectionString));
            services.ConfigureWolverine(opts =>
            {
                opts.Durability.Mode = DurabilityMode.Solo;
                opts.Durability.ScheduledJobFirstExecution = TimeSpan.Zero;
                opts.Durability.ScheduledJobPollingTime = TimeSpan.FromMilliseconds(500);
            });
            services.DisableAllExternalWolverineTransports();
        }));

    /// <summary>The wall clock, shifted: the drill sets a deadline to fall a few seconds from now, then lets business time run with real time.</summary>
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Shift { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
    }

    private sealed class Command(int index)
    {
        public string Key { get; } = $"{Load.KeyPrefix}{index:D5}";
        public int Index { get; } = index;
        public LodgedComplaint? Answer { get; set; }
        public DateTimeOffset? AcknowledgedAt { get; set; }
        public int Attempts { get; set; }
        public int Busy { get; set; }
        public int Unavailable { get; set; }
        public int Unanswered { get; set; }
        public int KeyConflicts { get; set; }
        public int Failed { get; set; }
        public string? Refused { get; set; }
    }

    /// <summary>
    /// The client: a command every 1/rate s, each retried with its own key, with jittered exponential backoff, on no answer or 5xx, until it
    /// is answered or its bound runs out. The key's answer commits with the command's events, so a retry after a commit
    /// gets the first answer and one after a rollback runs the command; a 409 on the key is not expected, but is
    /// counted and retried if seen.
    /// </summary>
    private sealed class Load(HttpClient client, int rate) : IDisposable
    {
        public const string KeyPrefix = "drill-pg-";
        /// <summary>
        /// The longest wait between two tries (with jitter around it). Found by the drill: with every waiting command
        /// retried every 2 s, the retries alone kept all 100 of the pool's connections busy after the faults ended (each
        /// attempt waiting its 5 s for a connection, then Wolverine's refusal path asking the pool for another to read the
        /// key's claim), and no command got through for minutes. A client backing off to 10 s lets the host recover.
        /// </summary>
        private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);
        /// <summary>How long a command is retried: past all three faults one after another (an attempt may wait 15 s for a connection).</summary>
        private static readonly TimeSpan Bound = Drill.Span(TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(180));
        private readonly ConcurrentBag<Task> running = [];
        private readonly CancellationTokenSource stop = new();

        public ConcurrentQueue<Command> Commands { get; } = new();
        public ConcurrentQueue<string> BadUnavailableAnswers { get; } = new();
        public int Acknowledged => Commands.Count(c => c.Answer is not null);

        public async Task RunAsync()
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / rate));
            var index = 0;
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    var command = new Command(index++);
                    Commands.Enqueue(command);
                    running.Add(SendAsync(command));
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped: the commands already sent are still retried to their end.
            }
            await Task.WhenAll(running);
        }

        public void Stop() => stop.Cancel();

        public void Dispose() => stop.Dispose();

        public async Task UntilAcknowledged(int count)
        {
            var waited = Stopwatch.StartNew();
            while (Acknowledged < count)
            {
                waited.Elapsed.ShouldBeLessThan(Recovery * 2, $"{count} commands acknowledged");
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }

        public DateTimeOffset? FirstAcknowledgedAfter(DateTimeOffset moment) =>
            Commands.Select(c => c.AcknowledgedAt).Where(a => a > moment).Min();

        private async Task SendAsync(Command command)
        {
            var body = new LodgeComplaint(ComplaintChannel.Hotline, "illegal-parking", "CP010101",
                new ComplainantInput("张三", "13812345678", null), $"消防通道被占 drill {command.Index}");
            var until = Stopwatch.StartNew();
            for (var backoff = TimeSpan.FromMilliseconds(200); ; backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, MaxBackoff.TotalMilliseconds)))
            {
                command.Attempts++;
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints") { Content = JsonContent.Create(body, options: Json) };
                    request.Headers.Add(Idempotency.Header, command.Key);
                    using var response = await client.SendAsync(request);
                    if (await Settle(command, response)) return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or NpgsqlException or IOException)
                {
                    command.Unanswered++;
                }
                if (until.Elapsed > Bound) return;
                await Task.Delay(backoff * (0.5 + Random.Shared.NextDouble()));   // jittered, so the retries do not come back in step
            }
        }

        /// <summary>True when the command has its final answer.</summary>
        private async Task<bool> Settle(Command command, HttpResponseMessage response)
        {
            switch ((int)response.StatusCode)
            {
                case 201:
                    command.Answer = await response.Content.ReadFromJsonAsync<LodgedComplaint>(Json);
                    command.AcknowledgedAt = DateTimeOffset.UtcNow;
                    return true;
                case 503:
                    command.Unavailable++;
                    // Either the database was out of reach, or the service admitted no more requests at once (Admission).
                    var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Json);
                    var wait = response.Headers.RetryAfter?.Delta;
                    if (problem?.Title == "服务繁忙 Service busy" && wait == TimeSpan.FromSeconds(Admission.RetryAfterSeconds)) command.Busy++;
                    else if (problem?.Title != "数据库暂时不可用 Database unavailable" || wait != TimeSpan.FromSeconds(Errors.RetryAfterSeconds))
                        BadUnavailableAnswers.Enqueue($"{command.Key}: Retry-After {response.Headers.RetryAfter}, {problem?.Title}");
                    return false;
                case 409 when await response.Content.ReadAsStringAsync() is var conflict && conflict.Contains("\"Idempotency-Key\"", StringComparison.Ordinal):
                    command.KeyConflicts++;
                    return false;
                case >= 500:
                    command.Failed++;
                    return false;
                default:
                    command.Refused = $"{command.Key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                    return true;
            }
        }
    }
}
