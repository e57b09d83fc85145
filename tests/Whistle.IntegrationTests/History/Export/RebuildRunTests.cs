using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Shouldly;
using Whistle.Complaints;
using Whistle.Hosting.History;
using Whistle.Hosting.Projections;
using Whistle.Notifications;
using Whistle.Whistles;
using Wolverine;

namespace Whistle.IntegrationTests.History.Export;

/// <summary>
/// The <c>rebuild</c> verb's path (<see cref="ProjectionRebuildRun"/>), on a host and database of the test's own: a rebuild
/// rewrites every county's documents of the projection, which would pull them from under the other tests.
/// </summary>
public sealed class RebuildRunTests(AppFixture app)
{
    private const string County = AppFixture.County;

    [Fact]
    public async Task rebuilding_one_projection_rebuilds_it_and_its_readers_in_order_and_reports_each()
    {
        _ = app;   // the assembly fixture has set the host's configuration (signing key, sample county, solo durability)
        var connection = await TestDatabases.FreshAsync("whistle_tests_history_rebuild");
        await using var host = await AlbaHost.For<Program>(x => x.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow));
            services.AddSingleton<INoticeGateway>(new FakeNoticeGateway());
            services.AddSingleton(_ => NpgsqlDataSource.Create(connection));
            services.ConfigureMarten(opts => opts.Connection(connection));
            services.RunWolverineInSoloMode();
            services.DisableAllExternalWolverineTransports();
        }));
        Task<IScenarioResult> Post(Tokens.User user, string url, object body, int status) => host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(user, County));
            x.Post.Json(body, JsonStyle.MinimalApi).ToUrl(url);
            x.StatusCodeShouldBe(status);
        });
        var lodged = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var result = await host.Scenario(x =>
            {
                x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(Tokens.Clerk, County));
                x.Post.Json(new LodgeComplaint(ComplaintChannel.Hotline, "illegal-parking", "CP010101",
                    new ComplainantInput("张三", "13812345678", null), "消防通道被占。"), JsonStyle.MinimalApi).ToUrl("/api/complaints");
                x.StatusCodeShouldBe(201);
            });
            lodged.Add((await result.ReadAsJsonAsync<LodgedComplaint>())!.Id);
        }
        // Each complaint whistled: the whistles' documents are what the territories' cases read.
        var whistles = new List<Guid>();
        foreach (var complaint in lodged)
        {
            await Post(Tokens.Community, $"/api/complaints/{complaint}/accept", new { }, 200);
            var blown = await Post(Tokens.Community, $"/api/complaints/{complaint}/whistle", new BlowWhistle("请公安、城管到现场处置乱停车辆"), 201);
            whistles.Add((await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId);
        }
        var rebuilds = host.Services.GetRequiredService<ProjectionRebuilds>();
        // Documents lost by hand come back from the events: the rebuild really replays.
        await using (var command = NpgsqlDataSource.Create(connection).CreateCommand($"delete from {rebuilds.TableOf(typeof(WhistleDetails))}"))
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        var steps = new List<RebuildStep>();

        var rebuilt = await ProjectionRebuildRun.RunAsync(rebuilds, "WhistleDetails", new Recorder(steps), TestContext.Current.CancellationToken);

        var expected = rebuilds.Catalogue().RebuildOrder("WhistleDetails").Select(e => e.Name).ToList();
        expected[0].ShouldBe("WhistleDetails");
        expected.ShouldContain("TerritoryCase");
        rebuilt.ShouldNotBeNull();
        rebuilt.Select(r => r.Name).ShouldBe(expected);
        rebuilt[0].DocumentsWritten.ShouldBe(2);
        steps.Count.ShouldBe(2 * expected.Count);
        steps.Where(s => s.Rebuilt is null).Select(s => (s.Done, s.Projection)).ShouldBe(expected.Select((name, i) => (i, name)));
        steps.Where(s => s.Rebuilt is not null).Select(s => (s.Done, s.Rebuilt!.Name)).ShouldBe(expected.Select((name, i) => (i + 1, name)));
        steps.ShouldAllBe(s => s.Count == expected.Count);
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession(County);
        (await session.LoadManyAsync<WhistleDetails>(TestContext.Current.CancellationToken, whistles)).Count.ShouldBe(2);

        (await ProjectionRebuildRun.RunAsync(rebuilds, "NoSuchProjection", null, TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    /// <summary>Records synchronously (Progress&lt;T&gt; would post to a thread-pool context and race the assertions).</summary>
    private sealed class Recorder(List<RebuildStep> steps) : IProgress<RebuildStep>
    {
        public void Report(RebuildStep value) => steps.Add(value);
    }
}
