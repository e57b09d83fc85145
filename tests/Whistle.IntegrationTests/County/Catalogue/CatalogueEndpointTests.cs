using Alba;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.County.Catalogue;
using Whistle.County.Deadlines;

namespace Whistle.IntegrationTests.County.Catalogue;

public sealed class CatalogueEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static PublishCatalogue Catalogue(params CatalogueEntryInput[] entries) => new(entries, "测试版本");

    private static readonly CatalogueEntryInput Parking =
        new("illegal-parking", "乱停乱放", "Illegal parking", "gongan", ["chengguan"], WhistleType.Routine);

    private Task<IScenarioResult> Publish(Tokens.User user, PublishCatalogue catalogue, int status, string county) =>
        Send(user, x => x.Put.Json(catalogue, JsonStyle.MinimalApi).ToUrl("/api/catalogue"), status, county);

    [Fact]
    public async Task the_sample_county_publishes_the_default_catalogue_as_version_1()
    {
        var catalogue = await Get<DispatchCatalogue>(Tokens.Office, "/api/catalogue");

        catalogue.Version.ShouldBe(1);
        catalogue.Entries.Select(e => e.CategoryId).ShouldBe(DefaultCatalogue.Entries.Select(e => e.CategoryId));
        catalogue.Find("illegal-construction")!.Lead.ShouldBe("chengguan");
    }

    [Fact]
    public async Task a_new_version_replaces_the_catalogue_and_the_old_one_stays_readable()
    {
        var county = await App.NewCountyAsync();

        var published = await Publish(Tokens.Admin, Catalogue(Parking with { Lead = "chengguan", CoHandling = ["gongan"] }), 200, county);

        (await published.ReadAsJsonAsync<CatalogueVersionPublished>()).ShouldBe(new CatalogueVersionPublished(2, 1));
        var current = await Get<DispatchCatalogue>(Tokens.Clerk, "/api/catalogue", county);
        current.Version.ShouldBe(2);
        current.Entries.Single().Lead.ShouldBe("chengguan");
        current.PublishedBy.UserId.ShouldBe("admin");
        var first = await Get<CataloguePublished>(Tokens.Analyst, "/api/catalogue/versions/1", county);
        first.Entries.Count.ShouldBe(DefaultCatalogue.Entries.Count);
        await Send(Tokens.Analyst, x => x.Get.Url("/api/catalogue/versions/3"), 404, county);
    }

    [Fact]
    public async Task complaints_are_lodged_under_the_categories_of_the_catalogue_in_force()
    {
        var county = await App.NewCountyAsync();
        await Publish(Tokens.Admin, Catalogue(Parking), 200, county);

        await Post(Tokens.Clerk, "/api/complaints", NewComplaint(category: "illegal-parking"), 201, county);
        var refused = await Post(Tokens.Clerk, "/api/complaints", NewComplaint(category: "noise"), 400, county);

        (await refused.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["categoryId"]);
        (await Get<List<ComplaintCategory>>(Tokens.Clerk, "/api/complaint-categories", county)).Select(c => c.Id).ShouldBe(["illegal-parking"]);
    }

    [Fact]
    public async Task an_entry_naming_an_unknown_department_is_400_and_nothing_is_published()
    {
        var county = await App.NewCountyAsync();

        var result = await Publish(Tokens.Admin,
            Catalogue(Parking, Parking with { CategoryId = "noise", Lead = "weather-bureau" }), 400, county);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["entries[1].lead"]);
        (await Get<DispatchCatalogue>(Tokens.Clerk, "/api/catalogue", county)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task a_category_given_twice_is_400()
    {
        var county = await App.NewCountyAsync();

        var result = await Publish(Tokens.Admin, Catalogue(Parking, Parking), 400, county);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["entries[1].categoryId"]);
    }

    [Fact]
    public async Task only_an_administrator_publishes_the_catalogue()
    {
        await Publish(Tokens.Office, Catalogue(Parking), 403, AppFixture.County);
    }
}
