using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Whistle.County.Directory;
using Whistle.County.Staff;
using Whistle.Notifications;
using Wolverine;

[assembly: AssemblyFixture(typeof(Whistle.IntegrationTests.AppFixture))]

namespace Whistle.IntegrationTests;

/// <summary>
/// One Whistle host for the whole assembly, on the real PostgreSQL that ops/test starts
/// (ConnectionStrings__Whistle). Tests make their own ids, or their own county, so they run in parallel.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string County = "anlan";
    public const string SigningKey = "integration-tests-signing-key-at-least-32-characters";
    public const string KeyEncryptionKey = "aW50ZWdyYXRpb24tdGVzdHMta2V5LWVuY3J5cHRpb24=";

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>The clock every decision reads; starts at the real time so tokens are current.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>The outbound gateway the host sends notices through: a stand-in for the SMS and e-mail providers.</summary>
    public FakeNoticeGateway Gateway { get; } = new();

    /// <summary>The host's log lines, kept in memory (the personal-data scanner reads them).</summary>
    public LogLines Logs { get; } = new();

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Whistle")))
            throw new InvalidOperationException("ConnectionStrings__Whistle is not set: run the tests with ops/test.");
        Environment.SetEnvironmentVariable("Whistle__Auth__SigningKey", SigningKey);
        Environment.SetEnvironmentVariable("Whistle__SampleCounty", "samples/county/county.json");
        // The key that wraps residents' personal-data keys, for every host the tests start: fixed, like the signing key, so a
        // test database kept from an earlier run (WHISTLE_TEST_DB) still opens what that run sealed.
        Environment.SetEnvironmentVariable("Whistle__Privacy__KeyEncryptionKey", KeyEncryptionKey);
        Environment.SetEnvironmentVariable("Whistle__Durability", nameof(DurabilityMode.Solo));
        // Every test calls as a handful of users from one address: no per-user or per-address rates (RateLimitsTests has its own).
        Environment.SetEnvironmentVariable("Whistle__RateLimits__Enabled", "false");
        // The handler code ops/codegen wrote (GeneratedCodeTests keeps it fresh), as production loads it: nothing compiled.
        Environment.SetEnvironmentVariable("Whistle__GeneratedCode", "Static");
        // The sender's own retries wait milliseconds here, not the half second a real provider is given.
        Environment.SetEnvironmentVariable("Whistle__Notices__RetryDelay", "00:00:00.010");

        Host = await AlbaHost.For<Program>(x => x.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<INoticeGateway>(Gateway);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            services.RunWolverineInSoloMode();
            services.DisableAllExternalWolverineTransports();
        }));
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A county of its own, holding the sample directory and staff, for tests that count or list everything.</summary>
    public async Task<string> NewCountyAsync()
    {
        var county = "t" + Guid.NewGuid().ToString("N")[..12];
        var sample = Host.Services.GetRequiredService<SampleCounty>();
        await SampleCountyLoader.LoadAsync(Store, sample, county, Clock.GetUtcNow(), CancellationToken.None);
        await SampleStaffLoader.LoadAsync(Store, Host.Services.GetRequiredService<SampleStaff>().Of(sample.Id), county, Clock.GetUtcNow(), CancellationToken.None);
        return county;
    }
}
