using System.Text.Json;
using Shouldly;
using Whistle.FeeDisputes;
using Whistle.Mediation;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.Cases;

/// <summary>
/// One scope for lists and details: for every role, every kind of case, own and foreign area or department, a case is
/// in a list exactly when its details open (no list row that answers 404, no details that no list shows).
/// </summary>
[Collection(SharedClock.Name)]
public sealed class ScopeAgreementTests(AppFixture app) : IntegrationContext(app)
{
    private sealed record Case(string Name, string Kind, Guid Id, string Details);

    private static readonly (Tokens.User User, string[] Sees)[] Expected =
    [
        (Tokens.Clerk, ["A", "B", "W", "F", "M"]),
        (Tokens.Community, ["A", "W"]),
        (Tokens.OtherCommunity, ["B"]),
        (Tokens.SubDistrict, ["A", "W", "F"]),
        (Tokens.Chengguan, ["W"]),
        (Tokens.Gongan, ["W"]),
        (Tokens.Zhujian, []),
        (Tokens.Mediator, ["A", "B", "F", "M"]),
        (Tokens.Office, ["A", "B", "W", "F", "M"]),
        (Tokens.Analyst, ["A", "B", "W", "F", "M"]),
        (Tokens.Admin, ["A", "B", "W", "F", "M"]),
        (Tokens.Supervisor, ["A", "B", "W"]),
    ];

    /// <summary>The lists, each with the kinds of case it shows.</summary>
    private static readonly (string Url, string[] Kinds)[] Lists =
    [
        ("/api/cases?pageSize=100", ["complaint", "fee-dispute", "mediation"]),
        ("/api/complaints?pageSize=100", ["complaint"]),
        ("/api/whistles", ["whistle"]),
        ("/api/fee-disputes", ["fee-dispute"]),
    ];

    [Fact]
    public async Task every_role_finds_in_its_lists_exactly_the_cases_whose_details_it_may_open()
    {
        var county = await App.NewCountyAsync();
        var cases = await CasesIn(county);

        foreach (var (user, sees) in Expected)
        {
            var opens = new HashSet<string>();
            foreach (var c in cases)
            {
                var status = await StatusOf(user, c.Details, county);
                status.ShouldBeOneOf([200, 403, 404], $"{user.Id} GET {c.Details}");
                if (status == 200) opens.Add(c.Name);
            }
            opens.Order().ShouldBe(sees.Order(), $"{user.Id} opens");

            foreach (var (url, kinds) in Lists)
            {
                var (status, ids) = await ListOf(user, url, county);
                var shown = cases.Where(c => kinds.Contains(c.Kind));
                if (status == 403)
                {
                    shown.Where(c => opens.Contains(c.Name)).ShouldBeEmpty($"{user.Id} is refused {url} yet opens these");
                    continue;
                }
                status.ShouldBe(200, $"{user.Id} GET {url}");
                shown.Where(c => ids.Contains(c.Id)).Select(c => c.Name).Order()
                    .ShouldBe(shown.Where(c => opens.Contains(c.Name)).Select(c => c.Name).Order(), $"{user.Id} lists in {url}");
            }
        }
    }

    [Fact]
    public async Task a_worker_whose_token_names_no_area_lists_nothing_and_opens_nothing()
    {
        var county = await App.NewCountyAsync();
        var cases = await CasesIn(county);
        var stray = new Tokens.User("stray", Kernel.Roles.Community);

        foreach (var (url, _) in Lists)
        {
            var (status, ids) = await ListOf(stray, url, county);
            status.ShouldBe(200, url);
            ids.ShouldBeEmpty(url);
        }
        foreach (var c in cases.Where(c => c.Kind != "mediation"))
            (await StatusOf(stray, c.Details, county)).ShouldBe(404, c.Details);
    }

    /// <summary>
    /// A: a complaint of CM0101 (SD01) with W, its whistle to 公安 and 城管; B: a complaint of CM0201 (SD02);
    /// F: a fee dispute of CM0102 (SD01); M: a mediation case of CM0101.
    /// </summary>
    private async Task<List<Case>> CasesIn(string county)
    {
        var a = await Lodge(county: county);
        await Post(Tokens.Community, $"/api/complaints/{a.Id}/accept", new { }, 200, county);
        var whistle = (await (await Post(Tokens.Community, $"/api/complaints/{a.Id}/whistle", new BlowWhistle("请公安、城管到场"), 201, county))
            .ReadAsJsonAsync<JsonElement>()).GetProperty("whistleId").GetGuid();
        var b = await Lodge(complaint: NewComplaint("CP020101"), county: county);
        var dispute = (await (await Post(Tokens.Clerk, "/api/fee-disputes", new RaiseFeeDispute(
            DisputeRaiser.Company, "PC10", "CP010202", "1-101", new OwnerInput("钱六", "13600001111"),
            new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), 900m), 201, county)).ReadAsJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var mediation = (await (await Post(Tokens.Mediator, "/api/mediation/cases", new OpenMediationCase(
            new PartyInput("孙七", "13700002222"), new PartyInput("东关物业", null, true), "停车位纠纷", CompoundCode: "CP010101"), 201, county))
            .ReadAsJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return
        [
            new("A", "complaint", a.Id, $"/api/complaints/{a.Id}"),
            new("B", "complaint", b.Id, $"/api/complaints/{b.Id}"),
            new("W", "whistle", whistle, $"/api/whistles/{whistle}"),
            new("F", "fee-dispute", dispute, $"/api/fee-disputes/{dispute}"),
            new("M", "mediation", mediation, $"/api/mediation/cases/{mediation}"),
        ];
    }

    private async Task<int> StatusOf(Tokens.User user, string url, string county)
    {
        var result = await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(user, county));
            x.Get.Url(url);
            x.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }

    private async Task<(int Status, HashSet<Guid> Ids)> ListOf(Tokens.User user, string url, string county)
    {
        var result = await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(user, county));
            x.Get.Url(url);
            x.IgnoreStatusCode();
        });
        var status = result.Context.Response.StatusCode;
        if (status != 200) return (status, []);
        var json = await result.ReadAsJsonAsync<JsonElement>();
        var rows = json.ValueKind == JsonValueKind.Array ? json : json.GetProperty("items");
        return (status, rows.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToHashSet());
    }
}
