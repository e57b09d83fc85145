using System.Text.Json;
using Alba;
using Shouldly;
using Whistle.Cases;
using Whistle.FeeDisputes;
using Whistle.Hosting.Projections;
using Whistle.Mediation;

namespace Whistle.IntegrationTests.Cases;

/// <summary>
/// The shared case list pages in SQL over one summary per case: paging through a county with more cases than a page,
/// across all three kinds, shows every case the caller may see once and only once, newest first with ties by id (descending).
/// </summary>
[Collection(SharedClock.Name)]
public sealed class CaseListPagingEndpointTests(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task paging_through_every_kind_shows_each_visible_case_once_for_roles_of_different_scope()
    {
        var county = await App.NewCountyAsync();
        var (east, elsewhere) = (new List<Guid>(), new List<Guid>());
        // Cases opened in the same minute tie on their opened time: the id decides their order.
        for (var i = 0; i < 4; i++) east.Add((await Lodge(county: county)).Id);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 2; i++) elsewhere.Add((await Lodge(complaint: NewComplaint("CP020101"), county: county)).Id);
        for (var i = 0; i < 3; i++)
        {
            App.Clock.Advance(TimeSpan.FromMinutes(1));
            elsewhere.Add(await IdOf(await Post(Tokens.Clerk, "/api/fee-disputes", new RaiseFeeDispute(
                DisputeRaiser.Company, "PC10", "CP010202", $"1-10{i}", new OwnerInput("钱六", "13600001111"),
                new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), 900m), 201, county)));
            elsewhere.Add(await IdOf(await Post(Tokens.Mediator, "/api/mediation/cases", new OpenMediationCase(
                new PartyInput("孙七", "13700002222"), new PartyInput("东关物业", null, true), $"停车位纠纷 {i}", CompoundCode: "CP010101"),
                201, county)));
        }
        east.Add((await Lodge(county: county)).Id);

        var all = await PagedThrough(Tokens.Office, "/api/cases?pageSize=4", county);
        var community = await PagedThrough(Tokens.Community, "/api/cases?pageSize=2", county);

        all.Totals.ShouldAllBe(t => t == 13);
        all.Pages.ShouldBe(4);
        all.Ids.ShouldBeUnique();
        all.Ids.Order().ShouldBe(east.Concat(elsewhere).Order());
        all.Ids.ShouldBe((await Get<CasePage>(Tokens.Office, "/api/cases?pageSize=100", county)).Items.Select(i => i.Id));
        all.Items.ShouldBe(all.Items.OrderByDescending(i => i.OpenedAt).ThenByDescending(i => i.Id).ToList());
        all.Items.Select(i => i.Kind).Distinct().Order().ShouldBe(["complaint", "fee-dispute", "mediation"]);

        // A community worker sees its own community's complaints (and fee disputes; none here), no mediation case.
        community.Totals.ShouldAllBe(t => t == 5);
        community.Pages.ShouldBe(3);
        community.Ids.ShouldBeUnique();
        community.Ids.Order().ShouldBe(east.Order());
        community.Items.ShouldBe(community.Items.OrderByDescending(i => i.OpenedAt).ThenByDescending(i => i.Id).ToList());
        community.Ids[0].ShouldBe(east[^1]);
    }

    [Fact]
    public async Task a_page_past_the_end_is_empty_and_keeps_the_total()
    {
        var county = await App.NewCountyAsync();
        await Lodge(county: county);
        await Lodge(county: county);

        var past = await Get<CasePage>(Tokens.Office, "/api/cases?page=3&pageSize=1", county);

        past.Items.ShouldBeEmpty();
        past.Total.ShouldBe(2);
        past.Page.ShouldBe(3);
    }

    [Fact]
    public async Task past_ten_thousand_matches_the_total_reads_the_cap_and_says_it_is_not_exact()
    {
        var county = await App.NewCountyAsync();
        // Opened at the county's local time (+08:00), as events loaded or replayed may carry it: held in UTC.
        var now = App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var summaries = Enumerable.Range(0, CaseListEndpoint.TotalCountedUpTo + 1).Select(i => new CaseSummary
        {
            Id = Guid.NewGuid(), Kind = CaseSummary.Complaint, Number = $"T{i:00000}", Status = "Lodged", Open = true,
            CommunityCode = i < 3 ? "CM0102" : "CM0101", SubDistrictCode = "SD01", OpenedAt = now.AddSeconds(-i), UpdatedAt = now,
        }).ToList();
        await App.Store.BulkInsertAsync(county, summaries, cancellation: TestContext.Current.CancellationToken);

        var first = await Get<CasePage>(Tokens.Office, "/api/cases?pageSize=20", county);
        var second = await Get<CasePage>(Tokens.Office, "/api/cases?page=2&pageSize=20", county);
        var few = await Get<CasePage>(Tokens.Office, "/api/cases?communityCode=CM0102", county);

        (first.Total, first.TotalIsExact).ShouldBe((10_000, false));
        first.Items.Select(i => i.Number).ShouldBe(summaries.Take(20).Select(s => s.Number));
        second.Items.Select(i => i.Number).ShouldBe(summaries.Skip(20).Take(20).Select(s => s.Number));
        (few.Total, few.TotalIsExact).ShouldBe((3, true));
        few.Items.Select(i => i.Number).ShouldBe(["T00000", "T00001", "T00002"]);
    }

    [Fact]
    public async Task a_role_that_sees_no_kind_asked_for_gets_an_empty_page()
    {
        var county = await App.NewCountyAsync();
        await Post(Tokens.Mediator, "/api/mediation/cases", new OpenMediationCase(
            new PartyInput("孙七", "13700002222"), new PartyInput("东关物业", null, true), "停车位纠纷", CompoundCode: "CP010101"), 201, county);

        var supervisor = await Get<CasePage>(Tokens.Supervisor, "/api/cases?kind=mediation", county);
        var closed = await Get<CasePage>(Tokens.Office, "/api/cases?open=false", county);
        var open = await Get<CasePage>(Tokens.Office, "/api/cases?open=true&communityCode=CM0101", county);

        supervisor.Items.ShouldBeEmpty();
        (supervisor.Total, supervisor.TotalIsExact).ShouldBe((0, true));
        (closed.Total, closed.TotalIsExact).ShouldBe((0, true));
        open.Items.ShouldHaveSingleItem().Kind.ShouldBe("mediation");
    }

    [Fact]
    public async Task the_summary_is_an_inline_projection_the_rebuild_endpoint_knows()
    {
        var overview = await Get<ProjectionOverview>(Tokens.Admin, "/api/admin/projections");

        overview.Projections.Where(p => p.Name == "CaseSummary").Select(p => p.Lifecycle).ShouldBe(["Inline"]);
    }

    private async Task<(List<CaseListItem> Items, List<Guid> Ids, List<long> Totals, int Pages)> PagedThrough(
        Tokens.User user, string url, string county)
    {
        var (items, totals, page) = (new List<CaseListItem>(), new List<long>(), 1);
        while (true)
        {
            var current = await Get<CasePage>(user, $"{url}&page={page}", county);
            totals.Add(current.Total);
            if (current.Items.Count == 0) break;
            items.AddRange(current.Items);
            page++;
        }
        return (items, items.Select(i => i.Id).ToList(), totals, page - 1);
    }

    private static async Task<Guid> IdOf(IScenarioResult result) =>
        (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
}
