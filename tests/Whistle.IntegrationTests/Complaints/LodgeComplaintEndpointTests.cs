using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Complaints;

namespace Whistle.IntegrationTests.Complaints;

[Collection(SharedClock.Name)]
public sealed class LodgeComplaintEndpointTests(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task lodging_answers_201_with_the_number_and_the_location_of_the_details()
    {
        var county = await App.NewCountyAsync();
        var result = await Post(Tokens.Clerk, "/api/complaints", NewComplaint(), 201, county);

        var lodged = (await result.ReadAsJsonAsync<LodgedComplaint>())!;
        var year = App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        lodged.Number.ShouldBe($"TS-{year}-000001");
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/complaints/{lodged.Id}");

        var details = await Get<ComplaintDetails>(Tokens.Clerk, $"/api/complaints/{lodged.Id}", county);
        details.Number.ShouldBe(lodged.Number);
        details.Status.ShouldBe(ComplaintStatus.Lodged);
        details.CompoundId.ShouldBe("CP010101");
        details.CommunityId.ShouldBe("CM0101");
        details.SubDistrictId.ShouldBe("SD01");
        details.Complainant.ShouldBe(new Complainant("张*", "138****5678", "***"));
        (await Unmasked($"/api/complaints/{lodged.Id}", county: county)).ShouldBe(new Dictionary<string, string>
        {
            ["complainant.name"] = "张三", ["complainant.phone"] = "13812345678", ["complainant.address"] = "东关花园3号楼2单元",
        });
        details.LodgedBy.UserId.ShouldBe("clerk");
        details.LodgedAt.ShouldBe(App.Clock.GetUtcNow());
        details.Version.ShouldBe(1);
    }

    [Fact]
    public async Task a_community_worker_lodges_for_a_compound_of_their_own_community()
    {
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010102"));
        (await Details(lodged.Id, Tokens.Community)).CompoundId.ShouldBe("CP010102");
    }

    [Fact]
    public async Task a_community_worker_cannot_lodge_for_another_community_and_nothing_is_appended()
    {
        var county = await App.NewCountyAsync();
        var result = await Post(Tokens.OtherCommunity, "/api/complaints", NewComplaint("CP010101"), 403, county);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("不在您的辖区");
        (await ComplaintCount(county)).ShouldBe(0);
    }

    [Fact]
    public async Task missing_fields_are_400_with_each_field_named_and_nothing_appended()
    {
        var county = await App.NewCountyAsync();
        var result = await PostRaw(Tokens.Clerk, "/api/complaints", "{}", 400, county);

        var problem = (await result.ReadAsJsonAsync<ValidationProblemDetails>())!;
        problem.Errors.Keys.ShouldBe(["channel", "categoryId", "compoundId", "description", "complainant"], ignoreOrder: true);
        (await ComplaintCount(county)).ShouldBe(0);
    }

    [Fact]
    public async Task an_oversized_description_is_400()
    {
        var county = await App.NewCountyAsync();
        var result = await Post(Tokens.Clerk, "/api/complaints",
            NewComplaint() with { Description = new string('吵', 2001) }, 400, county);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors["description"][0].ShouldContain("2000");
        (await ComplaintCount(county)).ShouldBe(0);
    }

    [Fact]
    public async Task an_unknown_compound_or_category_is_400()
    {
        var county = await App.NewCountyAsync();
        var result = await Post(Tokens.Clerk, "/api/complaints",
            NewComplaint(compound: "CP999999", category: "ufo-sighting"), 400, county);

        var errors = (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors;
        errors["compoundId"][0].ShouldContain("CP999999");
        errors["categoryId"][0].ShouldContain("ufo-sighting");
        (await ComplaintCount(county)).ShouldBe(0);
    }

    [Fact]
    public async Task malformed_json_is_400_problem_details()
    {
        var county = await App.NewCountyAsync();
        var result = await PostRaw(Tokens.Clerk, "/api/complaints", "{\"channel\": \"Hotline\", ", 400, county);

        result.Context.Response.ContentType.ShouldStartWith("application/problem+json");
        (await ComplaintCount(county)).ShouldBe(0);
    }

    [Fact]
    public async Task an_unknown_channel_is_400()
    {
        var county = await App.NewCountyAsync();
        await PostRaw(Tokens.Clerk, "/api/complaints",
            """{"channel":"Fax","categoryId":"noise","compoundId":"CP010101","complainant":{"name":"张三","phone":"123"},"description":"吵"}""",
            400, county);
        (await ComplaintCount(county)).ShouldBe(0);
    }

    [Fact]
    public async Task without_a_token_it_is_401()
    {
        var result = await Post(null, "/api/complaints", NewComplaint(), 401);
        result.Context.Response.ContentType.ShouldStartWith("application/problem+json");
    }

    [Fact]
    public async Task an_analyst_may_not_lodge()
    {
        await Post(Tokens.Analyst, "/api/complaints", NewComplaint(), 403);
    }
}
