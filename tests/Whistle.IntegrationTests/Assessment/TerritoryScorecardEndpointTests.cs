using System.Text;
using Alba;
using Shouldly;
using Whistle.Assessment;
using Whistle.Assessment.Territories;
using Whistle.Complaints;
using Whistle.Kernel;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.Assessment;

/// <summary>
/// The territory scorecards over the real pipeline: the complaints' and whistles' commands, the async daemon (paused,
/// then caught up on demand — never a sleep), the endpoint with its scope, bad input and CSV. Each test works in a
/// county of its own.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class TerritoryScorecardEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    /// <summary>Two complaints in 东关社区 (CM0101, 城关街道 SD01): one whistled, one resolved and followed up in time.</summary>
    private async Task<string> TwoComplaints(string county)
    {
        var whistled = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"), county);
        await Post(Tokens.Community, $"/api/complaints/{whistled.Id}/accept", Empty, county: county);
        await Post(Tokens.Community, $"/api/complaints/{whistled.Id}/whistle", new BlowWhistle("请公安、城管到现场处置乱停车辆"), 201, county);

        var solved = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"), county);
        await Post(Tokens.Community, $"/api/complaints/{solved.Id}/accept", Empty, county: county);
        await Post(Tokens.Community, $"/api/complaints/{solved.Id}/resolve", new ResolveComplaint("车辆已挪走。"), county: county);
        await AfterDaemon(() => Post(Tokens.Community, $"/api/complaints/{solved.Id}/follow-up",
            new RecordFollowUp(Satisfaction.Satisfied, null), county: county));

        var lodged = (ComplaintLodged)(await EventsOf(whistled.Id, county))[0].Data;
        return AssessmentMonth.Of(lodged.At);
    }

    private Task<MonthTerritories> Month(Tokens.User user, string county, string month) =>
        Get<MonthTerritories>(user, $"/api/assessment/territories/{month}", county);

    [Fact]
    public async Task the_daemon_builds_the_community_and_sub_district_scorecards_of_the_month()
    {
        var county = await App.NewCountyAsync();
        var month = await TwoComplaints(county);

        var territories = await Month(Tokens.Office, county, month);

        territories.Territories.Select(t => (t.Level, t.Code, t.SubDistrict))
            .ShouldBe([(TerritoryLevel.SubDistrict, "SD01", "SD01"), (TerritoryLevel.Community, "CM0101", "SD01")]);
        foreach (var territory in territories.Territories)
            territory.Figures.ShouldBe(new TerritoryFigures(
                Cases: 2, Whistled: 1, WhistleRate: 0.5m, ResolvedWithoutWhistle: 1, FollowUps: 1, FollowUpsInTime: 1, WhistlesConcluded: 0, Ratings: 0));
    }

    [Fact]
    public async Task a_concluded_whistle_and_its_ratings_reach_the_scorecards_through_the_whistles_stream()
    {
        var county = await App.NewCountyAsync();
        var complaint = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"), county);
        await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/accept", Empty, county: county);
        var blown = await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/whistle", new BlowWhistle("请公安、城管到现场处置乱停车辆"), 201, county);
        var whistle = (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        foreach (var (officer, department) in new[] { (Tokens.Gongan, "gongan"), (Tokens.Chengguan, "chengguan") })
        {
            await Post(officer, $"/api/whistles/{whistle}/assignments/{department}/sign-for", Empty, county: county);
            await Post(officer, $"/api/whistles/{whistle}/assignments/{department}/reply", new ReplyToAssignment("已到场处置"), county: county);
        }
        await AfterDaemon(() => Post(Tokens.Community, $"/api/whistles/{whistle}/conclude",
            new ConcludeWhistle([new("gongan", 5, null), new("chengguan", 4, null)]), county: county));
        await AfterDaemon(() => Post(Tokens.Community, $"/api/complaints/{complaint.Id}/resolve", new ResolveComplaint("部门已处置完毕"), county: county));

        var month = AssessmentMonth.Of(((ComplaintLodged)(await EventsOf(complaint.Id, county))[0].Data).At);
        var community = (await Month(Tokens.Community, county, month)).Territories.ShouldHaveSingleItem();
        community.Figures.ShouldBe(new TerritoryFigures(
            Cases: 1, Whistled: 1, WhistleRate: 1m, ResolvedWithoutWhistle: 0, FollowUps: 0, FollowUpsInTime: 0, WhistlesConcluded: 1, Ratings: 2));
    }

    [Fact]
    public async Task a_sub_district_officer_sees_its_own_territories_and_a_community_worker_its_own_community()
    {
        var county = await App.NewCountyAsync();
        var month = await TwoComplaints(county);

        (await Month(Tokens.SubDistrict, county, month)).Territories.Count.ShouldBe(2);
        (await Month(Tokens.Community, county, month)).Territories.ShouldHaveSingleItem().Code.ShouldBe("CM0101");
        (await Month(Tokens.OtherCommunity, county, month)).Territories.ShouldBeEmpty();
        (await Month(Tokens.Analyst, county, month)).Territories.Count.ShouldBe(2);
        (await Month(Tokens.Supervisor, county, month)).Territories.Count.ShouldBe(2);
    }

    [Fact]
    public async Task the_csv_export_is_utf8_with_a_byte_order_mark()
    {
        var county = await App.NewCountyAsync();
        var month = await TwoComplaints(county);

        var result = await Send(Tokens.Office, x => x.Get.Url($"/api/assessment/territories/{month}?format=csv"), 200, county);

        result.Context.Response.ContentType.ShouldBe("text/csv; charset=utf-8");
        var bytes = await Bytes(result);
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var rows = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        rows[0].ShouldBe(string.Join(',', TerritoryScorecardsEndpoint.CsvHeader));
        rows[1].ShouldBe($"{month},subdistrict,SD01,SD01,2,1,0.5,1,1,1,0,0,0,,,");
    }

    [Fact]
    public async Task each_scorecard_reads_its_territorys_cases_two_communities_their_sub_district_and_a_foreign_one()
    {
        var county = await App.NewCountyAsync();
        var east = await Lodge(Tokens.Community, NewComplaint("CP010101"), county);   // 东关社区 CM0101, 城关街道 SD01
        await Post(Tokens.Community, $"/api/complaints/{east.Id}/accept", Empty, county: county);
        await Post(Tokens.Community, $"/api/complaints/{east.Id}/whistle", new BlowWhistle("请公安、城管到现场处置乱停车辆"), 201, county);
        var west = await Lodge(Tokens.Clerk, NewComplaint("CP010201"), county);      // CM0102, SD01
        LodgedComplaint river = null!;
        await AfterDaemon(async () => river = await Lodge(Tokens.Clerk, NewComplaint("CP020101"), county));   // CM0201, SD02
        var month = AssessmentMonth.Of(((ComplaintLodged)(await EventsOf(east.Id, county))[0].Data).At);
        static IEnumerable<(string, string, string, int, int)> Rows(MonthTerritories m) =>
            m.Territories.Select(t => (t.Level, t.Code, t.SubDistrict, t.Figures.Cases, t.Figures.Whistled));
        const string sd = TerritoryLevel.SubDistrict, cm = TerritoryLevel.Community;

        var all = await Month(Tokens.Office, county, month);
        Rows(all).ShouldBe(
        [
            (sd, "SD01", "SD01", 2, 1), (sd, "SD02", "SD02", 1, 0),
            (cm, "CM0101", "SD01", 1, 1), (cm, "CM0102", "SD01", 1, 0), (cm, "CM0201", "SD02", 1, 0),
        ]);
        all.Territories[0].Cases.Select(c => c.ComplaintId).ShouldBe([east.Id, west.Id]);   // in the order they were lodged
        Rows(await Month(Tokens.SubDistrict, county, month)).ShouldBe(
            [(sd, "SD01", "SD01", 2, 1), (cm, "CM0101", "SD01", 1, 1), (cm, "CM0102", "SD01", 1, 0)]);
        Rows(await Month(new Tokens.User("subdistrict-sd02", Roles.SubDistrict, "SD02"), county, month)).ShouldBe(
            [(sd, "SD02", "SD02", 1, 0), (cm, "CM0201", "SD02", 1, 0)]);
        Rows(await Month(Tokens.Community, county, month)).ShouldBe([(cm, "CM0101", "SD01", 1, 1)]);
        Rows(await Month(Tokens.OtherCommunity, county, month)).ShouldBe([(cm, "CM0201", "SD02", 1, 0)]);
        Rows(await Get<MonthTerritories>(Tokens.Office, $"/api/assessment/territories/{month}?subDistrict=SD02", county)).ShouldBe(
            [(sd, "SD02", "SD02", 1, 0), (cm, "CM0201", "SD02", 1, 0)]);
        river.Id.ShouldBe(all.Territories[1].Cases.Single().ComplaintId);

        // Another month holds none of them; the two-way assessment groups the same cases by sub-district.
        var next = DateTime.ParseExact(month, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture).AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        (await Month(Tokens.Office, county, next)).Territories.ShouldBeEmpty();
        (await Get<TwoWayMonth>(Tokens.Office, $"/api/assessment/two-way/{month}", county)).SubDistricts.Select(s => s.SubDistrict).ShouldBe(["SD01", "SD02"]);
        (await Get<TwoWayMonth>(new Tokens.User("subdistrict-sd02", Roles.SubDistrict, "SD02"), $"/api/assessment/two-way/{month}", county))
            .SubDistricts.Select(s => s.SubDistrict).ShouldBe(["SD02"]);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("november")]
    public async Task a_malformed_month_is_400(string month)
    {
        var result = await Send(Tokens.Office, x => x.Get.Url($"/api/assessment/territories/{month}"), 400);
        (await result.ReadAsJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!.Errors.ShouldContainKey("month");
    }

    [Fact]
    public async Task an_unknown_format_is_400_and_roles_without_the_territory_assessment_403()
    {
        await Send(Tokens.Office, x => x.Get.Url("/api/assessment/territories/2026-11?format=xlsx"), 400);
        await Send(Tokens.Gongan, x => x.Get.Url("/api/assessment/territories/2026-11"), 403);
        await Send(Tokens.Clerk, x => x.Get.Url("/api/assessment/territories/2026-11"), 403);
        await Send(Tokens.Mediator, x => x.Get.Url("/api/assessment/territories/2026-11"), 403);
        await Send(null, x => x.Get.Url("/api/assessment/territories/2026-11"), 401);
    }

    private static async Task<byte[]> Bytes(IScenarioResult result)
    {
        using var stream = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(stream, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }
}
