using Shouldly;
using Whistle.County.Directory;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.County.Directory;

public class RecordPropertyCompanyTests
{
    private static readonly Guid Id = DirectoryIds.PropertyCompany("PC01");
    private static readonly DateTimeOffset Registered = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly PropertyCompanyInfo HengxinInfo =
        new("安澜县恒信物业服务有限公司", "91410523MA44XK7L2Q", "王经理", "13912345678");

    private static RecordPropertyCompany Complete() =>
        new(" 安澜县恒信物业服务有限公司 ", "91410523ma44xk7l2q", " 王经理 ", " 13912345678 ");

    private static (DirectoryRecorded Result, object? Change) Decide(PropertyCompanyInfo info, PropertyCompany? existing) =>
        DirectoryRecording.Decide(
            "PC01", info, existing?.Info, existing?.Version ?? 0,
            i => new PropertyCompanyRegistered(Id, "PC01", i, Users.AdminActor, Now),
            (i, changed) => new PropertyCompanyRevised(Id, "PC01", i, changed, Users.AdminActor, Now));

    private static PropertyCompany Hengxin() =>
        Given<PropertyCompany>(new PropertyCompanyRegistered(Id, "PC01", HengxinInfo, Users.AdminActor, Registered));

    [Fact]
    public void a_complete_company_passes_validation() =>
        RecordPropertyCompanyEndpoint.Validate("PC01", Complete()).ShouldBeNoProblem();

    [Theory]
    [InlineData("a b")]
    [InlineData("abcdefghij0123456789ABCDEFGHIJ_-x")]
    public void a_code_with_a_space_or_over_32_characters_is_rejected(string code) =>
        RecordPropertyCompanyEndpoint.Validate(code, Complete()).ShouldRejectFields("code");

    [Fact]
    public void every_missing_field_is_reported_at_once() =>
        RecordPropertyCompanyEndpoint.Validate("PC01", new RecordPropertyCompany(null, " ", null, null))
            .ShouldRejectFields("name", "creditCode", "contactPerson", "phone");

    [Theory]
    [InlineData("91410523MA44XK7L2")]   // 17
    [InlineData("9141052")]
    public void a_credit_code_shorter_than_18_characters_is_rejected(string creditCode) =>
        RecordPropertyCompanyEndpoint.Validate("PC01", Complete() with { CreditCode = creditCode })
            .ShouldRejectField("creditCode", "18 characters");

    [Fact]
    public void a_credit_code_longer_than_18_characters_is_rejected() =>
        RecordPropertyCompanyEndpoint.Validate("PC01", Complete() with { CreditCode = "91410523MA44XK7L2QX" })
            .ShouldRejectFields("creditCode");

    [Fact]
    public void a_new_company_is_registered()
    {
        var (recorded, change) = Decide(HengxinInfo, existing: null);

        recorded.ShouldBeRecorded("PC01", 1, created: true);
        change.ShouldBe(new PropertyCompanyRegistered(Id, "PC01", HengxinInfo, Users.AdminActor, Now));
    }

    [Fact]
    public void a_new_contact_revises_the_company()
    {
        var (recorded, change) = Decide(HengxinInfo with { ContactPerson = "李经理", Phone = "13987654321" }, Hengxin());

        recorded.ShouldBeRecorded("PC01", 2, created: false, "contactPerson", "phone");
        var revised = change.ShouldBeOfType<PropertyCompanyRevised>();
        revised.ShouldBe(new PropertyCompanyRevised(
            Id, "PC01", HengxinInfo with { ContactPerson = "李经理", Phone = "13987654321" }, revised.Changed, Users.AdminActor, Now));
        revised.Changed.ShouldBe(["contactPerson", "phone"]);
    }

    [Fact]
    public void the_same_values_again_record_nothing()
    {
        var (recorded, change) = Decide(HengxinInfo with { }, Hengxin());

        change.ShouldBeNull();
        recorded.ShouldBeRecorded("PC01", 1, created: false);
    }

    [Fact]
    public void a_revision_folds_into_the_company_with_its_version()
    {
        var company = PropertyCompany.Create(new PropertyCompanyRegistered(Id, "PC01", HengxinInfo, Users.ClerkActor, Registered));

        company.Version.ShouldBe(1);

        company = company.Apply(new PropertyCompanyRevised(Id, "PC01", HengxinInfo with { Phone = "13987654321" }, ["phone"], Users.AdminActor, Now));

        company.Info.Phone.ShouldBe("13987654321");
        company.Version.ShouldBe(2);
        company.UpdatedAt.ShouldBe(Now);
        company.UpdatedBy.ShouldBe(Users.AdminActor);
    }
}
