using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Whistle.Bench.Load;

/// <summary>
/// An HTTP load generator for the command benchmarks (issue 17).
/// <list type="bullet">
/// <item>Closed model (<c>--concurrency N</c>): N workers, each sending its next request when the last one answered, for
/// <c>--seconds D</c>.</item>
/// <item>Open model (<c>--rate R</c>): a request is started every 1/R s whatever the answers; each latency is measured from
/// the request's intended start, so a stalled server is not hidden by requests that were never sent (no coordinated
/// omission).</item>
/// </list>
/// Each request gets a fresh <c>Idempotency-Key</c>; <c>{{uuid}}</c> and <c>{{n}}</c> in the body are replaced per request.
/// With <c>--requests FILE</c> (lines "path TAB token") each request takes the next line, so each one addresses a
/// different case; the run ends early when the lines run out (reported as <c>exhausted</c>), or with <c>--cycle 1</c>
/// starts again at the first line. A line may also carry its
/// own method and body ("path TAB token TAB METHOD TAB body", an empty token meaning <c>--token</c>, no body after a
/// method meaning none), to mix reads and commands in one run.
/// <c>--url</c> takes one base URL or several separated by commas (<c>--url http://a,http://b</c>): the requests rotate
/// over them round-robin, request by request (several hosts behind one client).
/// Prints one line: <c>model=… requests=… seconds=… rps=… p50_ms=… p99_ms=… max_ms=… non2xx=… errors=…</c>.
/// A figure is valid only when non2xx and errors are 0.
/// </summary>
public static class LoadGenerator
{
    private const string Usage =
        "usage: Load run --url URL[,URL…] --path PATH [--method POST] [--body-file F] [--token T] [--requests F] " +
        "[--cycle 1] (--concurrency N | --rate R) [--seconds D]\n" +
        "       Load prepare-whistles --url URL[,URL…] --token T --body-file COMPLAINT --count K [--whistle-file F] [--concurrency N]\n" +
        "         (lodges, accepts and blows the whistle on K complaints; prints the whistles' ids)";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0) { Console.Error.WriteLine(Usage); return 2; }
        var options = Options.Parse(args.Skip(1));
        return args[0] switch
        {
            "run" => await Run(options),
            "prepare-whistles" => await PrepareWhistles(options),
            _ => Fail(Usage),
        };
    }

    private static int Fail(string message) { Console.Error.WriteLine(message); return 2; }

    private static HttpClient Client(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    private static HttpRequestMessage Request(Options o, Line line, long n)
    {
        var (path, token) = (line.Path, line.Token);
        var request = new HttpRequestMessage(new HttpMethod(line.Method ?? o.Method), o.UrlFor(n) + path);
        if ((line.Method is null ? o.Body : line.Body) is { Length: > 0 } template)
        {
            var body = template.Replace("{{uuid}}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{{n}}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    private sealed class Tally
    {
        public readonly ConcurrentBag<double> Latencies = [];
        public long Non2xx;
        public long Errors;
        public string? FirstProblem;

        public void Record(double ms, int? status, string? problem)
        {
            Latencies.Add(ms);
            if (status is null) Interlocked.Increment(ref Errors);
            else if (status is < 200 or > 299) Interlocked.Increment(ref Non2xx);
            if (problem is not null) Interlocked.CompareExchange(ref FirstProblem, problem, null);
        }
    }

    /// <summary>One request's own path, token, and (when the line says so) method and body.</summary>
    private sealed record Line(string Path, string? Token, string? Method, string? Body);

    private static async Task Send(HttpClient client, Options o, Line line, long n, Tally tally, long intendedTicks)
    {
        int? status = null;
        string? problem = null;
        var path = line.Path;
        try
        {
            using var request = Request(o, line, n);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) problem = $"{status} {path}: {body[..Math.Min(body.Length, 400)]}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            problem = $"{path}: {e.GetType().Name} {e.Message}";
        }
        tally.Record(Stopwatch.GetElapsedTime(intendedTicks).TotalMilliseconds, status, problem);
    }

    private static async Task<int> Run(Options o)
    {
        var lines = o.RequestsFile is null ? null : await File.ReadAllLinesAsync(o.RequestsFile);
        long next = -1;
        bool Take(out Line line, out long n)
        {
            n = Interlocked.Increment(ref next);
            line = new Line(o.Path, o.Token, null, null);
            if (lines is null) return true;
            if (n >= lines.Length && !o.Cycle) return false;
            var parts = lines[n % lines.Length].Split('\t');
            line = new Line(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : o.Token,
                parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null, parts.Length > 3 ? parts[3] : null);
            return true;
        }

        var tally = new Tally();
        var exhausted = false;
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(o.Seconds * Stopwatch.Frequency);
        if (o.Rate > 0)
        {
            using var client = Client(int.MaxValue);
            var running = new List<Task>();
            var interval = Stopwatch.Frequency / o.Rate;
            for (long i = 0; ; i++)
            {
                var intended = started + (long)(i * interval);
                if (intended >= until) break;
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), intended);
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                if (!Take(out var line, out var n)) { exhausted = true; break; }
                running.Add(Send(client, o, line, n, tally, intended));
            }
            await Task.WhenAll(running);
        }
        else
        {
            using var client = Client(o.Concurrency);
            var workers = Enumerable.Range(0, o.Concurrency).Select(async _ =>
            {
                while (Stopwatch.GetTimestamp() < until)
                {
                    if (!Take(out var line, out var n)) { exhausted = true; return; }
                    await Send(client, o, line, n, tally, Stopwatch.GetTimestamp());
                }
            }).ToList();
            await Task.WhenAll(workers);
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var sorted = tally.Latencies.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        if (tally.FirstProblem is not null) Console.Error.WriteLine($"first failure: {tally.FirstProblem}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model={(o.Rate > 0 ? "open" : "closed")} connections={(o.Rate > 0 ? 0 : o.Concurrency)} rate={o.Rate} " +
            $"requests={sorted.Length} seconds={seconds:F2} rps={sorted.Length / seconds:F1} p50_ms={At(0.50):F1} " +
            $"p99_ms={At(0.99):F1} max_ms={(sorted.Length == 0 ? 0 : sorted[^1]):F1} non2xx={tally.Non2xx} " +
            $"errors={tally.Errors} exhausted={(exhausted ? 1 : 0)}"));
        return 0;
    }

    /// <summary>
    /// Lodges, accepts and blows the whistle on <c>--count</c> complaints (the whistle's body from <c>--whistle-file</c>);
    /// prints each whistle's id.
    /// </summary>
    private static async Task<int> PrepareWhistles(Options o)
    {
        using var client = Client(o.Concurrency);
        long made = 0, failed = 0, sent = -1;
        var ids = new ConcurrentBag<string>();
        async Task<string?> Post(string path, string body, string field)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, o.UrlFor(Interlocked.Increment(ref sent)) + path)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.Token);
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                if (Interlocked.Increment(ref failed) == 1) Console.Error.WriteLine($"{(int)response.StatusCode} {path}: {text}");
                return null;
            }
            using var json = System.Text.Json.JsonDocument.Parse(text);
            return field.Length == 0 ? "" : json.RootElement.GetProperty(field).GetString();
        }
        var workers = Enumerable.Range(0, o.Concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref made) <= o.Count)
            {
                var id = await Post("/api/complaints", o.Body ?? throw new ArgumentException("--body-file is needed"), "id");
                if (id is null) continue;
                if (await Post($"/api/complaints/{id}/accept", "{}", "") is null) continue;
                var whistle = await Post($"/api/complaints/{id}/whistle", o.Whistle ?? """{ "need": "请到场处置。" }""", "whistleId");
                if (whistle is not null) ids.Add(whistle);
            }
        }).ToList();
        await Task.WhenAll(workers);
        foreach (var id in ids) Console.WriteLine(id);
        return failed == 0 ? 0 : 1;
    }

    private sealed record Options(
        string[] Urls, string Path, string Method, string? Body, string? Whistle, string? Token, string? RequestsFile,
        int Concurrency, double Rate, double Seconds, int Count, bool Cycle)
    {
        /// <summary>The base URL of the <paramref name="n"/>th request: round-robin over <c>--url</c>'s list.</summary>
        public string UrlFor(long n) => Urls[(int)(n % Urls.Length)];

        public static Options Parse(IEnumerable<string> args)
        {
            var map = new Dictionary<string, string>();
            using var e = args.GetEnumerator();
            while (e.MoveNext())
            {
                var key = e.Current;
                if (!key.StartsWith("--", StringComparison.Ordinal) || !e.MoveNext()) throw new ArgumentException(Usage);
                map[key[2..]] = e.Current;
            }
            string? Get(string k) => map.TryGetValue(k, out var v) ? v : null;
            double Number(string k, double d) => Get(k) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : d;
            return new Options(
                (Get("url") ?? throw new ArgumentException(Usage))
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(u => u.TrimEnd('/')).ToArray(), Get("path") ?? "", Get("method") ?? "POST",
                Get("body-file") is { } f ? File.ReadAllText(f) : null,
                Get("whistle-file") is { } w ? File.ReadAllText(w) : null, Get("token"), Get("requests"),
                (int)Number("concurrency", 1), Number("rate", 0), Number("seconds", 15), (int)Number("count", 0),
                Number("cycle", 0) != 0);
        }
    }
}
