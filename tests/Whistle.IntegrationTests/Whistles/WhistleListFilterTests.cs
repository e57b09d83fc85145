using Alba;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Whistles;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests.Whistles;

/// <summary>The whistle list filters by what it says it filters by, in the query; an inbox exists only for a department.</summary>
[Collection(SharedClock.Name)]
public sealed class WhistleListFilterTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    /// <summary>
    /// Three whistles on 东关花园 in a county of their own: one blown by the community (Community), one blown by the
    /// sub-district (SubDistrict), and one blown by the sub-district whose sign-for 城管 missed (JointMeeting, overdue).
    /// </summary>
    private async Task<(string County, Guid Community, Guid SubDistrict, Guid Missed)> ThreeWhistles()
    {
        var county = await App.NewCountyAsync();
        var community = (await Blow(county, Tokens.Community)).Whistle;
        var subDistrict = (await Blow(county, Tokens.SubDistrict)).Whistle;
        var (missed, tracked) = await Blow(county, Tokens.SubDistrict);
        var signFor = tracked.Scheduled.MessagesOf<WhistleDeadlineReached>()
            .Single(m => m.WhistleId == missed && m.Department == "chengguan" && m.Kind == DeadlineKind.SignFor);
        await Post(Tokens.Gongan, $"/api/whistles/{missed}/assignments/gongan/sign-for", Empty, county: county);
        App.Clock.Advance(TimeSpan.FromHours(25));
        await Tracked(bus => bus.InvokeForTenantAsync(county, signFor), 30_000);
        return (county, community, subDistrict, missed);
    }

    private async Task<(Guid Whistle, ITrackedSession Tracked)> Blow(string county, Tokens.User by)
    {
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"), county);
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", Empty, county: county);
        IScenarioResult result = null!;
        var tracked = await Tracked(async () =>
            result = await Post(by, $"/api/complaints/{lodged.Id}/whistle", new BlowWhistle("请公安、城管到现场处置"), 201, county), 30_000);
        return ((await result.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId, tracked);
    }

    private async Task<List<Guid>> Listed(string county, string query) =>
        (await Get<List<WhistleDetails>>(Tokens.Office, $"/api/whistles?{query}", county)).Select(w => w.Id).ToList();

    [Fact]
    public async Task the_list_keeps_the_whistles_at_the_level_asked_for_and_those_overdue()
    {
        var (county, community, subDistrict, missed) = await ThreeWhistles();

        (await Listed(county, "level=JointMeeting")).ShouldBe([missed]);
        (await Listed(county, "level=SubDistrict")).ShouldBe([subDistrict]);
        (await Listed(county, "level=community")).ShouldBe([community]);
        (await Listed(county, "level=CountySupervision")).ShouldBeEmpty();
        (await Listed(county, "overdue=true")).ShouldBe([missed]);
        (await Listed(county, "overdue=false")).ShouldBe([subDistrict, community]);
        (await Listed(county, "overdue=true&level=SubDistrict")).ShouldBeEmpty();
        (await Listed(county, "overdue=false&open=true&level=SubDistrict")).ShouldBe([subDistrict]);
        (await Listed(county, "")).ShouldBe([missed, subDistrict, community]);
    }

    [Theory]
    [InlineData("level=Nowhere")]
    [InlineData("level=3")]
    [InlineData("level=99")]
    public async Task a_level_that_is_not_a_levels_name_is_400_naming_level(string query)
    {
        var result = await Send(Tokens.Office, x => x.Get.Url($"/api/whistles?{query}"), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["level"]);
    }

    [Fact]
    public async Task overdue_that_is_not_true_or_false_is_400() =>
        await Send(Tokens.Office, x => x.Get.Url("/api/whistles?overdue=maybe"), 400);

    [Fact]
    public async Task the_inbox_of_a_code_that_is_no_department_is_404_and_a_quiet_departments_is_empty()
    {
        var county = await App.NewCountyAsync();

        var result = await Send(Tokens.Office, x => x.Get.Url("/api/departments/office/inbox"), 404, county);
        var quiet = await Get<DepartmentInbox>(Tokens.Office, "/api/departments/zhujian/inbox", county);

        result.Context.Response.ContentType.ShouldBe("application/problem+json");
        (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail.ShouldBe("没有部门 office 的待办。 No inbox for office.");
        (quiet.Department, quiet.Items.Count).ShouldBe(("zhujian", 0));
    }

    [Fact]
    public async Task the_openapi_document_names_the_lists_filters()
    {
        var result = await Send(null, x => x.Get.Url("/openapi/v1.json"), 200);
        var json = await result.ReadAsTextAsync();

        json.ShouldContain("Community, SubDistrict, JointMeeting, CountySupervision");
        json.ShouldContain("a department still assigned missed a due time");
    }
}
