using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;

[assembly: AssemblyFixture(typeof(Whistle.EndToEndTests.WhistleApp))]

namespace Whistle.EndToEndTests;

/// <summary>
/// One Whistle and one Chromium for the whole assembly. Whistle is the built <c>src/Whistle</c> started as a real process
/// (Development, the sample county, a fresh database <c>whistle_e2e</c> on the tests' PostgreSQL, any free port), or the
/// service already running at <c>WHISTLE_URL</c>. Chromium is Debian's (ui.md §4), never Playwright's own download.
/// </summary>
public sealed partial class WhistleApp : IAsyncLifetime
{
    private static readonly TimeSpan StartWithin = TimeSpan.FromMinutes(2);
    private Process? process;
    private string? log;

    /// <summary>Where the service answers, ending in a slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var chromium = Chromium();
        try
        {
            var browser = LaunchChromiumAsync(chromium);
            BaseUrl = Environment.GetEnvironmentVariable("WHISTLE_URL") is { Length: > 0 } external
                ? new Uri(external.TrimEnd('/') + "/")
                : await StartWhistleAsync();
            await browser;
            using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
            using var live = await http.GetAsync(new Uri("health/live", UriKind.Relative));
            if (live.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"{BaseUrl}health/live answered {(int)live.StatusCode}; see {log ?? "the service's log"}");
        }
        catch
        {
            // A fixture that fails to start is not disposed by the runner: stop what did start, so no process outlives the run.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Debian's Chromium, or <c>CHROMIUM_PATH</c>; checked before anything starts, so a missing browser fails every test at once with this message.</summary>
    private static string Chromium()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        return File.Exists(chromium)
            ? chromium
            : throw new FileNotFoundException($"Chromium is not at {chromium}: run ops/install-browser (or set CHROMIUM_PATH).", chromium);
    }

    private async Task LaunchChromiumAsync(string chromium)
    {
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run"],
            Timeout = 60_000,
        });
    }

    /// <summary>
    /// Starts <c>dotnet Whistle.dll --urls http://127.0.0.1:0</c> and reads the port Kestrel took from its
    /// "Now listening on:" line; the process's output goes to a log file under <c>.whistle/</c>.
    /// </summary>
    private async Task<Uri> StartWhistleAsync()
    {
        var root = Repository.Root;
        var dll = Path.Combine(root, "src", "Whistle", "bin", "Debug", "net10.0", "Whistle.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the solution (Debug) first: ops/test does.", dll);
        var connection = await FreshDatabaseAsync("whistle_e2e");

        Directory.CreateDirectory(Path.Combine(root, ".whistle"));
        log = Path.Combine(root, ".whistle", "e2e-whistle.log");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--urls", "http://127.0.0.1:0" }) start.ArgumentList.Add(argument);
        // Development: the build output's framework assets resolve only through the development manifest (ui.md P3),
        // and its appsettings carry the development signing key ops/token signs with.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Whistle"] = connection;
        start.Environment["Whistle__SampleCounty"] = Path.Combine(root, "samples", "county", "county.json");
        start.Environment["Whistle__Durability"] = "Solo";
        // The journeys sign in one after another from one address, faster than people do: no per-user or per-address rates.
        start.Environment["Whistle__RateLimits__Enabled"] = "false";
        // The handler code written ahead of time (ops/codegen), as production loads it: no compiling while pages wait.
        start.Environment["Whistle__GeneratedCode"] = "Static";

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = new StreamWriter(log, append: false) { AutoFlush = true };
        var started = new Process { StartInfo = start, EnableRaisingEvents = true };
        process = started;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (writer) writer.WriteLine(e.Data);
            if (ListeningOn().Match(e.Data) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value.TrimEnd('/') + "/"));
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine("ERR " + e.Data); };
        // The process itself, not the field: disposing clears the field while the exit is still being raised.
        started.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException($"Whistle exited with {started.ExitCode} before it listened; see {log}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return await listening.Task.WaitAsync(StartWithin);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Whistle did not say \"Now listening on:\" within {StartWithin}; see {log}");
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();

    /// <summary>A fresh, empty database of this name beside the one <c>ConnectionStrings__Whistle</c> names (dropped first if a run left it).</summary>
    private static async Task<string> FreshDatabaseAsync(string name)
    {
        var main = Environment.GetEnvironmentVariable("ConnectionStrings__Whistle") is { Length: > 0 } configured
            ? new NpgsqlConnectionStringBuilder(configured)
            : throw new InvalidOperationException("Set ConnectionStrings__Whistle (ops/test does) or WHISTLE_URL (a running service).");
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(main.ConnectionString) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(main.ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        (Browser, Playwright) = (null!, null!);
        if (process is null) return;
        var stopping = process;
        process = null;
        if (!stopping.HasExited)
        {
            // SIGTERM for the host's graceful shutdown; killed if it takes longer than ten seconds.
            using (var term = Process.Start("kill", ["-TERM", stopping.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await stopping.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { stopping.Kill(entireProcessTree: true); }
        }
        stopping.Dispose();
    }
}

/// <summary>The checkout the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder with the root Directory.Build.props (the one beside Whistle.slnx, not tests/' own).</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Directory.Build.props")) && File.Exists(Path.Combine(folder.FullName, "Whistle.slnx")))
                return folder.FullName;
        }
        throw new DirectoryNotFoundException("No Directory.Build.props beside Whistle.slnx above " + AppContext.BaseDirectory);
    }
}
