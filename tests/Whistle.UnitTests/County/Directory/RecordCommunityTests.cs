using Shouldly;
using Whistle.County.Directory;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.County.Directory;

public class RecordCommunityTests
{
    private static readonly Guid Id = DirectoryIds.Community("CM0101");
    private static readonly DateTimeOffset Registered = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly CommunityRecording Chengguan = new(Given<SubDistrict>(new SubDistrictRegistered(
        DirectoryIds.SubDistrict("SD01"), "SD01", new SubDistrictInfo("城关街道"), Users.AdminActor, Registered)));

    private static readonly CommunityRecording NoSubDistrict = new(null);

    private static Community Dongguan() => Given<Community>(
        new CommunityRegistered(Id, "CM0101", new CommunityInfo("东关社区", "SD01"), Users.AdminActor, Registered));

    private static (DirectoryRecorded Result, object? Change) Decide(CommunityInfo info, Community? existing) =>
        DirectoryRecording.Decide(
            "CM0101", info, existing?.Info, existing?.Version ?? 0,
            i => new CommunityRegistered(Id, "CM0101", i, Users.AdminActor, Now),
            (i, changed) => new CommunityRevised(Id, "CM0101", i, changed, Users.AdminActor, Now));

    [Fact]
    public void a_named_community_under_a_known_sub_district_passes_validation() =>
        RecordCommunityEndpoint.Validate("CM0101", new RecordCommunity("东关社区", "SD01"), Chengguan).ShouldBeNoProblem();

    [Theory]
    [InlineData("a b")]
    [InlineData("abcdefghij0123456789ABCDEFGHIJ_-x")]
    public void a_code_with_a_space_or_over_32_characters_is_rejected(string code) =>
        RecordCommunityEndpoint.Validate(code, new RecordCommunity("东关社区", "SD01"), Chengguan).ShouldRejectFields("code");

    [Fact]
    public void a_community_needs_a_name_and_a_sub_district() =>
        RecordCommunityEndpoint.Validate("CM0101", new RecordCommunity(" ", null), NoSubDistrict).ShouldRejectFields("name", "subDistrictCode");

    [Fact]
    public void a_sub_district_the_directory_does_not_know_is_rejected() =>
        RecordCommunityEndpoint.Validate("CM0101", new RecordCommunity("东关社区", "SD09"), NoSubDistrict)
            .ShouldRejectField("subDistrictCode", "No such entry: SD09.");

    [Fact]
    public void a_new_community_is_registered_under_its_sub_district()
    {
        var (recorded, change) = Decide(new CommunityInfo("东关社区", "SD01"), existing: null);

        recorded.ShouldBeRecorded("CM0101", 1, created: true);
        change.ShouldBe(new CommunityRegistered(Id, "CM0101", new CommunityInfo("东关社区", "SD01"), Users.AdminActor, Now));
    }

    [Fact]
    public void a_move_to_another_sub_district_revises_only_the_sub_district()
    {
        var (recorded, change) = Decide(new CommunityInfo("东关社区", "SD02"), Dongguan());

        recorded.ShouldBeRecorded("CM0101", 2, created: false, "subDistrictCode");
        var revised = change.ShouldBeOfType<CommunityRevised>();
        revised.ShouldBe(new CommunityRevised(Id, "CM0101", new CommunityInfo("东关社区", "SD02"), revised.Changed, Users.AdminActor, Now));
        revised.Changed.ShouldBe(["subDistrictCode"]);
    }

    [Fact]
    public void the_same_values_again_record_nothing()
    {
        var (recorded, change) = Decide(new CommunityInfo("东关社区", "SD01"), Dongguan());

        change.ShouldBeNull();
        recorded.ShouldBeRecorded("CM0101", 1, created: false);
    }

    [Fact]
    public void a_revision_folds_into_the_community_with_its_version()
    {
        var community = Community.Create(new CommunityRegistered(Id, "CM0101", new CommunityInfo("东关社区", "SD01"), Users.ClerkActor, Registered));

        community.Version.ShouldBe(1);

        community = community.Apply(new CommunityRevised(Id, "CM0101", new CommunityInfo("东关社区", "SD02"), ["subDistrictCode"], Users.AdminActor, Now));

        community.Info.ShouldBe(new CommunityInfo("东关社区", "SD02"));
        community.Version.ShouldBe(2);
        community.UpdatedAt.ShouldBe(Now);
        community.UpdatedBy.ShouldBe(Users.AdminActor);
    }
}
