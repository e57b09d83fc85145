using System.Net;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Whistle.Complaints;
using Whistle.County.Directory;
using Whistle.County.Staff;
using Whistle.Notifications;
using Wolverine;

namespace Whistle.IntegrationTests.Hosting;

/// <summary>
/// A host of its own, on a fresh database of its own, with small budgets: reads 5, writes 3, requests without a user 4
/// per address, each refilled by one a minute, so nothing refills while a test runs. Rates are per host, and the shared
/// fixture's host runs without them (AppFixture): its tests call as a few users from one address.
/// </summary>
public sealed class RateLimitsHost : IAsyncLifetime
{
    public const int Reads = 5, Writes = 3, Anonymous = 4;
    public const string Proxy = "203.0.113.100";

    /// <summary>What this host logs at warning or above.</summary>
    public Warnings Log { get; } = new();

    public IAlbaHost Host { get; private set; } = null!;
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public async ValueTask InitializeAsync()
    {
        var database = await TestDatabases.FreshAsync("whistle_rate_limits");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Host = await AlbaHost.For<Program>(x =>
        {
            // Settings reach Program as command-line arguments: above the environment's (AppFixture turns rates off there).
            x.UseSetting("ConnectionStrings:Whistle", database);
            x.UseSetting("Whistle:RateLimits:Enabled", "true");
            x.UseSetting("Whistle:ForwardedHeaders:KnownProxies", Proxy);
            foreach (var (budget, burst) in new[] { ("Reads", Reads), ("Writes", Writes), ("Anonymous", Anonymous) })
            {
                x.UseSetting($"Whistle:RateLimits:{budget}:PerMinute", "1");
                x.UseSetting($"Whistle:RateLimits:{budget}:Burst", burst.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            x.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<ILoggerProvider>(Log);
                services.AddSingleton<INoticeGateway>(new FakeNoticeGateway());
                services.ConfigureWolverine(opts => opts.Durability.Mode = DurabilityMode.Solo);
                services.DisableAllExternalWolverineTransports();
            });
        });
        var sample = Host.Services.GetRequiredService<SampleCounty>();
        await SampleCountyLoader.LoadAsync(Store, sample, AppFixture.County, clock.GetUtcNow(), CancellationToken.None);
        await SampleStaffLoader.LoadAsync(Store, Host.Services.GetRequiredService<SampleStaff>().Of(sample.Id), AppFixture.County, clock.GetUtcNow(), CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    public sealed class Warnings : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> lines = new();

        public IReadOnlyList<string> Lines => [.. lines];

        public ILogger CreateLogger(string categoryName) => new Logger(lines);

        public void Dispose() { }

        private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
            }
        }
    }
}

public sealed class RateLimitsTests(RateLimitsHost limits) : IClassFixture<RateLimitsHost>
{
    private IAlbaHost Host => limits.Host;

    [Fact]
    public async Task a_user_past_the_read_budget_is_answered_429_with_retry_after_and_another_user_is_not()
    {
        for (var i = 0; i < RateLimitsHost.Reads; i++) await Send(Tokens.Analyst, x => x.Get.Url("/api/complaints"), 200);
        var refused = await Send(Tokens.Analyst, x => x.Get.Url("/api/complaints"), 429);
        await ShouldBeRefusal(refused, "your reads");

        // Another user has a bucket of their own; the health checks are never limited.
        await Send(Tokens.Supervisor, x => x.Get.Url("/api/complaints"), 200);
        for (var i = 0; i < 3; i++) await Host.Scenario(x => { x.Get.Url("/health/live"); x.StatusCodeShouldBe(200); });
    }

    [Fact]
    public async Task a_write_past_the_write_budget_is_refused_before_it_appends_and_reads_still_pass()
    {
        // Refusals count too: each is a request the service had to read.
        for (var i = 0; i < RateLimitsHost.Writes; i++) await Send(Tokens.Clerk, x => x.Post.Json(new { }, JsonStyle.MinimalApi).ToUrl("/api/complaints"), 400);
        var before = await EventCount();
        var refused = await Send(Tokens.Clerk, x => x.Post.Json(Lodging(), JsonStyle.MinimalApi).ToUrl("/api/complaints"), 429);
        await ShouldBeRefusal(refused, "your writes");
        (await EventCount()).ShouldBe(before);

        // The same user's reads draw from their own budget, and another user still writes.
        await Send(Tokens.Clerk, x => x.Get.Url("/api/complaints"), 200);
        await Send(Tokens.Community, x => x.Post.Json(Lodging(), JsonStyle.MinimalApi).ToUrl("/api/complaints"), 201);
        (await EventCount()).ShouldBeGreaterThan(before);
    }

    [Fact]
    public async Task requests_without_a_user_are_limited_per_client_address()
    {
        var flood = IPAddress.Parse("203.0.113.7");
        // No token, and a garbage one: neither is a user, both count against the address.
        for (var i = 0; i < RateLimitsHost.Anonymous; i++)
            await Anonymous(flood, i % 2 == 0 ? null : "not-a-token", 401);
        var refused = await Anonymous(flood, null, 429);
        await ShouldBeRefusal(refused, "this address");
        await Anonymous(flood, "not-a-token", 429);

        // Another address is not affected, nor is a signed-in user calling from the flooding address.
        await Anonymous(IPAddress.Parse("203.0.113.8"), null, 401);
        await Host.Scenario(x =>
        {
            x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = flood);
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(Tokens.Office));
            x.Get.Url("/api/complaints");
            x.StatusCodeShouldBe(200);
        });
    }

    [Fact]
    public async Task each_refusal_is_one_warning_line_naming_neither_the_user_nor_the_address()
    {
        var address = IPAddress.Parse("203.0.113.9");
        for (var i = 0; i < RateLimitsHost.Anonymous; i++) await Anonymous(address, null, 401);
        await Host.Scenario(x =>
        {
            x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = address);
            x.Get.Url("/api/directory/compounds/lookup?q=limits-log");
            x.StatusCodeShouldBe(429);
        });

        var lines = limits.Log.Lines.Where(l => l.Contains("limits-log", StringComparison.Ordinal) || l.Contains("/api/directory/compounds/lookup", StringComparison.Ordinal)).ToList();
        lines.ShouldHaveSingleItem().ShouldStartWith("Warning: Refused GET /api/directory/compounds/lookup with 429: 本地址请求过于频繁");
        lines[0].ShouldNotContain("203.0.113.9");
    }

    [Fact]
    public async Task behind_a_known_proxy_the_forwarded_address_is_the_client_and_from_anywhere_else_it_is_ignored()
    {
        var proxy = IPAddress.Parse(RateLimitsHost.Proxy);
        // Through the proxy: each forwarded client has its own bucket.
        for (var i = 0; i < RateLimitsHost.Anonymous; i++) await Forwarded(proxy, "198.51.100.1", 401);
        await Forwarded(proxy, "198.51.100.1", 429);
        await Forwarded(proxy, "198.51.100.2", 401);

        // From an address that is no known proxy the header is anyone's to write: the bucket is the sender's own.
        var other = IPAddress.Parse("203.0.113.50");
        for (var i = 0; i < RateLimitsHost.Anonymous; i++) await Forwarded(other, $"198.51.100.{10 + i}", 401);
        await Forwarded(other, "198.51.100.99", 429);
    }

    private Task<IScenarioResult> Forwarded(IPAddress from, string client, int status) =>
        Host.Scenario(x =>
        {
            x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = from);
            x.WithRequestHeader("X-Forwarded-For", client);
            x.Get.Url("/api/complaints");
            x.StatusCodeShouldBe(status);
        });

    private static async Task ShouldBeRefusal(IScenarioResult refused, string whose)
    {
        var retryAfter = int.Parse(refused.Context.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 60);
        refused.Context.Response.ContentType.ShouldStartWith("application/problem+json");
        var problem = (await refused.ReadAsJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())!;
        problem.Status.ShouldBe(429);
        problem.Title.ShouldBe("请求过多 Too many requests");
        problem.Detail.ShouldStartWith(whose == "this address" ? "本地址请求过于频繁" : whose == "your writes" ? "您的写操作请求过于频繁" : "您的查询请求过于频繁");
        problem.Detail.ShouldEndWith($"Too many requests from {whose}: retry in {retryAfter} s.");
    }

    private static LodgeComplaint Lodging() =>
        new(ComplaintChannel.Hotline, "illegal-parking", "CP010101", new ComplainantInput("张三", "13812345678", null), "消防通道被占");

    private Task<IScenarioResult> Anonymous(IPAddress address, string? token, int status) =>
        Host.Scenario(x =>
        {
            x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = address);
            if (token is not null) x.WithRequestHeader("Authorization", "Bearer " + token);
            x.Get.Url("/api/complaints");
            x.StatusCodeShouldBe(status);
        });

    private Task<IScenarioResult> Send(Tokens.User user, Action<Scenario> scenario, int status) =>
        Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(user));
            scenario(x);
            x.StatusCodeShouldBe(status);
        });

    private async Task<long> EventCount()
    {
        await using var session = limits.Store.QuerySession(AppFixture.County);
        return await session.Events.QueryAllRawEvents().LongCountAsync(TestContext.Current.CancellationToken);
    }
}
