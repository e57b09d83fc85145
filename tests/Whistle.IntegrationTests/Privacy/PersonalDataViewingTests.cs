using System.Net;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.FeeDisputes;
using Whistle.Privacy;

namespace Whistle.IntegrationTests.Privacy;

/// <summary>
/// Unmasking a case's personal data (<c>POST …/personal-data</c>): only with a purpose, only for a role that may and a
/// case the user sees, each viewing recorded on a stream of its own and listed for analysts and administrators; every
/// refusal appends nothing. Each test works in a county of its own, so the record's counts are exact; one moves the
/// shared clock between viewings to order them.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class PersonalDataViewingTests(AppFixture app) : IntegrationContext(app)
{
    private const string Purpose = "回访投诉人，核实处理结果";

    private static RaiseFeeDispute Dispute() => new(
        DisputeRaiser.Company, "PC45", "CP010101", "3号楼2单元501", new OwnerInput("赵五", "13700001234"),
        new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 2400m);

    private async Task<long> ViewingEvents(string county)
    {
        await using var session = App.Store.QuerySession(county);
        return await session.Events.QueryRawEventDataOnly<PersonalDataViewed>().CountAsync();
    }

    private async Task<PersonalDataViewingPage> Viewings(string county, string query = "", Tokens.User? reader = null) =>
        await Get<PersonalDataViewingPage>(reader ?? Tokens.Analyst, "/api/personal-data/viewings" + query, county);

    [Fact]
    public async Task a_clerk_unmasks_a_complaint_for_a_purpose_and_the_viewing_is_recorded_apart_from_the_case()
    {
        var county = await App.NewCountyAsync();
        var lodged = await Lodge(county: county);

        var result = await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/personal-data", new ViewPersonalData($"  {Purpose} ", null), 200, county);

        var disclosure = (await result.ReadAsJsonAsync<PersonalDataDisclosure>())!;
        disclosure.Data.Select(d => (d.Field, d.Kind, d.Value, d.Masked)).ShouldBe(
        [
            ("complainant.name", PersonalDataKind.Name, "张三", "张*"),
            ("complainant.phone", PersonalDataKind.Phone, "13812345678", "138****5678"),
            ("complainant.address", PersonalDataKind.Address, "东关花园3号楼2单元", "***"),
        ]);
        (disclosure.CaseId, disclosure.CaseKind, disclosure.CaseNumber, disclosure.Purpose).ShouldBe((lodged.Id, "complaint", lodged.Number, Purpose));
        // The case's own history is untouched: looking is not a step of the case.
        (await EventsOf(lodged.Id, county)).Count.ShouldBe(1);
        var viewed = (await EventsOf(disclosure.ViewingId, county)).ShouldHaveSingleItem().Data.ShouldBeOfType<PersonalDataViewed>();
        (viewed.CaseId, viewed.Purpose, viewed.By.UserId, viewed.By.Role).ShouldBe((lodged.Id, Purpose, "clerk", "clerk"));
        viewed.Fields.ShouldBe(["complainant.name", "complainant.phone", "complainant.address"]);

        var listed = (await Viewings(county)).Items.ShouldHaveSingleItem();
        (listed.Id, listed.CaseId, listed.CaseNumber, listed.UserId, listed.Role, listed.Purpose).ShouldBe(
            (disclosure.ViewingId, lodged.Id, lodged.Number, "clerk", "clerk", Purpose));
        listed.Fields.ShouldBe(viewed.Fields);
        listed.At.ShouldBe(disclosure.At);
    }

    [Fact]
    public async Task asking_for_phones_only_shows_the_phone_and_records_that_field_alone()
    {
        var county = await App.NewCountyAsync();
        var lodged = await Lodge(county: county);

        var result = await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/personal-data", new ViewPersonalData(Purpose, [PersonalDataKind.Phone]), 200, county);

        (await result.ReadAsJsonAsync<PersonalDataDisclosure>())!.Data.Select(d => d.Value).ShouldBe(["13812345678"]);
        (await Viewings(county)).Items.ShouldHaveSingleItem().Fields.ShouldBe(["complainant.phone"]);
    }

    [Fact]
    public async Task fee_disputes_and_mediation_cases_are_unmasked_the_same_way()
    {
        var county = await App.NewCountyAsync();
        var raised = (await (await Post(Tokens.Clerk, "/api/fee-disputes", Dispute(), 201, county)).ReadAsJsonAsync<FeeDisputeRaisedResponse>())!;

        (await Unmasked($"/api/fee-disputes/{raised.Id}", Tokens.Mediator, county)).ShouldBe(new Dictionary<string, string>
        {
            ["owner.name"] = "赵五", ["owner.phone"] = "13700001234",
        });
        (await Get<FeeDisputeDetails>(Tokens.Clerk, $"/api/fee-disputes/{raised.Id}", county)).OwnerPhone.ShouldBe("137****1234");
        var listed = (await Viewings(county, $"?caseId={raised.Id}", Tokens.Admin)).Items.ShouldHaveSingleItem();
        (listed.CaseKind, listed.UserId).ShouldBe(("fee-dispute", "mediator"));
    }

    [Fact]
    public async Task an_analyst_may_not_unmask_and_nothing_is_recorded()
    {
        var county = await App.NewCountyAsync();
        var lodged = await Lodge(county: county);

        var refused = await Post(Tokens.Analyst, $"/api/complaints/{lodged.Id}/personal-data", new ViewPersonalData(Purpose, null), 403, county);

        (await refused.ReadAsJsonAsync<ProblemDetails>())!.Detail.ShouldBe("您的角色只能查看脱敏后的个人信息。 Your role sees personal data masked only.");
        (await ViewingEvents(county)).ShouldBe(0);
    }

    [Fact]
    public async Task a_case_outside_the_users_scope_or_of_no_kind_they_read_is_not_found_and_nothing_is_recorded()
    {
        var county = await App.NewCountyAsync();
        var lodged = await Lodge(county: county);

        await Post(Tokens.OtherCommunity, $"/api/complaints/{lodged.Id}/personal-data", new ViewPersonalData(Purpose, null), 404, county);
        await Post(Tokens.Clerk, $"/api/complaints/{Guid.NewGuid()}/personal-data", new ViewPersonalData(Purpose, null), 404, county);
        await Post(Tokens.Clerk, $"/api/mediation/cases/{lodged.Id}/personal-data", new ViewPersonalData(Purpose, null), 404, county);
        await Post(Tokens.Gongan, $"/api/complaints/{lodged.Id}/personal-data", new ViewPersonalData(Purpose, null), 403, county);

        (await ViewingEvents(county)).ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"kinds": null}""", "purpose")]
    [InlineData("""{"purpose": "   "}""", "purpose")]
    [InlineData("""{"purpose": "看"}""", "purpose")]
    [InlineData("""{"purpose": "回访", "kinds": ["Phone", "Phone"]}""", "kinds")]
    [InlineData("""{"purpose": "回访", "kinds": [9]}""", "kinds[0]")]
    public async Task a_purpose_missing_or_too_short_or_bad_kinds_are_400_naming_the_field_and_nothing_is_recorded(string body, string field)
    {
        var county = await App.NewCountyAsync();
        var lodged = await Lodge(county: county);

        var refused = await PostRaw(Tokens.Clerk, $"/api/complaints/{lodged.Id}/personal-data", body, 400, county);

        (await refused.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe([field]);
        (await ViewingEvents(county)).ShouldBe(0);
    }

    [Fact]
    public async Task a_purpose_of_201_characters_is_400()
    {
        var county = await App.NewCountyAsync();
        var lodged = await Lodge(county: county);

        await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/personal-data", new ViewPersonalData(new string('查', 201), null), 400, county);
        await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/personal-data", new ViewPersonalData(new string('查', 200), null), 200, county);

        (await ViewingEvents(county)).ShouldBe(1);
    }

    [Fact]
    public async Task ten_viewings_at_once_are_ten_records()
    {
        var county = await App.NewCountyAsync();
        var lodged = await Lodge(county: county);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/personal-data", new ViewPersonalData(Purpose, null), 200, county)));

        var page = await Viewings(county, $"?caseId={lodged.Id}&pageSize=100");
        (page.Total, page.TotalIsExact, page.Items.Count, page.Items.Select(i => i.Id).Distinct().Count()).ShouldBe((10L, true, 10, 10));
        (await EventsOf(lodged.Id, county)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task the_record_is_filtered_by_case_user_and_time_latest_first_and_read_by_analysts_and_administrators_only()
    {
        var county = await App.NewCountyAsync();
        var first = await Lodge(county: county);
        var second = await Lodge(county: county);
        var before = App.Clock.GetUtcNow();
        await Unmasked($"/api/complaints/{first.Id}", Tokens.Clerk, county);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await Unmasked($"/api/complaints/{second.Id}", Tokens.Community, county);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await Unmasked($"/api/complaints/{second.Id}", Tokens.Clerk, county);

        var all = await Viewings(county);
        all.Items.Select(i => (i.CaseId, i.UserId)).ShouldBe([(second.Id, "clerk"), (second.Id, "community"), (first.Id, "clerk")]);
        (await Viewings(county, $"?caseId={second.Id}")).Items.Count.ShouldBe(2);
        (await Viewings(county, "?userId=community")).Items.ShouldHaveSingleItem().CaseId.ShouldBe(second.Id);
        var iso = Uri.EscapeDataString(before.ToOffset(TimeSpan.FromHours(8)).ToString("O"));
        (await Viewings(county, $"?to={iso}")).Total.ShouldBe(0);
        (await Viewings(county, $"?from={iso}")).Total.ShouldBe(3);
        foreach (var reader in new[] { Tokens.Clerk, Tokens.Office, Tokens.Community, Tokens.Supervisor })
            await Send(reader, x => x.Get.Url("/api/personal-data/viewings"), 403, county);
        await Send(Tokens.Analyst, x => x.Get.Url("/api/personal-data/viewings?pageSize=101"), 400, county);
    }

    [Fact]
    public async Task the_complaint_page_shows_the_complainant_masked_and_in_full_once_a_purpose_is_given()
    {
        var lodged = await Lodge();
        var browser = await SignedIn("clerk");
        var url = $"/complaints/{lodged.Id}";

        var (_, page) = await browser.GetAsync(url);
        page.ShouldContain("张*（138****5678）");
        page.ShouldNotContain("13812345678");

        var (empty, refused) = await browser.PostFormAsync(url, page, "personal-data", ("Purpose", ""));
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.ShouldContain("必填。Required.");

        var (shown, html) = await browser.PostFormAsync(url, page, "personal-data", ("Purpose", Purpose));
        shown.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"已记录本次查看（用途：{Purpose}）");
        html.ShouldContain("<th scope=\"row\">投诉人 · 电话</th><td data-testid=\"personal-datum\">13812345678</td>");
        (await Viewings(AppFixture.County, $"?caseId={lodged.Id}")).Items.ShouldHaveSingleItem().Purpose.ShouldBe(Purpose);
    }

    [Fact]
    public async Task an_analysts_page_offers_no_unmasking()
    {
        var lodged = await Lodge();
        var browser = await SignedIn("analyst");

        var (_, page) = await browser.GetAsync($"/complaints/{lodged.Id}");

        page.ShouldContain("张*（138****5678）");
        page.ShouldNotContain("查看完整个人信息");
    }
}
