using Shouldly;
using Whistle.Cases;
using Whistle.FeeDisputes;

namespace Whistle.IntegrationTests.Cases;

[Collection(SharedClock.Name)]
public sealed class CaseListEndpointTests(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task every_case_kind_is_in_the_shared_list()
    {
        var county = await App.NewCountyAsync();
        var complaint = await Lodge(county: county);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var dispute = (await (await Post(Tokens.Clerk, "/api/fee-disputes", new RaiseFeeDispute(
            DisputeRaiser.Company, "PC10", "CP010202", "1-101", new OwnerInput("钱六", "13600001111"),
            new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), 900m), 201, county)).ReadAsJsonAsync<FeeDisputeRaisedResponse>())!;
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var mediation = (await (await Post(Tokens.Mediator, $"/api/fee-disputes/{dispute.Id}/mediation",
            new ReferFeeDisputeToMediation(), 201, county)).ReadAsJsonAsync<MediationStarted>())!;

        var all = await Get<CasePage>(Tokens.Office, "/api/cases", county);
        var disputes = await Get<CasePage>(Tokens.Office, "/api/cases?kind=fee-dispute", county);
        var east = await Get<CasePage>(Tokens.Community, "/api/cases", county);
        var page = await Get<CasePage>(Tokens.Office, "/api/cases?page=2&pageSize=2", county);

        all.Total.ShouldBe(3);
        all.Items.Select(i => (i.Kind, i.Number)).ShouldBe(
            [("mediation", mediation.Number), ("fee-dispute", dispute.Number), ("complaint", complaint.Number)]);
        all.Items.ShouldAllBe(i => i.Open);
        disputes.Items.ShouldHaveSingleItem().Url.ShouldBe($"/api/fee-disputes/{dispute.Id}");
        east.Items.Select(i => i.Kind).ShouldBe(["complaint"]);
        page.Items.ShouldHaveSingleItem().Kind.ShouldBe("complaint");
    }

    [Fact]
    public async Task an_unknown_kind_is_400()
    {
        await Send(Tokens.Office, x => x.Get.Url("/api/cases?kind=lawsuit"), 400);
        await Send(Tokens.Office, x => x.Get.Url("/api/cases?pageSize=0"), 400);
    }
}
