using Shouldly;
using Microsoft.Extensions.DependencyInjection;
using Whistle.County.Directory;
using Whistle.County.Staff;
using Whistle.IntegrationTests.Faults;

namespace Whistle.IntegrationTests.Samples;

/// <summary>
/// A Whistle host of its own for the samples, on a fresh database, whose scheduler never polls: a sample's deadlines fall
/// due only when its <c># @sleep</c> moves this host's clock, and the runner delivers them then.
/// </summary>
public sealed class SamplesHost : IAsyncLifetime
{
    public RaceDrillHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Host = await RaceDrillHost.StartAsync("whistle_samples", opts =>
        {
            opts.Durability.ScheduledJobFirstExecution = TimeSpan.FromHours(1);
            opts.Durability.ScheduledJobPollingTime = TimeSpan.FromHours(1);
        });

    /// <summary>A county of the sample's own holding the sample county's directory and staff, as <c>ops/run</c> serves it.</summary>
    public async Task<string> CountyFor(string file)
    {
        var county = "s" + Path.GetFileNameWithoutExtension(file).Replace("-", "", StringComparison.Ordinal);
        var services = Host.Host.Services;
        var sample = services.GetRequiredService<SampleCounty>();
        var now = Host.Clock.GetUtcNow();
        await SampleCountyLoader.LoadAsync(Host.Store, sample, county, now, CancellationToken.None);
        await SampleStaffLoader.LoadAsync(Host.Store, services.GetRequiredService<SampleStaff>().Of(sample.Id), county, now, CancellationToken.None);
        return county;
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// Every request of every <c>samples/*.http</c> file answers the status it asserts (<c>?? status == N</c>), played in order
/// against a fresh host as a newcomer plays them against <c>ops/run</c>: a missing token, a renamed route, a changed rule
/// or a sample that no longer fits the sample county fails here, not in front of the newcomer.
/// </summary>
public sealed class SampleFilesTests(SamplesHost samples) : IClassFixture<SamplesHost>
{
    public static readonly string Folder = Path.Combine(Repository.Root, "samples");

    /// <summary>The users of samples/county/users.tsv, by id, as ops/token mints them.</summary>
    private static readonly Dictionary<string, Tokens.User> Users = File.ReadLines(Path.Combine(Folder, "county", "users.tsv"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .ToDictionary(row => row[0], row => new Tokens.User(row[0], row[2], OrNull(row[4]), OrNull(row[5]), OrNull(row[6])));

    private static string? OrNull(string cell) => cell == "-" ? null : cell;

    [Theory]
    [InlineData("complaints.http", 25, 0)]
    [InlineData("whistles.http", 31, 20)]
    [InlineData("joint-meeting.http", 18, 0)]
    [InlineData("fee-disputes.http", 29, 0)]
    [InlineData("mediation.http", 16, 0)]
    [InlineData("history.http", 20, 0)]
    public async Task every_request_of_the_sample_answers_the_status_it_asserts(string file, int requests, int delivered)
    {
        var sample = HttpFile.Parse(file, await File.ReadAllTextAsync(Path.Combine(Folder, file), TestContext.Current.CancellationToken));
        var runner = new SampleRunner(samples.Host, await samples.CountyFor(file), Users);

        var outcomes = await runner.RunAsync(sample);

        var log = Path.Combine(Repository.Root, ".whistle", "samples", file + ".log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        await File.WriteAllLinesAsync(log, outcomes.Select(o => $"{o.Status} {o.Request}"), TestContext.Current.CancellationToken);
        outcomes.Where(o => !o.AsExpected).Select(o => o.ToString()).ShouldBeEmpty();
        outcomes.Count.ShouldBe(requests);
        // The deadlines and reminders the sample's sleeps are written to bring due. The host's clock follows the wall
        // clock plus what was slept, so on a slow run a later reminder (a second round's) may fall due as well.
        runner.Delivered.ShouldBeGreaterThanOrEqualTo(delivered);
    }

    [Fact]
    public void the_samples_are_the_files_of_the_samples_folder()
    {
        Directory.GetFiles(Folder, "*.http").Select(Path.GetFileName).Order()
            .ShouldBe(["complaints.http", "fee-disputes.http", "history.http", "joint-meeting.http", "mediation.http", "whistles.http"]);
    }
}

/// <summary>The repository's root, found above the test's binaries.</summary>
public static class Repository
{
    public static readonly string Root = Find(AppContext.BaseDirectory);

    private static string Find(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "samples")) && File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"No repository root above {from}.");
    }
}
