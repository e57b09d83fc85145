using Shouldly;
using Whistle.County.Staff;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.County.Staff;

/// <summary>Which register entries each audience names.</summary>
public class StaffAudienceTests
{
    private static StaffInfo Member(string role, string? subDistrict = null, string? community = null, string? department = null, bool active = true) =>
        new("某某", role, subDistrict, community, department, null, null, active);

    private static bool Told(Audience audience, StaffInfo member) => StaffAudience.Of(audience)?.Matches(member) == true;

    [Fact]
    public void a_departments_officers_are_its_active_department_role_staff()
    {
        Told(Audience.Officers("chengguan"), Member(Roles.Department, department: "chengguan")).ShouldBeTrue();
        Told(Audience.Officers("chengguan"), Member(Roles.Department, department: "gongan")).ShouldBeFalse();
        Told(Audience.Officers("chengguan"), Member(Roles.Department, department: "chengguan", active: false)).ShouldBeFalse();
    }

    [Fact]
    public void the_mediation_centres_officers_are_its_officer_not_its_mediators()
    {
        Told(Audience.Officers("mediation-centre"), Member(Roles.Department, department: "mediation-centre")).ShouldBeTrue();
        Told(Audience.Officers("mediation-centre"), Member(Roles.Mediator, department: "mediation-centre")).ShouldBeFalse();
    }

    [Fact]
    public void area_audiences_are_the_workers_of_that_sub_district_or_community()
    {
        Told(Audience.SubDistrict("SD01"), Member(Roles.SubDistrict, "SD01")).ShouldBeTrue();
        Told(Audience.SubDistrict("SD01"), Member(Roles.Community, "SD01", "CM0101")).ShouldBeFalse();
        Told(Audience.SubDistrict("SD01"), Member(Roles.SubDistrict, "SD02")).ShouldBeFalse();
        Told(Audience.Community("CM0101"), Member(Roles.Community, "SD01", "CM0101")).ShouldBeTrue();
        Told(Audience.Community("CM0101"), Member(Roles.Community, "SD01", "CM0102")).ShouldBeFalse();
    }

    [Fact]
    public void the_county_wide_audiences_are_every_active_office_member_and_every_supervisor()
    {
        Told(Audience.Office, Member(Roles.Office)).ShouldBeTrue();
        Told(Audience.Office, Member(Roles.Supervisor)).ShouldBeFalse();
        Told(Audience.Supervisors, Member(Roles.Supervisor)).ShouldBeTrue();
        Told(Audience.Supervisors, Member(Roles.Admin)).ShouldBeFalse();
    }

    [Fact]
    public void an_area_audience_without_its_code_names_nobody_rather_than_everybody()
    {
        StaffAudience.Of(new Audience(AudienceKind.DepartmentOfficers)).ShouldBeNull();
        StaffAudience.Of(new Audience(AudienceKind.CommunityWorkers, "")).ShouldBeNull();
    }
}
