using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.County.Directory;

namespace Whistle.IntegrationTests.County.Directory;

/// <summary>GET of one directory entry by its code, for every kind the directory records with PUT.</summary>
public sealed class DirectoryEntryEndpointTests(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task each_kind_of_entry_is_read_by_its_code()
    {
        var county = await App.NewCountyAsync();

        var compound = await Get<Compound>(Tokens.Clerk, "/api/directory/compounds/CP010101", county);
        var community = await Get<Community>(Tokens.Clerk, "/api/directory/communities/CM0101", county);
        var subDistrict = await Get<SubDistrict>(Tokens.Clerk, "/api/directory/sub-districts/SD01", county);
        var company = await Get<PropertyCompany>(Tokens.Clerk, "/api/directory/property-companies/PC45", county);
        var department = await Get<Department>(Tokens.Clerk, "/api/directory/departments/chengguan", county);

        (compound.Code, compound.Info.Name, compound.Info.PropertyCompanyCode).ShouldBe(("CP010101", "东关花园", "PC45"));
        (community.Info.Name, community.Info.SubDistrictCode).ShouldBe(("东关社区", "SD01"));
        subDistrict.Info.Name.ShouldBe("城关街道");
        company.Info.Name.ShouldBe("安澜县卓越物业服务有限公司");
        department.Info.Name.ShouldBe("县城市管理局");
    }

    [Theory]
    [InlineData("compounds", "CP999999", "目录中没有代码为 CP999999 的小区。 The directory has no compound CP999999.")]
    [InlineData("communities", "CM9999", "目录中没有代码为 CM9999 的社区。 The directory has no community CM9999.")]
    [InlineData("sub-districts", "SD99", "目录中没有代码为 SD99 的街道。 The directory has no sub-district SD99.")]
    [InlineData("property-companies", "PC99", "目录中没有代码为 PC99 的物业服务企业。 The directory has no property company PC99.")]
    [InlineData("departments", "nowhere", "目录中没有代码为 nowhere 的部门。 The directory has no department nowhere.")]
    public async Task an_absent_entry_is_404_in_chinese_then_english(string kind, string code, string detail)
    {
        var result = await Send(Tokens.Clerk, x => x.Get.Url($"/api/directory/{kind}/{code}"), 404);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail.ShouldBe(detail);
    }
}
