using Marten.Events;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Hosting.Projections;

namespace Whistle.IntegrationTests.Hosting;

/// <summary>
/// The administrators' projection endpoints on the shared host: who may call them, the 404 that names the projections,
/// and the list with each projection's lifecycle, what it reads and its shards' progress. No rebuild runs here: a
/// rebuild rewrites every county's documents, so <see cref="ProjectionRebuildTests"/> rebuilds on a database of its own.
/// </summary>
public sealed class ProjectionEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    [Theory]
    [InlineData("office")]
    [InlineData("analyst")]
    [InlineData("supervisor")]
    [InlineData("clerk")]
    public async Task only_an_administrator_may_list_or_rebuild_projections(string role)
    {
        var user = new Tokens.User(role, role);

        await Send(user, x => x.Get.Url("/api/admin/projections"), 403);
        await Post(user, "/api/admin/projections/ScoredAssignment/rebuild", Empty, 403);
        await Post(user, "/api/admin/projections/rebuild", Empty, 403);
        await Send(null, x => x.Get.Url("/api/admin/projections"), 401);
    }

    [Fact]
    public async Task rebuilding_an_unknown_projection_is_404_naming_the_projections_there_are()
    {
        var result = await Post(Tokens.Admin, "/api/admin/projections/NoSuchProjection/rebuild", Empty, 404);

        var problem = (await result.ReadAsJsonAsync<ProblemDetails>())!;
        problem.Detail!.ShouldContain("NoSuchProjection");
        problem.Detail!.ShouldContain("ScoredAssignment");
        problem.Detail!.ShouldContain("TerritoryCase");
        problem.Extensions.ShouldContainKey("projections");
    }

    [Fact]
    public async Task the_list_gives_each_projection_its_lifecycle_what_it_reads_and_its_shards_progress()
    {
        await Lodge();
        // The running daemon reaches the events so far (no pause and catch-up: this test only reads its progress).
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var overview = await Get<ProjectionOverview>(Tokens.Admin, "/api/admin/projections");

        overview.HighWaterMark.ShouldBeGreaterThan(0);
        var byName = overview.Projections.ToDictionary(p => p.Name);
        foreach (var name in new[] { "ComplaintDetails", "WhistleDetails", "WorklistWhistle" })
            byName.ShouldContainKey(name);
        foreach (var name in new[] { "ScoredAssignment", "TerritoryCase", "CompanyCreditCase" })
        {
            byName[name].Lifecycle.ShouldBe("Async");
            byName[name].Shards.ShouldHaveSingleItem().Shard.ShouldBe(name + ":All");
            byName[name].Shards[0].Sequence.ShouldBeGreaterThan(0);
        }
        (byName["ComplaintDetails"].Lifecycle, byName["ComplaintDetails"].Shards.Count).ShouldBe(("Inline", 0));
        byName["ScoredAssignment"].ReadsFrom.ShouldBeEmpty();
        byName["TerritoryCase"].ReadsFrom.ShouldBe(["WhistleDetails"]);
        byName["WatchedAssignment"].ReadsFrom.ShouldBe(["WhistleDetails"]);
        byName["ComplaintDetails"].DocumentCount.ShouldBeGreaterThan(0);
    }
}
