using Shouldly;
using Whistle.Assessment;
using Whistle.Assessment.Territories;
using Whistle.Complaints;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.Assessment;

/// <summary>
/// The departments' rating of the whistler (RateWhistler) and the two-way assessment over the real pipeline: the
/// commands' HTTP contract, the async daemon caught up on demand (never a sleep), the endpoint with its scope.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class TwoWayAssessmentEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    /// <summary>An illegal-parking whistle in 东关社区 (城关街道 SD01) that 公安 signed for and replied to; 城管 has not replied.</summary>
    private async Task<(Guid Whistle, string Month)> GonganReplied(string county)
    {
        var complaint = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"), county);
        await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/accept", Empty, county: county);
        var blown = await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/whistle", new BlowWhistle("请公安、城管到现场处置乱停车辆"), 201, county);
        var whistle = (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/sign-for", Empty, county: county);
        await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/reply", new ReplyToAssignment("已到场处置"), county: county);
        var month = AssessmentMonth.Of(((ComplaintLodged)(await EventsOf(complaint.Id, county))[0].Data).At);
        return (whistle, month);
    }

    private static string Rate(Guid whistle, string department) => $"/api/whistles/{whistle}/assignments/{department}/rate-whistler";

    [Fact]
    public async Task a_department_that_replied_rates_the_whistler_once_and_the_rating_is_appended_to_the_whistle()
    {
        var county = await App.NewCountyAsync();
        var (whistle, _) = await GonganReplied(county);

        await Post(Tokens.Gongan, Rate(whistle, "gongan"), new RateWhistler(4, 5, "社区配合到位"), county: county);
        await Post(Tokens.Gongan, Rate(whistle, "gongan"), new RateWhistler(3, 3), 409, county);
        await Post(Tokens.Chengguan, Rate(whistle, "chengguan"), new RateWhistler(3, 3), 409, county);
        await Post(Tokens.Zhujian, Rate(whistle, "zhujian"), new RateWhistler(3, 3), 404, county);
        await Post(Tokens.Chengguan, Rate(whistle, "gongan"), new RateWhistler(3, 3), 404, county);
        await Post(Tokens.Community, Rate(whistle, "gongan"), new RateWhistler(3, 3), 403, county);
        await Post(Tokens.Gongan, Rate(whistle, "gongan"), new RateWhistler(0, 6), 400, county);

        var rated = (await EventsOf(whistle, county)).Select(e => e.Data).OfType<WhistlerRated>().ShouldHaveSingleItem();
        (rated.Department, rated.CommunityCode, rated.SubDistrictCode, rated.WellFounded, rated.Cooperation, rated.Comment)
            .ShouldBe(("gongan", "CM0101", "SD01", 4, 5, "社区配合到位"));
    }

    [Fact]
    public async Task the_two_way_assessment_puts_the_departments_rating_of_the_sub_district_beside_its_rating_of_them()
    {
        var county = await App.NewCountyAsync();
        var (whistle, month) = await GonganReplied(county);
        await Post(Tokens.Chengguan, $"/api/whistles/{whistle}/assignments/chengguan/sign-for", Empty, county: county);
        await Post(Tokens.Chengguan, $"/api/whistles/{whistle}/assignments/chengguan/reply", new ReplyToAssignment("已清理"), county: county);
        await Post(Tokens.Gongan, Rate(whistle, "gongan"), new RateWhistler(4, 5), county: county);
        await AfterDaemon(() => Post(Tokens.Community, $"/api/whistles/{whistle}/conclude",
            new ConcludeWhistle([new("gongan", 5, null), new("chengguan", 3, null)]), county: county));
        await AfterDaemon(() => Post(Tokens.Chengguan, Rate(whistle, "chengguan"), new RateWhistler(2, 3, "诉求部分不实"), county: county));

        var twoWay = await Get<TwoWayMonth>(Tokens.Office, $"/api/assessment/two-way/{month}", county);

        var sd = twoWay.SubDistricts.ShouldHaveSingleItem();
        (sd.SubDistrict, sd.RatingsGiven, sd.RatingGiven, sd.RatingsReceived, sd.RatingReceived).ShouldBe(("SD01", 2, (decimal?)4m, 2, (decimal?)3.5m));
        sd.Departments.ShouldBe(
        [
            new TwoWayPair("chengguan", 1, 3m, 1, 2m, 3m, 2.5m),
            new TwoWayPair("gongan", 1, 5m, 1, 4m, 5m, 4.5m),
        ]);
        var community = (await Get<MonthTerritories>(Tokens.Office, $"/api/assessment/territories/{month}", county)).Territories
            .Single(t => t.Level == TerritoryLevel.Community);
        (community.Figures.RatedByDepartments, community.Figures.WellFounded, community.Figures.Cooperation, community.Figures.RatingFromDepartments)
            .ShouldBe((2, (decimal?)3m, (decimal?)4m, (decimal?)3.5m));
    }

    [Fact]
    public async Task a_sub_district_officer_sees_its_own_sub_district_and_departments_and_communities_do_not_read_it()
    {
        var county = await App.NewCountyAsync();
        var (whistle, month) = await GonganReplied(county);
        await AfterDaemon(() => Post(Tokens.Gongan, Rate(whistle, "gongan"), new RateWhistler(4, 5), county: county));

        (await Get<TwoWayMonth>(Tokens.SubDistrict, $"/api/assessment/two-way/{month}", county)).SubDistricts.ShouldHaveSingleItem().SubDistrict.ShouldBe("SD01");
        (await Get<TwoWayMonth>(Tokens.Supervisor, $"/api/assessment/two-way/{month}", county)).SubDistricts.Count.ShouldBe(1);
        (await Get<TwoWayMonth>(Tokens.Analyst, $"/api/assessment/two-way/{month}", county)).SubDistricts.Count.ShouldBe(1);
        await Send(Tokens.Gongan, x => x.Get.Url($"/api/assessment/two-way/{month}"), 403, county);
        await Send(Tokens.Community, x => x.Get.Url($"/api/assessment/two-way/{month}"), 403, county);
        await Send(Tokens.Office, x => x.Get.Url("/api/assessment/two-way/2026-13"), 400, county);
    }
}
