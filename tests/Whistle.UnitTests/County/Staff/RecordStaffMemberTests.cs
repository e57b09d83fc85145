using Shouldly;
using Whistle.County.Directory;
using Whistle.County.Staff;
using Whistle.Kernel;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.County.Staff;

public class RecordStaffMemberTests
{
    private static readonly DateTimeOffset Registered = new(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly SubDistrict Chengguan = Given<SubDistrict>(new SubDistrictRegistered(
        DirectoryIds.SubDistrict("SD01"), "SD01", new SubDistrictInfo("城关街道"), Users.AdminActor, Registered));

    private static readonly Community Dongguan = Given<Community>(new CommunityRegistered(
        DirectoryIds.Community("CM0101"), "CM0101", new CommunityInfo("东关社区", "SD01"), Users.AdminActor, Registered));

    private static readonly Department UrbanManagement = Given<Department>(new DepartmentRegistered(
        DirectoryIds.Department("chengguan"), "chengguan",
        new DepartmentInfo("县城市管理局", "Urban management", ["违法建设"], "孙队长", "0571-1", "12345"), Users.AdminActor, Registered));

    private static readonly StaffRecording Everything = new(Chengguan, Dongguan, UrbanManagement);
    private static readonly StaffRecording Nothing = new(null, null, null);

    private static readonly RecordStaffMember Officer = new("孙队长", Roles.Department, DepartmentCode: "chengguan", Phone: "13800000012");

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Validate(RecordStaffMember command, StaffRecording? recording = null, string userId = "chengguan") =>
        RecordStaffMemberEndpoint.Validate(userId, command, recording ?? Everything);

    [Fact]
    public void a_department_officer_of_a_known_department_passes_validation() => Validate(Officer).ShouldBeNoProblem();

    [Fact]
    public void the_role_must_be_one_whistle_knows() =>
        Validate(Officer with { Role = "mayor" }).ShouldRejectField("role", "Unknown role mayor.");

    [Fact]
    public void a_name_and_a_role_are_required() =>
        Validate(new RecordStaffMember(" ", null)).ShouldRejectFields("name", "role");

    [Theory]
    [InlineData("a b")]
    [InlineData("")]
    [InlineData("user/../admin")]
    public void a_user_id_is_letters_digits_and_dot_underscore_at_dash(string userId) =>
        Validate(Officer, userId: userId).ShouldRejectFields("userId");

    [Fact]
    public void a_user_id_from_an_identity_provider_may_be_a_uuid() =>
        Validate(Officer, userId: "5f0c7f0e-3b7a-4d4b-9c55-2f6d1a0b9e11").ShouldBeNoProblem();

    [Theory]
    [InlineData(Roles.Department, "departmentCode")]
    [InlineData(Roles.SubDistrict, "subDistrictCode")]
    [InlineData(Roles.Community, "communityCode")]
    public void each_area_role_must_name_what_it_works_in(string role, string field) =>
        Validate(new RecordStaffMember("某某", role)).ShouldRejectField(field, "Required for this role.");

    [Theory]
    [InlineData(Roles.Office)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Clerk)]
    public void a_county_wide_role_names_no_department(string role) =>
        Validate(new RecordStaffMember("某某", role, DepartmentCode: "chengguan")).ShouldRejectField("departmentCode", "This role has no department.");

    [Fact]
    public void a_mediator_may_name_the_centre_or_nothing()
    {
        Validate(new RecordStaffMember("吴调解", Roles.Mediator, DepartmentCode: "chengguan")).ShouldBeNoProblem();
        Validate(new RecordStaffMember("吴调解", Roles.Mediator), Nothing).ShouldBeNoProblem();
    }

    [Fact]
    public void a_code_the_directory_does_not_hold_is_rejected() =>
        Validate(Officer with { DepartmentCode = "nowhere" }, Nothing).ShouldRejectField("departmentCode", "No such entry: nowhere.");

    [Fact]
    public void a_community_workers_sub_district_if_given_must_be_the_communitys() =>
        Validate(new RecordStaffMember("李社工", Roles.Community, "SD02", "CM0101"), Everything with { SubDistrict = null })
            .ShouldRejectField("subDistrictCode", "No such entry: SD02.");

    [Fact]
    public void a_community_worker_in_another_sub_district_than_the_communitys_is_rejected() =>
        Validate(new RecordStaffMember("李社工", Roles.Community, "SD01", "CM0101"), Everything with
        {
            Community = Dongguan with { Info = new CommunityInfo("东关社区", "SD09") },
        }).ShouldRejectField("subDistrictCode", "The community is in SD09.");

    [Theory]
    [InlineData("12345", null, "phone")]
    [InlineData("1380000abcd", null, "phone")]
    [InlineData(null, "not-an-address", "email")]
    [InlineData(null, "a b@example.gov.cn", "email")]
    public void contacts_are_optional_but_must_look_like_a_phone_and_an_email(string? phone, string? email, string field) =>
        Validate(Officer with { Phone = phone, Email = email }).ShouldRejectFields(field);

    [Fact]
    public void recording_a_new_user_id_registers_an_active_member_with_the_communitys_sub_district()
    {
        var (recorded, events) = RecordStaffMemberEndpoint.Record(
            "community", new RecordStaffMember(" 李社工 ", Roles.Community, CommunityCode: "CM0101", Email: "community@example.gov.cn"),
            Everything, null, Users.AdminActor, Now);

        recorded.ShouldBe(new StaffRecorded("community", 1, true, []), new StaffRecordedComparer());
        var registered = events.ShouldHaveSingleItem().ShouldBeOfType<StaffMemberRegistered>();
        (registered.StaffMemberId, registered.UserId).ShouldBe((StaffMember.StreamId("community"), "community"));
        registered.Info.ShouldBe(new StaffInfo("李社工", Roles.Community, "SD01", "CM0101", null, null, "community@example.gov.cn", true));
    }

    [Fact]
    public void a_revision_names_the_fields_that_changed_and_the_same_values_again_change_nothing()
    {
        var (_, first) = RecordStaffMemberEndpoint.Record("chengguan", Officer, Everything, null, Users.AdminActor, Now);
        var member = Given<StaffMember>([.. first]);

        var (revised, events) = RecordStaffMemberEndpoint.Record(
            "chengguan", Officer with { Active = false, Phone = null }, Everything, member, Users.AdminActor, Now.AddDays(1));
        var (again, none) = RecordStaffMemberEndpoint.Record("chengguan", Officer, Everything, member, Users.AdminActor, Now.AddDays(1));

        (revised.Version, revised.Created).ShouldBe((2L, false));
        revised.Changed.ShouldBe(["phone", "active"]);
        events.ShouldHaveSingleItem().ShouldBeOfType<StaffMemberRevised>().Info.Active.ShouldBeFalse();
        Given<StaffMember>([.. first, .. events]).Info.Active.ShouldBeFalse();
        (again.Version, again.Changed.Count).ShouldBe((1L, 0));
        none.ShouldBeEmpty();
    }

    private sealed class StaffRecordedComparer : IEqualityComparer<StaffRecorded>
    {
        public bool Equals(StaffRecorded? x, StaffRecorded? y) =>
            x is not null && y is not null && (x.UserId, x.Version, x.Created) == (y.UserId, y.Version, y.Created) && x.Changed.SequenceEqual(y.Changed);

        public int GetHashCode(StaffRecorded obj) => obj.UserId.GetHashCode(StringComparison.Ordinal);
    }
}
