using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.Kernel;

namespace Whistle.IntegrationTests.Faults;

/// <summary>
/// A real Whistle process for the process-level drills: <c>dotnet Whistle.dll</c> built from this checkout, on a port
/// and a database of the drill's own, its output kept in a log file. <see cref="Kill"/> is SIGKILL on the dotnet
/// process itself (no shell in between), <see cref="StopAsync"/> a graceful SIGTERM.
/// </summary>
public sealed class WhistleProcess : IAsyncDisposable
{
    private readonly Process process;

    private WhistleProcess(Process process, int port, string log)
    {
        this.process = process;
        Port = port;
        Log = log;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }
    public Uri BaseAddress { get; }
    public string Log { get; }
    public int Id => process.Id;
    public bool HasExited => process.HasExited;

    /// <summary>When the process answered its readiness check, on the wall clock.</summary>
    public DateTimeOffset ReadyAt { get; private set; }

    /// <summary>From the start of the process to its first ready answer.</summary>
    public TimeSpan TimeToReady { get; private set; }

    /// <summary>A port free at this moment on the loopback interface.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The Whistle.dll built from this checkout (src/Whistle's own output, with its runtime configuration).</summary>
    public static string Assembly()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "Whistle.slnx"))) continue;
            var dll = Path.Combine(folder.FullName, "src", "Whistle", "bin", "Debug", "net10.0", "Whistle.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Whistle (Debug) first.", dll);
        }
        throw new DirectoryNotFoundException("No Whistle.slnx above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Starts the process with the tests' signing key, the sample county, Development settings and <paramref name="settings"/>
    /// (configuration keys with <c>__</c>), and waits for <c>/health/ready</c> to answer 200.
    /// </summary>
    public static async Task<WhistleProcess> StartAsync(
        string connectionString, int port, string name, IReadOnlyDictionary<string, string> settings, TimeSpan? readyWithin = null)
    {
        var dll = Assembly();
        var log = Path.Combine(Path.GetTempPath(), $"whistle-{name}-{DateTime.UtcNow:HHmmss}-{port}.log");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Whistle"] = connectionString;
        start.Environment["Whistle__Auth__SigningKey"] = AppFixture.SigningKey;
        start.Environment["Whistle__SampleCounty"] = "samples/county/county.json";
        start.Environment["Whistle__Durability"] = "Solo";
        // A drill's load is a few users from one address: not throttled by the per-user and per-address rates.
        start.Environment["Whistle__RateLimits__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) start.Environment[key] = value;

        var writer = new StreamWriter(log, append: true) { AutoFlush = true };
        var started = Stopwatch.StartNew();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine("ERR " + e.Data); };
        process.Exited += (_, _) => { lock (writer) writer.WriteLine($"-- exited {process.ExitCode}"); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var whistle = new WhistleProcess(process, port, log);
        using var http = new HttpClient { BaseAddress = whistle.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = started.Elapsed + (readyWithin ?? TimeSpan.FromSeconds(120));
        while (started.Elapsed < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"Whistle exited with {process.ExitCode} before it was ready; see {log}");
            try
            {
                using var ready = await http.GetAsync("health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    whistle.ReadyAt = DateTimeOffset.UtcNow;
                    whistle.TimeToReady = started.Elapsed;
                    await whistle.WarmUpAsync();
                    return whistle;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(TimeSpan.FromMilliseconds(200));   // polling for readiness, bounded by the deadline
        }
        whistle.Kill();
        throw new TimeoutException($"Whistle was not ready within {readyWithin ?? TimeSpan.FromSeconds(120)}; see {log}");
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing, as in a power cut of the host.</summary>
    public void Kill()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>SIGTERM, then waits for the host's graceful shutdown (killed if it takes longer than <paramref name="within"/>).</summary>
    public async Task StopAsync(TimeSpan? within = null)
    {
        if (process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { Kill(); }
    }

    /// <summary>How long the first two lodgings took to answer: Wolverine and Marten generate and compiles an endpoint's code on its first request.</summary>
    public TimeSpan TimeToWarm { get; private set; }

    /// <summary>The Idempotency-Key prefix of the warm-up lodgings, which the drills leave out of their counts.</summary>
    public const string WarmUpKey = "warm-up-";

    /// <summary>
    /// One invalid lodging (400, nothing stored) and one valid (its key starts <see cref="WarmUpKey"/>), so that the endpoint's code is generated before the drill's load: on
    /// this shared machine that first compilation has taken longer than a client's timeout.
    /// </summary>
    private async Task WarmUpAsync()
    {
        var clock = Stopwatch.StartNew();
        using var http = Client(Port);
        http.Timeout = TimeSpan.FromSeconds(180);
        using var invalid = await UntilNot5xxAsync(() => http.PostAsync("api/complaints", new StringContent("{}", Encoding.UTF8, "application/json")));
        if (invalid.StatusCode != HttpStatusCode.BadRequest)
            throw new InvalidOperationException($"The warm-up lodging answered {invalid.StatusCode}, not 400; see {Log}");
        var key = WarmUpKey + Guid.NewGuid().ToString("N");
        using var valid = await UntilNot5xxAsync(() => LodgeAsync(http, EmergencyComplaint("预热 Warm-up"), key));
        if (valid.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"The warm-up lodging answered {valid.StatusCode}, not 201; see {Log}");
        TimeToWarm = clock.Elapsed;
    }

    /// <summary>
    /// Sends again (the same key, for a lodging) while the answer is 5xx, for up to a minute: a process restarted under a
    /// drill's load meets every client's retries at once, and a request waiting past the connection pool's timeout answers 500.
    /// </summary>
    private static async Task<HttpResponseMessage> UntilNot5xxAsync(Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await send();
            if ((int)response.StatusCode < 500 || clock.Elapsed > TimeSpan.FromMinutes(1)) return response;
            response.Dispose();
            await Task.Delay(TimeSpan.FromMilliseconds(500));   // backing off from an overloaded process, bounded above
        }
    }

    /// <summary>An HTTP client for this port (it outlives a restart on the same port) with a clerk's token.</summary>
    public static HttpClient Client(int port)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(Tokens.Clerk));
        return http;
    }

    /// <summary>
    /// The body of an emergency complaint (to be accepted within an hour: one acceptance deadline, and its reminder), the
    /// same bytes on every retry of one command, as an idempotent retry must be.
    /// </summary>
    public static byte[] EmergencyComplaint(string description) => JsonSerializer.SerializeToUtf8Bytes(new LodgeComplaint(
        ComplaintChannel.Hotline, "utilities", "CP010101", new ComplainantInput("张三", "13812345678", null), description,
        ComplaintUrgency.Emergency), Json);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>POSTs a lodging with its Idempotency-Key, once.</summary>
    public static Task<HttpResponseMessage> LodgeAsync(HttpClient http, byte[] body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/complaints")
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json", Encoding.UTF8.WebName) } },
        };
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>What a drill reads back from the store after the fault: the events, as rows of <c>mt_events</c>.</summary>
public static class DrillEvents
{
    public sealed record Row(Guid StreamId, string Type, string? CausationId, DateTimeOffset StoredAt, JsonElement Data);

    /// <summary>Every event of these types in the drill's database (its own, so no other test's), but the warm-up's.</summary>
    public static async Task<IReadOnlyList<Row>> ReadAsync(string connectionString, params string[] types)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select stream_id, type, causation_id, timestamp, data::text from {WhistleSchema.Table("mt_events")} where type = any($1) order by seq_id",
            connection);
        command.Parameters.Add(new() { Value = types });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            if (!reader.IsDBNull(2) && reader.GetString(2).StartsWith(WhistleProcess.WarmUpKey, StringComparison.Ordinal)) continue;
            rows.Add(new Row(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), JsonDocument.Parse(reader.GetString(4)).RootElement.Clone()));
        }
        return rows;
    }

    public static DateTimeOffset Time(this Row row, string field) => row.Data.GetProperty(field).GetDateTimeOffset();

    public static TimeSpan Median(this IEnumerable<TimeSpan> spans)
    {
        var sorted = spans.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[sorted.Count / 2];
    }
}
