using Alba;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.County.Directory;

namespace Whistle.IntegrationTests.County.Directory;

[Collection(SharedClock.Name)]
public sealed class DirectoryEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private Task<IScenarioResult> Put(Tokens.User user, string url, object body, int status, string county) =>
        Send(user, x => x.Put.Json(body, JsonStyle.MinimalApi).ToUrl(url), status, county);

    [Fact]
    public async Task the_sample_county_has_the_reports_figures()
    {
        var county = await App.NewCountyAsync();

        var compounds = await Get<List<Compound>>(Tokens.Clerk, "/api/directory/compounds", county);
        var companies = await Get<List<PropertyCompanyProjects>>(Tokens.Clerk, "/api/directory/property-companies", county);
        var departments = await Get<List<Department>>(Tokens.Clerk, "/api/directory/departments", county);

        compounds.Count.ShouldBe(226);
        compounds.Count(c => c.Info.Stage == CompoundStage.Delivered).ShouldBe(210);
        compounds.Count(c => c.Info.Stage == CompoundStage.UnderConstruction).ShouldBe(16);
        compounds.Count(c => c.Info.OwnersCommittee.Formed).ShouldBe(140);
        companies.Count.ShouldBe(49);
        companies.Sum(c => c.CompoundCodes.Count).ShouldBe(75);
        departments.Select(d => d.Code).ShouldContain("chengguan");
        departments.Select(d => d.Code).ShouldContain("mediation-centre");
        (await Get<List<Compound>>(Tokens.Clerk, "/api/directory/compounds?stage=UnderConstruction", county)).Count.ShouldBe(16);
        (await Get<List<Compound>>(Tokens.Clerk, "/api/directory/compounds?stage=Delivered&committee=true", county)).Count.ShouldBe(140);
        (await Get<List<Compound>>(Tokens.Clerk, "/api/directory/compounds?communityCode=CM0101", county)).Count.ShouldBe(7);
        (await Get<List<Community>>(Tokens.Clerk, "/api/directory/communities?subDistrictCode=SD01", county)).Count.ShouldBe(6);
        (await Get<List<SubDistrict>>(Tokens.Clerk, "/api/directory/sub-districts", county)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task registering_revising_and_repeating_a_compound_keeps_a_readable_history()
    {
        var county = await App.NewCountyAsync();
        var compound = new RecordCompound("春晖里", "CM0101", "人民路 8 号", 320, CompoundStage.UnderConstruction, null,
            new OwnersCommitteeInput(false, null, null, null));

        var created = await Put(Tokens.Admin, "/api/directory/compounds/CP019901", compound, 200, county);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var revised = await Put(Tokens.Admin, "/api/directory/compounds/CP019901",
            compound with { Stage = CompoundStage.Delivered, PropertyCompanyCode = "PC01" }, 200, county);
        var repeated = await Put(Tokens.Admin, "/api/directory/compounds/CP019901",
            compound with { Stage = CompoundStage.Delivered, PropertyCompanyCode = "PC01" }, 200, county);

        (await created.ReadAsJsonAsync<DirectoryRecorded>()).ShouldBe(new DirectoryRecorded("CP019901", 1, true, []), new RecordComparer());
        (await revised.ReadAsJsonAsync<DirectoryRecorded>())!.Changed.ShouldBe(["stage", "propertyCompanyCode"]);
        (await repeated.ReadAsJsonAsync<DirectoryRecorded>())!.Version.ShouldBe(2);

        var history = await Get<List<DirectoryHistoryRow>>(Tokens.Analyst, "/api/directory/compounds/CP019901/history", county);
        history.Select(h => h.Version).ShouldBe([1L, 2L]);
        history[1].By.UserId.ShouldBe("admin");
        history[1].Changed.ShouldBe(["stage", "propertyCompanyCode"]);
        var firstAt = Uri.EscapeDataString(history[0].At.ToString("O"));
        var asOfFirst = await Get<List<DirectoryHistoryRow>>(Tokens.Analyst, $"/api/directory/compounds/CP019901/history?asOf={firstAt}", county);
        asOfFirst.Single().Version.ShouldBe(1);
        (await Get<List<Compound>>(Tokens.Clerk, "/api/directory/compounds?propertyCompanyCode=PC01", county))
            .Select(c => c.Code).ShouldContain("CP019901");
    }

    [Fact]
    public async Task a_compound_under_an_unknown_community_is_400_and_nothing_is_stored()
    {
        var county = await App.NewCountyAsync();
        var result = await Put(Tokens.Admin, "/api/directory/compounds/CP019902",
            new RecordCompound("无名小区", "CM9999", "无名路 1 号", 10, CompoundStage.Delivered, null,
                new OwnersCommitteeInput(false, null, null, null)), 400, county);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["communityCode"]);
        await Send(Tokens.Admin, x => x.Get.Url("/api/directory/compounds/CP019902/history"), 404, county);
    }

    [Fact]
    public async Task a_community_under_an_unknown_sub_district_is_400()
    {
        var county = await App.NewCountyAsync();
        var result = await Put(Tokens.Admin, "/api/directory/communities/CM9901", new RecordCommunity("新社区", "SD99"), 400, county);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["subDistrictCode"]);
        (await Get<List<Community>>(Tokens.Clerk, "/api/directory/communities", county)).Count.ShouldBe(30);
    }

    [Fact]
    public async Task a_formed_committee_needs_its_term()
    {
        var county = await App.NewCountyAsync();
        var result = await Put(Tokens.Admin, "/api/directory/compounds/CP010101",
            new RecordCompound("东关花园", "CM0101", "人民路 1 号", 300, CompoundStage.Delivered, null,
                new OwnersCommitteeInput(true, null, null, null)), 400, county);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["ownersCommittee"]);
    }

    [Fact]
    public async Task sub_districts_companies_and_departments_are_recorded_with_what_changed()
    {
        var county = await App.NewCountyAsync();

        await Put(Tokens.Admin, "/api/directory/sub-districts/SD01", new RecordSubDistrict("城关街道办事处"), 200, county);
        await Put(Tokens.Admin, "/api/directory/property-companies/PC99",
            new RecordPropertyCompany("安澜县新物业有限公司", "91410523MA9XXXXX1K", "李经理", "13900001111"), 200, county);
        var department = await Put(Tokens.Admin, "/api/directory/departments/chengguan",
            new RecordDepartment("县城市管理局", "Urban Management", ["违法建设查处"], "孙队长", "0371-1", "0371-2"), 200, county);

        (await department.ReadAsJsonAsync<DirectoryRecorded>())!.Changed
            .ShouldBe(["enforcementItems", "contactPhone", "supervisionHotline"]);
        (await Get<List<SubDistrict>>(Tokens.Clerk, "/api/directory/sub-districts", county))[0].Info.Name.ShouldBe("城关街道办事处");
        (await Get<List<PropertyCompanyProjects>>(Tokens.Clerk, "/api/directory/property-companies", county))
            .Single(c => c.Company.Code == "PC99").CompoundCodes.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_company_s_legal_representative_is_optional_and_kept_in_the_history_like_its_other_fields()
    {
        var county = await App.NewCountyAsync();
        var company = new RecordPropertyCompany("安澜县新物业有限公司", "91410523MA9XXXXX1K", "李经理", "13900001111");

        await Put(Tokens.Admin, "/api/directory/property-companies/PC98", company, 200, county);
        var named = await Put(Tokens.Admin, "/api/directory/property-companies/PC98", company with { LegalRepresentative = " 周明辉 " }, 200, county);

        (await named.ReadAsJsonAsync<DirectoryRecorded>())!.Changed.ShouldBe(["legalRepresentative"]);
        var companies = await Get<List<PropertyCompanyProjects>>(Tokens.Clerk, "/api/directory/property-companies", county);
        companies.Single(c => c.Company.Code == "PC98").Company.Info.LegalRepresentative.ShouldBe("周明辉");
        companies.Single(c => c.Company.Code == "PC01").Company.Info.LegalRepresentative.ShouldBe("王建国");
        (await Get<List<DirectoryHistoryRow>>(Tokens.Analyst, "/api/directory/property-companies/PC98/history", county))
            .Select(h => h.Changed).ShouldBe([[], ["legalRepresentative"]]);
    }

    [Fact]
    public async Task only_an_administrator_maintains_the_directory()
    {
        await Send(Tokens.Clerk, x => x.Put.Json(new RecordSubDistrict("x"), JsonStyle.MinimalApi).ToUrl("/api/directory/sub-districts/SD01"), 403);
    }

    [Fact]
    public async Task a_bad_code_is_400()
    {
        var result = await Send(Tokens.Admin, x => x.Put.Json(new RecordSubDistrict("x"), JsonStyle.MinimalApi)
            .ToUrl("/api/directory/sub-districts/" + new string('S', 33)), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["code"]);
    }

    [Fact]
    public async Task the_notice_board_lists_every_departments_contact_and_hotline()
    {
        var board = await Get<NoticeBoard>(Tokens.Community, "/api/directory/compounds/CP010101/notice-board");

        board.CompoundName.ShouldBe("东关花园");
        board.CommunityName.ShouldBe("东关社区");
        board.SubDistrictName.ShouldBe("城关街道");
        board.Departments.Count.ShouldBe(12);
        var chengguan = board.Departments.Single(d => d.Code == "chengguan");
        chengguan.ContactPerson.ShouldBe("孙队长");
        chengguan.SupervisionHotline.ShouldBe("0371-6881 2999");
        chengguan.EnforcementItems.ShouldContain("违法建设（乱搭乱建）查处");
        board.Hotline.ShouldBe("12345");
    }

    [Fact]
    public async Task the_printable_notice_board_is_public()
    {
        var result = await Send(null, x => x.Get.Url("/notice-boards/anlan/CP010101"), 200);

        var html = await result.ReadAsTextAsync();
        html.ShouldContain("<h1>东关花园 部门职责公示牌</h1>");
        html.ShouldContain("0371-6881 2999");
        result.Context.Response.ContentType.ShouldBe("text/html; charset=utf-8");
    }

    [Fact]
    public async Task the_notice_board_of_an_unknown_compound_is_404()
    {
        await Send(Tokens.Clerk, x => x.Get.Url("/api/directory/compounds/CP999999/notice-board"), 404);
        await Send(null, x => x.Get.Url("/notice-boards/anlan/CP999999"), 404);
    }

    public sealed record DirectoryHistoryRow(long Version, string Event, DateTimeOffset At, Whistle.Kernel.Actor By, List<string> Changed);

    private sealed class RecordComparer : IEqualityComparer<DirectoryRecorded?>
    {
        public bool Equals(DirectoryRecorded? x, DirectoryRecorded? y) =>
            x is not null && y is not null && x.Code == y.Code && x.Version == y.Version && x.Created == y.Created
            && x.Changed.SequenceEqual(y.Changed);

        public int GetHashCode(DirectoryRecorded? obj) => obj?.Code.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
