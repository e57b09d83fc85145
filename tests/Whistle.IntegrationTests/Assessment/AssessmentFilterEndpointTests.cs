using Alba;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Assessment;
using Whistle.Assessment.Credit;
using Whistle.Assessment.Territories;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.Assessment;

/// <summary>
/// The dashboards' filters: the department scorecards by sub-district and department, the territory scorecards by
/// sub-district, the credit files by company; the CSV honours them; an unknown code is 400 naming its field.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class AssessmentFilterEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    /// <summary>An illegal-parking whistle in 东关社区 (SD01): 公安 leads, 城管 co-handles; 公安 signs for.</summary>
    private async Task<string> AWhistleInSD01(string county)
    {
        var complaint = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"), county);
        await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/accept", Empty, county: county);
        IScenarioResult result = null!;
        await AfterDaemon(async () => result = await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/whistle",
            new BlowWhistle("请公安、城管到现场处置乱停车辆"), 201, county));
        var whistle = (await result.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        await AfterDaemon(() => Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/sign-for", Empty, county: county));
        var blown = (WhistleBlown)(await EventsOf(whistle, county))[0].Data;
        return AssessmentMonth.Of(blown.Assignments[0].Deadlines.SignForDue);
    }

    [Fact]
    public async Task the_month_scorecards_filter_by_sub_district_and_by_department_and_the_csv_follows()
    {
        var county = await App.NewCountyAsync();
        var month = await AWhistleInSD01(county);

        var sd01 = await Get<MonthScorecards>(Tokens.Office, $"/api/assessment/departments/{month}?subDistrict=SD01", county);
        var sd02 = await Get<MonthScorecards>(Tokens.Office, $"/api/assessment/departments/{month}?subDistrict=SD02", county);
        sd01.Scorecards.Single(s => s.Department == "gongan").Figures.Due.ShouldBe(1);
        sd02.Scorecards.Single(s => s.Department == "gongan").Figures.Due.ShouldBe(0);
        sd02.Ranking.ShouldAllBe(r => r.Rank == null);

        var chengguan = await Get<MonthScorecards>(Tokens.Office, $"/api/assessment/departments/{month}?department=chengguan", county);
        chengguan.Ranking.ShouldHaveSingleItem().ShouldSatisfyAllConditions(r => r.Department.ShouldBe("chengguan"), r => r.Rank.ShouldBe(2));
        chengguan.Scorecards.ShouldHaveSingleItem().Department.ShouldBe("chengguan");

        var csv = await Send(Tokens.Office, x => x.Get.Url($"/api/assessment/departments/{month}?department=chengguan&format=csv"), 200, county);
        var bytes = await csv.ReadAsTextAsync();
        bytes.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
    }

    [Fact]
    public async Task the_territory_scorecards_filter_by_sub_district()
    {
        var county = await App.NewCountyAsync();
        var month = await AWhistleInSD01(county);

        (await Get<MonthTerritories>(Tokens.Office, $"/api/assessment/territories/{month}?subDistrict=SD01", county)).Territories
            .Select(t => t.Code).ShouldBe(["SD01", "CM0101"]);
        (await Get<MonthTerritories>(Tokens.Office, $"/api/assessment/territories/{month}?subDistrict=SD02", county)).Territories.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_credit_files_filter_by_company()
    {
        var county = await App.NewCountyAsync();
        await AfterDaemon(() => Task.CompletedTask);

        var files = await Get<List<CreditFileSummary>>(Tokens.Office, "/api/assessment/companies?company=PC45", county);

        files.ShouldAllBe(f => f.Code == "PC45");
        files.Count.ShouldBeLessThanOrEqualTo(1);
    }

    [Theory]
    [InlineData("/api/assessment/departments/2026-11?subDistrict=SD99", "subDistrict")]
    [InlineData("/api/assessment/departments/2026-11?department=no-such", "department")]
    [InlineData("/api/assessment/territories/2026-11?subDistrict=SD99", "subDistrict")]
    [InlineData("/api/assessment/companies?company=PC999", "company")]
    public async Task an_unknown_code_is_400_naming_its_field(string url, string field)
    {
        var result = await Send(Tokens.Office, x => x.Get.Url(url), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe([field]);
    }
}
