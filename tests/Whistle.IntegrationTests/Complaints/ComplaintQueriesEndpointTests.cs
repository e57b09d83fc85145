using Marten;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Complaints;
using Whistle.Kernel;

namespace Whistle.IntegrationTests.Complaints;

[Collection(SharedClock.Name)]
public sealed class ComplaintQueriesEndpointTests(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task the_final_statuses_filter_open_complaints_in_sql()
    {
        var open = await Lodge();
        var declined = await LodgeAndMove(("decline", new DeclineComplaint("属于民事合同纠纷", null)));
        Guid[] ids = [open.Id, declined];

        await using var session = App.Store.QuerySession(AppFixture.County);
        var stillOpen = await session.Query<ComplaintDetails>()
            .Where(x => ids.Contains(x.Id) && !ComplaintStatuses.Final.Contains(x.Status))
            .Select(x => x.Id).ToListAsync(TestContext.Current.CancellationToken);

        stillOpen.ShouldBe([open.Id]);
        (await Details(declined)).IsOpen.ShouldBeFalse();
    }

    [Fact]
    public async Task an_unknown_complaint_is_404_problem_details()
    {
        var result = await Send(Tokens.Clerk, x => x.Get.Url($"/api/complaints/{Guid.NewGuid()}"), 404);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("不存在");
    }

    [Fact]
    public async Task a_community_worker_sees_only_their_communitys_complaints()
    {
        var lodged = await Lodge(complaint: NewComplaint("CP010101"));

        (await Details(lodged.Id, Tokens.Community)).Number.ShouldBe(lodged.Number);
        await Send(Tokens.OtherCommunity, x => x.Get.Url($"/api/complaints/{lodged.Id}"), 404);
    }

    [Fact]
    public async Task another_county_cannot_see_the_complaint()
    {
        var lodged = await Lodge();
        var elsewhere = await App.NewCountyAsync();

        await Send(Tokens.Clerk, x => x.Get.Url($"/api/complaints/{lodged.Id}"), 404, elsewhere);
    }

    [Fact]
    public async Task an_analyst_sees_the_complainant_masked()
    {
        var lodged = await Lodge();

        var details = await Details(lodged.Id, Tokens.Analyst);

        details.Complainant.ShouldBe(new Complainant("张*", "138****5678", "***"));
    }

    [Fact]
    public async Task the_list_filters_by_status_category_community_and_lodging_time_and_pages()
    {
        var county = await App.NewCountyAsync();
        var start = App.Clock.GetUtcNow();
        var parking = await Lodge(complaint: NewComplaint("CP010101", "illegal-parking"), county: county);
        var noise = await Lodge(complaint: NewComplaint("CP010201", "noise"), county: county);
        var elsewhere = await Lodge(complaint: NewComplaint("CP020101", "noise"), county: county);
        await Post(Tokens.Clerk, $"/api/complaints/{noise.Id}/accept", new { }, 200, county);

        async Task<ComplaintPage> List(string query, Tokens.User? user = null) =>
            await Get<ComplaintPage>(user ?? Tokens.Clerk, "/api/complaints" + query, county);

        (await List("")).Total.ShouldBe(3);
        (await List("?status=Accepted")).Items.Select(x => x.Id).ShouldBe([noise.Id]);
        (await List("?categoryId=noise")).Items.Select(x => x.Id).ShouldBe([elsewhere.Id, noise.Id], ignoreOrder: true);
        (await List("?communityId=CM0201")).Items.Select(x => x.Id).ShouldBe([elsewhere.Id]);
        (await List($"?number={parking.Number}")).Items.Single().Id.ShouldBe(parking.Id);
        (await List("?lodgedFrom=" + Uri.EscapeDataString(start.AddDays(1).ToString("O")))).Total.ShouldBe(0);
        (await List("?lodgedFrom=" + Uri.EscapeDataString(start.AddMinutes(-1).ToString("O")) + "&lodgedTo="
            + Uri.EscapeDataString(start.AddMinutes(1).ToString("O")))).Total.ShouldBe(3);

        var page = await List("?page=2&pageSize=2");
        page.Total.ShouldBe(3);
        page.Items.Count.ShouldBe(1);
        (await List("", Tokens.OtherCommunity)).Items.Select(x => x.Id).ShouldBe([elsewhere.Id]);
        (await List("", Tokens.SubDistrict)).Items.Select(x => x.CommunityId).ShouldBe(["CM0102", "CM0101"], ignoreOrder: true);
    }

    [Fact]
    public async Task past_ten_thousand_matches_the_total_reads_the_cap_and_a_community_or_status_stays_exact()
    {
        var county = await App.NewCountyAsync();
        // Lodged at the county's local time (+08:00), as Development's clock and loaded events give it: held in UTC.
        var now = App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var complaints = Enumerable.Range(0, CappedCount.Cap + 1).Select(i => new ComplaintDetails
        {
            Id = Guid.NewGuid(), Number = $"TS-2026-{i:000000}", Channel = ComplaintChannel.Hotline, Status = i < 3 ? ComplaintStatus.Accepted : ComplaintStatus.Lodged,
            CategoryId = "noise", CompoundId = "CP010101", CommunityId = i is >= 3 and < 8 ? "CM0102" : "CM0101", SubDistrictId = "SD01",
            Complainant = new Complainant("张三", "13812345678", null), Description = $"噪音 {i}",
            LodgedAt = now.AddSeconds(-i), UpdatedAt = now,
        }).ToList();
        await App.Store.BulkInsertAsync(county, complaints, cancellation: TestContext.Current.CancellationToken);

        async Task<ComplaintPage> List(string query) => await Get<ComplaintPage>(Tokens.Supervisor, "/api/complaints" + query, county);
        var first = await List("?pageSize=20");
        var second = await List("?page=2&pageSize=20");
        var accepted = await List("?status=Accepted");
        var community = await List("?communityId=CM0102");
        var lastMinute = await List("?lodgedFrom=" + Uri.EscapeDataString(now.AddSeconds(-59).ToString("O")));

        (first.Total, first.TotalIsExact).ShouldBe((10_000, false));
        first.Items.Select(i => i.Number).ShouldBe(complaints.Take(20).Select(c => c.Number));
        first.Items[0].LodgedAt.ShouldBe(now);
        second.Items.Select(i => i.Number).ShouldBe(complaints.Skip(20).Take(20).Select(c => c.Number));
        (accepted.Total, accepted.TotalIsExact).ShouldBe((3, true));
        accepted.Items.Select(i => i.Number).ShouldBe(["TS-2026-000000", "TS-2026-000001", "TS-2026-000002"]);
        (community.Total, community.TotalIsExact).ShouldBe((5, true));
        community.Items.Select(i => i.Number).ShouldBe(["TS-2026-000003", "TS-2026-000004", "TS-2026-000005", "TS-2026-000006", "TS-2026-000007"]);
        (lastMinute.Total, lastMinute.TotalIsExact).ShouldBe((60, true));
    }

    [Fact]
    public async Task the_list_masks_the_complainant()
    {
        var county = await App.NewCountyAsync();
        await Lodge(county: county);

        var page = await Get<ComplaintPage>(Tokens.Clerk, "/api/complaints", county);

        page.Items.Single().ComplainantName.ShouldBe("张*");
    }

    [Fact]
    public async Task bad_list_filters_are_400_naming_each()
    {
        var result = await Send(Tokens.Clerk, x => x.Get.Url("/api/complaints?status=Sleeping&pageSize=500&lodgedFrom=yesterday"), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys
            .ShouldBe(["status", "pageSize", "lodgedFrom"], ignoreOrder: true);
    }

    [Fact]
    public async Task a_department_officer_cannot_list_complaints()
    {
        await Send(Tokens.Chengguan, x => x.Get.Url("/api/complaints"), 403);
    }

    [Fact]
    public async Task the_categories_are_those_of_the_catalogue_in_force()
    {
        var categories = await Get<List<Whistle.County.Catalogue.ComplaintCategory>>(Tokens.Clerk, "/api/complaint-categories");

        categories.Select(c => c.Id).ShouldBe(Whistle.County.Catalogue.DefaultCatalogue.Entries.Select(e => e.CategoryId));
    }
}
