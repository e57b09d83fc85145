using Shouldly;
using Whistle.County.Directory;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.County.Directory;

public class RecordSubDistrictTests
{
    private static readonly Guid Id = DirectoryIds.SubDistrict("SD01");
    private static readonly DateTimeOffset Registered = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void a_named_sub_district_under_a_valid_code_passes_validation() =>
        RecordSubDistrictEndpoint.Validate("SD01", new RecordSubDistrict("城关街道")).ShouldBeNoProblem();

    [Theory]
    [InlineData("a b")]
    [InlineData("abcdefghij0123456789ABCDEFGHIJ_-x")]
    public void a_code_with_a_space_or_over_32_characters_is_rejected(string code) =>
        RecordSubDistrictEndpoint.Validate(code, new RecordSubDistrict("城关街道")).ShouldRejectFields("code");

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void a_sub_district_needs_a_name(string? name) =>
        RecordSubDistrictEndpoint.Validate("SD01", new RecordSubDistrict(name)).ShouldRejectField("name", "Required");

    [Fact]
    public void a_name_is_at_most_50_characters() =>
        RecordSubDistrictEndpoint.Validate("SD01", new RecordSubDistrict(new string('街', 51))).ShouldRejectField("name", "At most 50");

    [Fact]
    public void a_registration_and_a_revision_fold_into_the_sub_district_with_its_version()
    {
        var subDistrict = SubDistrict.Create(
            new SubDistrictRegistered(Id, "SD01", new SubDistrictInfo("城关街道"), Users.ClerkActor, Registered));

        subDistrict.Version.ShouldBe(1);
        subDistrict.UpdatedAt.ShouldBe(Registered);

        subDistrict = subDistrict.Apply(new SubDistrictRevised(Id, "SD01", new SubDistrictInfo("城关镇"), ["name"], Users.AdminActor, Now));

        subDistrict.Id.ShouldBe(Id);
        subDistrict.Code.ShouldBe("SD01");
        subDistrict.Info.ShouldBe(new SubDistrictInfo("城关镇"));
        subDistrict.Version.ShouldBe(2);
        subDistrict.UpdatedAt.ShouldBe(Now);
        subDistrict.UpdatedBy.ShouldBe(Users.AdminActor);
    }
}
