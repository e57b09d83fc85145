using Alba;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Shouldly;
using Whistle.Cases;
using Whistle.Complaints;
using Whistle.County.Directory;
using Whistle.County.Staff;
using Whistle.Notifications;
using Whistle.Whistles;
using Wolverine;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests.Hosting;

/// <summary>
/// A host of its own on three fresh databases of its own: the main one (Wolverine's nodes, the sample county) and one
/// per county (<c>Whistle:Counties:&lt;code&gt;:Database</c>). Never the shared test database: this host's daemon would
/// stop the fixture's projections.
/// </summary>
public sealed class CountyDatabasesHost : IAsyncLifetime
{
    public const string East = "dbeast", West = "dbwest";

    public IAlbaHost Host { get; private set; } = null!;
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public string Main { get; private set; } = "";
    public IReadOnlyDictionary<string, string> Databases { get; private set; } = new Dictionary<string, string>();
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public async ValueTask InitializeAsync()
    {
        Main = await TestDatabases.FreshAsync("whistle_counties_main");
        Databases = new Dictionary<string, string>
        {
            [East] = await TestDatabases.FreshAsync("whistle_county_east"),
            [West] = await TestDatabases.FreshAsync("whistle_county_west"),
        };
        Host = await AlbaHost.For<Program>(x =>
        {
            // Settings reach Program as command-line arguments: above the environment's ConnectionStrings__Whistle.
            x.UseSetting("ConnectionStrings:Whistle", Main);
            foreach (var (county, database) in Databases) x.UseSetting($"Whistle:Counties:{county}:Database", database);
            x.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<INoticeGateway>(new FakeNoticeGateway());
                services.ConfigureWolverine(opts => opts.Durability.Mode = DurabilityMode.Solo);
                services.DisableAllExternalWolverineTransports();
            });
        });
        var sample = Host.Services.GetRequiredService<SampleCounty>();
        foreach (var county in Databases.Keys)
        {
            await SampleCountyLoader.LoadAsync(Store, sample, county, Clock.GetUtcNow(), CancellationToken.None);
            await SampleStaffLoader.LoadAsync(Store, Host.Services.GetRequiredService<SampleStaff>().Of(sample.Id), county, Clock.GetUtcNow(), CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}

public sealed class CountyDatabasesTests(CountyDatabasesHost counties) : IClassFixture<CountyDatabasesHost>
{
    private const string East = CountyDatabasesHost.East, West = CountyDatabasesHost.West;
    private IAlbaHost Host => counties.Host;

    [Fact]
    public async Task each_county_keeps_its_cases_numbers_projections_and_deadlines_in_its_own_database()
    {
        var east1 = await Lodge(East);
        var east2 = await Lodge(East);
        var west1 = await Lodge(West);
        // Numbers run per county: each database's counter starts at 1.
        var year = Kernel.CountyTime.Local(counties.Clock.GetUtcNow()).Year;
        (east1.Number, east2.Number, west1.Number).ShouldBe(($"TS-{year}-000001", $"TS-{year}-000002", $"TS-{year}-000001"));

        // A whistle in the east: its deadlines are scheduled in the east's database, and one fires there.
        await Send(East, Tokens.Community, x => x.Post.Json(new { }, JsonStyle.MinimalApi).ToUrl($"/api/complaints/{east1.Id}/accept"), 200);
        Guid whistle = default;
        Func<IMessageContext, Task> blow = async _ =>
        {
            var answer = await Send(East, Tokens.Community, x => x.Post.Json(
                new BlowWhistle("请公安到场", Lead: "gongan", CoHandling: [], DepartureReason: "城管已在现场"), JsonStyle.MinimalApi)
                .ToUrl($"/api/complaints/{east1.Id}/whistle"), 201);
            whistle = (await answer.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        };
        var blown = await Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).DoNotAssertOnExceptionsDetected().ExecuteAndWaitAsync(blow);
        blown.Scheduled.Envelopes().ShouldNotBeEmpty();
        blown.Scheduled.Envelopes().ShouldAllBe(e => e.TenantId == East);
        // Each county's deadlines are rows of its own database: the whistle's in the east only, the west's one complaint's
        // acceptance deadline in the west; the main database schedules nothing.
        const string Scheduled = "select count(*) from whistle.wolverine_incoming_envelopes where status = 'Scheduled' and message_type = ";
        (await Count(East, Scheduled + $"'{typeof(WhistleDeadlineReached).FullName}'")).ShouldBeGreaterThan(0);
        (await Count(West, Scheduled + $"'{typeof(WhistleDeadlineReached).FullName}'")).ShouldBe(0);
        (await Count(West, Scheduled + $"'{typeof(ComplaintDeadlineReached).FullName}'")).ShouldBe(1);
        (await CountMain("select count(*) from whistle.wolverine_incoming_envelopes where status = 'Scheduled'")).ShouldBe(0);

        counties.Clock.Advance(TimeSpan.FromHours(25));
        var played = await blown.PlayScheduledMessagesAsync(TimeSpan.FromSeconds(60));
        played.Executed.MessagesOf<WhistleDeadlineReached>().ShouldNotBeEmpty();
        await using (var session = counties.Store.QuerySession(East))
            (await session.Events.FetchStreamAsync(whistle, token: TestContext.Current.CancellationToken)).Select(e => e.Data).OfType<AssignmentOverdue>().ShouldNotBeEmpty();

        await counties.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        // Events, streams, documents and numbers: each county's rows in its own database only, none in the main one.
        foreach (var (county, other) in new[] { (East, West), (West, East) })
        {
            (await Count(county, $"select count(*) from whistle.mt_events where tenant_id = '{county}'")).ShouldBeGreaterThan(0);
            (await Count(county, $"select count(*) from whistle.mt_events where tenant_id <> '{county}'")).ShouldBe(0);
            (await Count(county, $"select count(*) from whistle.mt_streams where tenant_id <> '{county}'")).ShouldBe(0);
            (await Count(county, $"select count(*) from whistle.case_numbers where tenant_id <> '{county}'")).ShouldBe(0);
            (await DocumentsNotOf(county, county)).ShouldBe(0);
            (await DocumentsNotOf(county, other)).ShouldBeGreaterThan(0);
        }
        (await Count(East, "select last_value from whistle.case_numbers where series = 'TS'")).ShouldBe(2);
        (await Count(West, "select last_value from whistle.case_numbers where series = 'TS'")).ShouldBe(1);
        (await CountMain($"select count(*) from whistle.mt_events where tenant_id in ('{East}', '{West}')")).ShouldBe(0);
        (await CountMain($"select count(*) from whistle.case_numbers where tenant_id in ('{East}', '{West}')")).ShouldBe(0);
        // The async projections ran in each database: the departments' assignments of the whistle are in the east only.
        (await Count(East, "select count(*) from whistle.mt_doc_scoredassignment")).ShouldBeGreaterThan(0);
        (await Count(West, "select count(*) from whistle.mt_doc_scoredassignment")).ShouldBe(0);

        // The case list answers per county, and a case of the other county is not found.
        (await Get<CasePage>(East, Tokens.Clerk, "/api/cases?kind=complaint")).Total.ShouldBe(2);
        (await Get<CasePage>(West, Tokens.Clerk, "/api/cases?kind=complaint")).Items.Select(i => i.Id).ShouldBe([west1.Id]);
        await Send(West, Tokens.Clerk, x => x.Get.Url($"/api/complaints/{east1.Id}"), 404);
        await Send(East, Tokens.Clerk, x => x.Get.Url($"/api/complaints/{west1.Id}"), 404);
        await Send(East, Tokens.Clerk, x => x.Get.Url($"/api/complaints/{east1.Id}"), 200);

        // A county no database holds is refused at the door.
        await Send("nowhere", Tokens.Clerk, x => x.Get.Url("/api/complaints"), 401);

        // The hash-chain verification's own SQL reads the county's database: every event of each county verified, intact.
        foreach (var county in new[] { East, West })
        {
            var verified = (await (await Send(county, Tokens.Analyst, x => x.Post.Json(new { }, JsonStyle.MinimalApi)
                .ToUrl("/api/history/integrity/verify"), 200)).ReadAsJsonAsync<Whistle.History.Integrity.IntegrityReport>())!;
            verified.Broken.ShouldBeEmpty();
            verified.Events.ShouldBe(await Count(county,
                $"select count(*) from whistle.mt_events where type <> 'tombstone' and stream_id <> '{Whistle.History.Integrity.StreamVerifier.TombstoneStream}'"));
            verified.Events.ShouldBeGreaterThan(0);
        }

        // An Idempotency-Key sent again in a county of its own database gets the first answer back and appends nothing.
        var first = await Lodge(West, "county-databases-retry");
        var again = await Lodge(West, "county-databases-retry");
        (again.Id, again.Number).ShouldBe((first.Id, first.Number));
        (await Count(West, $"select count(*) from whistle.mt_streams where id = '{first.Id}'")).ShouldBe(1);
        (await Count(West, $"select count(*) from whistle.mt_events where stream_id = '{first.Id}'")).ShouldBe(1);
    }

    private async Task<LodgedComplaint> Lodge(string county, string? idempotencyKey = null)
    {
        var answer = await Send(county, Tokens.Clerk, x =>
        {
            if (idempotencyKey is not null) x.WithRequestHeader(Whistle.Hosting.Idempotency.Header, idempotencyKey);
            x.Post.Json(new LodgeComplaint(ComplaintChannel.Hotline, "illegal-parking", "CP010101",
                new ComplainantInput("张三", "13812345678", null), "消防通道被占 " + county), JsonStyle.MinimalApi).ToUrl("/api/complaints");
        }, 201);
        return (await answer.ReadAsJsonAsync<LodgedComplaint>())!;
    }

    private Task<IScenarioResult> Send(string county, Tokens.User user, Action<Scenario> scenario, int status) =>
        Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(user, county));
            scenario(x);
            x.StatusCodeShouldBe(status);
        });

    private async Task<T> Get<T>(string county, Tokens.User user, string url) =>
        (await (await Send(county, user, x => x.Get.Url(url), 200)).ReadAsJsonAsync<T>())!;

    private Task<long> Count(string county, string sql) => CountIn(counties.Databases[county], sql);

    private Task<long> CountMain(string sql) => CountIn(counties.Main, sql);

    private static async Task<long> CountIn(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Rows of every document table of a county's database whose county is not the given one.</summary>
    private async Task<long> DocumentsNotOf(string database, string county)
    {
        await using var connection = new NpgsqlConnection(counties.Databases[database]);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.columns where table_schema = 'whistle' and table_name like 'mt_doc_%' and column_name = 'tenant_id'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        tables.ShouldNotBeEmpty();
        long rows = 0;
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from whistle.{table} where tenant_id <> $1", connection);
            count.Parameters.Add(new NpgsqlParameter { Value = county });
            rows += (long)(await count.ExecuteScalarAsync())!;
        }
        return rows;
    }
}
