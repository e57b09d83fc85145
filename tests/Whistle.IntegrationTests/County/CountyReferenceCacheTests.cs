using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Whistle.County;

namespace Whistle.IntegrationTests.County;

/// <summary>
/// The county's reference data is read from memory, and never stale after a change is acknowledged — also on a second
/// host on the same database, whose memory the change did not pass through.
/// </summary>
public sealed class CountyReferenceCacheTests(AppFixture app) : IntegrationContext(app)
{
    private const string NewCompound =
        """{"name":"东关新苑","communityCode":"CM0101","address":"东关路 1 号","households":320,"stage":"Delivered","ownersCommittee":{"formed":false}}""";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private CountyReferenceCache Cache => Host.Services.GetRequiredService<CountyReferenceCache>();

    [Fact]
    public async Task commands_read_the_county_from_memory_until_its_reference_data_changes()
    {
        var county = await App.NewCountyAsync();
        await Lodge(county: county);
        var loads = Cache.LoadsOf(county);

        await Lodge(county: county);
        await Lodge(county: county);
        Cache.LoadsOf(county).ShouldBe(loads);

        await Send(Tokens.Admin, x => x.Put.RawJson(NewCompound).ToUrl("/api/directory/compounds/CP019901"), 200, county);
        (await Lodge(complaint: NewComplaint("CP019901"), county: county)).Number.ShouldEndWith("-000004");
        Cache.LoadsOf(county).ShouldBe(loads + 1);
    }

    /// <summary>
    /// Another host is another memory: a cache of its own, reading the same database. (A second Whistle host here would
    /// also run a second daemon over the shared test database's projections.)
    /// </summary>
    [Fact]
    public async Task a_compound_recorded_through_one_host_is_found_at_once_by_another_that_had_the_county_in_memory()
    {
        var county = await App.NewCountyAsync();
        var otherHost = new CountyReferenceCache();
        await using (var session = App.Store.QuerySession(county))
            (await otherHost.CurrentAsync(session, TestContext.Current.CancellationToken)).Compound("CP019902").ShouldBeNull();

        await Send(Tokens.Admin, x => x.Put.RawJson(NewCompound).ToUrl("/api/directory/compounds/CP019902"), 200, county);

        await using (var session = App.Store.QuerySession(county))
            (await otherHost.CurrentAsync(session, TestContext.Current.CancellationToken)).Compound("CP019902").ShouldNotBeNull()
                .Info.Name.ShouldBe("东关新苑");
        otherHost.LoadsOf(county).ShouldBe(2);
    }
}
