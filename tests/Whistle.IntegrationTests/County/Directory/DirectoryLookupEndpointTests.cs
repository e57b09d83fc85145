using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.County.Directory;

namespace Whistle.IntegrationTests.County.Directory;

/// <summary>A caller knows "东关花园", not CP010101: lookups by part of a name, an address or a code, over the sample county.</summary>
public sealed class DirectoryLookupEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static string Url(string path, string q, string extra = "") => $"{path}?q={Uri.EscapeDataString(q)}{extra}";

    [Fact]
    public async Task a_compound_is_found_by_part_of_its_name_with_its_community_sub_district_and_company()
    {
        var county = await App.NewCountyAsync();

        var found = await Get<Candidates<CompoundCandidate>>(Tokens.Clerk, Url("/api/directory/compounds/lookup", "东关"), county);

        found.Total.ShouldBe(1);
        found.Items.Single().ShouldBe(new CompoundCandidate("CP010101", "东关花园", "迎宾大道389号",
            new NamedCode("CM0101", "东关社区"), new NamedCode("SD01", "城关街道"), new NamedCode("PC45", "安澜县卓越物业服务有限公司"), 1160));
    }

    [Fact]
    public async Task compounds_rank_exact_code_then_name_then_code_start_then_address_and_are_limited_with_a_total()
    {
        var county = await App.NewCountyAsync();
        async Task<Candidates<CompoundCandidate>> Find(string q, string extra = "") =>
            await Get<Candidates<CompoundCandidate>>(Tokens.Community, Url("/api/directory/compounds/lookup", q, extra), county);

        (await Find("cp010101")).Items.Select(x => x.Code).ShouldBe(["CP010101"]);
        var gardens = await Find("花园", "&limit=3");
        gardens.Total.ShouldBe(23);
        gardens.Items.Select(x => x.Code).ShouldBe(["CP010101", "CP010203", "CP010401"]);
        (await Find("CP0101")).Total.ShouldBe(7);
        var avenue = await Find("迎宾大道");
        (avenue.Total, avenue.Items[0].Code, avenue.Items[1].Code).ShouldBe((19, "CP010101", "CP010202"));
        var none = await Find("不存在的小区");
        (none.Total, none.Items.Count).ShouldBe((0, 0));
    }

    [Fact]
    public async Task property_companies_are_found_by_name_or_code_with_the_compounds_they_serve()
    {
        var county = await App.NewCountyAsync();

        var found = await Get<Candidates<PropertyCompanyCandidate>>(Tokens.Clerk, Url("/api/directory/property-companies/lookup", "恒信"), county);
        var byCode = await Get<Candidates<PropertyCompanyCandidate>>(Tokens.Clerk, Url("/api/directory/property-companies/lookup", "pc4"), county);

        found.Items.Single().ShouldBe(new PropertyCompanyCandidate("PC01", "安澜县恒信物业服务有限公司", "91410523AXM5M29E21", "马经理", "13947262444", 2));
        (byCode.Total, byCode.Items[0].Code).ShouldBe((10, "PC40"));
    }

    [Fact]
    public async Task departments_are_found_by_name_code_or_duty()
    {
        var county = await App.NewCountyAsync();
        async Task<IEnumerable<string>> Find(string q) =>
            (await Get<Candidates<DepartmentCandidate>>(Tokens.Clerk, Url("/api/directory/departments/lookup", q), county)).Items.Select(x => x.Code);

        (await Find("城市")).ShouldBe(["chengguan"]);
        (await Find("chengguan")).ShouldBe(["chengguan"]);
        (await Find("电梯")).ShouldBe(["shichang", "zhujian"]);
    }

    [Fact]
    public async Task a_lookup_without_words_or_with_a_limit_out_of_range_is_400_naming_the_field()
    {
        var result = await Send(Tokens.Clerk, x => x.Get.Url("/api/directory/compounds/lookup?q=%20&limit=500"), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["q", "limit"], ignoreOrder: true);
    }

    [Fact]
    public async Task a_lookup_needs_a_signed_in_caller()
    {
        await Send(null, x => x.Get.Url("/api/directory/compounds/lookup?q=" + Uri.EscapeDataString("东关")), 401);
    }
}
