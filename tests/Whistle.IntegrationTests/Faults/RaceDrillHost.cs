using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Whistle.Complaints;
using Whistle.Notifications;
using Wolverine;

namespace Whistle.IntegrationTests.Faults;

/// <summary>
/// What the race drills (duplicates, conflicts, poison, rebuild) share: a Whistle host of the drill's own on a database of
/// its own, with a clock and a notice gateway the drill holds, and raw HTTP calls so that many run at once and every
/// answer is kept, whatever its status.
/// </summary>
public sealed class RaceDrillHost : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private RaceDrillHost(IAlbaHost host, string connectionString, FakeTimeProvider clock, FakeNoticeGateway gateway)
    {
        Host = host;
        ConnectionString = connectionString;
        Clock = clock;
        Gateway = gateway;
    }

    public IAlbaHost Host { get; }
    public string ConnectionString { get; }
    public FakeTimeProvider Clock { get; }
    public FakeNoticeGateway Gateway { get; }
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <param name="database">The fresh database the host runs on.</param>
    /// <param name="configure">Changes to Wolverine's options after the drills' own, e.g. a scheduler that never polls.</param>
    public static async Task<RaceDrillHost> StartAsync(string database, Action<WolverineOptions>? configure = null)
    {
        var connectionString = await TestDatabases.FreshAsync(database);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var gateway = new FakeNoticeGateway();
        var host = await AlbaHost.For<Program>(x => x.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<INoticeGateway>(gateway);
            services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            services.ConfigureMarten(opts => opts.Connection(connectionString));
            services.ConfigureWolverine(opts =>
            {
                opts.Durability.Mode = DurabilityMode.Solo;
                opts.Durability.ScheduledJobFirstExecution = TimeSpan.Zero;
                opts.Durability.ScheduledJobPollingTime = TimeSpan.FromMilliseconds(250);
                configure?.Invoke(opts);
            });
            services.DisableAllExternalWolverineTransports();
        }));
        return new RaceDrillHost(host, connectionString, clock, gateway);
    }

    /// <summary>One HTTP answer as the client saw it.</summary>
    public sealed record Answer(int Status, string Body)
    {
        public ProblemDetails? Problem => Body.StartsWith('{') && Status >= 400 ? JsonSerializer.Deserialize<ProblemDetails>(Body, Json) : null;

        public T As<T>() => JsonSerializer.Deserialize<T>(Body, Json)!;
    }

    public async Task<Answer> SendAsync(HttpMethod method, string url, Tokens.User? user, object? body = null, string? idempotencyKey = null)
    {
        using var client = Host.Server.CreateClient();
        using var request = new HttpRequestMessage(method, url);
        if (user is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(user));
        if (idempotencyKey is not null) request.Headers.Add(Whistle.Hosting.Idempotency.Header, idempotencyKey);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        using var response = await client.SendAsync(request);
        return new Answer((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<Answer> PostAsync(string url, Tokens.User? user, object body, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, url, user, body, idempotencyKey);

    public Task<Answer> GetAsync(string url, Tokens.User? user) => SendAsync(HttpMethod.Get, url, user);

    public static LodgeComplaint NewComplaint(string description = "楼下消防通道长期被私家车占用，影响救援。") =>
        new(ComplaintChannel.Hotline, "illegal-parking", "CP010101", new ComplainantInput("张三", "13812345678", "东关花园3号楼2单元"), description);

    public async Task<LodgedComplaint> LodgeAsync(LodgeComplaint? complaint = null)
    {
        var answer = await PostAsync("/api/complaints", Tokens.Clerk, complaint ?? NewComplaint());
        if (answer.Status != 201) throw new InvalidOperationException($"Lodging answered {answer.Status}: {answer.Body}");
        return answer.As<LodgedComplaint>();
    }

    public async Task<IReadOnlyList<IEvent>> EventsOf(Guid stream)
    {
        await using var session = Store.QuerySession(AppFixture.County);
        return await session.Events.FetchStreamAsync(stream);
    }

    /// <summary>Handles a message now, in the county, as a redelivery would: a scope of its own, so calls may run at once.</summary>
    public async Task InvokeAsync(object message)
    {
        using var scope = Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>()
            .InvokeForTenantAsync(AppFixture.County, message, TestContext.Current.CancellationToken);
    }

    /// <summary>Sends a message through its durable local queue, in the county.</summary>
    public async Task PublishAsync(object message)
    {
        using var scope = Host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>()
            .PublishAsync(message, new DeliveryOptions { TenantId = AppFixture.County });
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
