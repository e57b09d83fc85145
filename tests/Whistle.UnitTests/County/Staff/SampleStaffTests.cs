using Shouldly;
using Whistle.County.Directory;
using Whistle.County.Staff;
using Whistle.Kernel;
using Whistle.UnitTests.County.Directory;
using Xunit;

namespace Whistle.UnitTests.County.Staff;

/// <summary>The sample county's staff register, read from users.tsv as it is loaded at start-up.</summary>
public class SampleStaffTests
{
    private static readonly SampleCounty County = TheSampleCounty.County;

    private static readonly SampleStaff Staff = SampleStaff.Read(SampleStaff.Beside(SampleCounty.Locate(TheSampleCounty.Path))!);

    [Fact]
    public void the_staff_file_lies_beside_the_county_file_and_every_row_is_an_active_member_of_the_county()
    {
        Staff.Rows.Count.ShouldBe(22);
        Staff.Of(County.Id).Count().ShouldBe(Staff.Rows.Count);
        Staff.Rows.ShouldAllBe(r => r.Info.Active);
    }

    [Fact]
    public void a_row_reads_as_the_register_records_it_with_dashes_as_nothing()
    {
        Staff.Rows.Single(r => r.UserId == "community").Info.ShouldBe(new StaffInfo(
            "李社工", Roles.Community, "SD01", "CM0101", null, "13800000002", "community@example.gov.cn", true));
        Staff.Rows.Single(r => r.UserId == "supervisor").Info.ShouldBe(new StaffInfo(
            "林督办", Roles.Supervisor, null, null, null, "13800000020", "supervisor@example.gov.cn", true));
        Staff.Rows.Single(r => r.UserId == "admin").Info.ShouldBe(new StaffInfo("陈管理", Roles.Admin, null, null, null, null, null, true));
    }

    /// <summary>Loading the sample staff records nothing an administrator's PUT would refuse.</summary>
    [Fact]
    public void every_row_passes_the_checks_of_recording_a_staff_member_against_the_sample_directory()
    {
        foreach (var row in Staff.Rows)
        {
            var info = row.Info;
            var recording = new StaffRecording(
                County.SubDistricts.Where(s => s.Code == info.SubDistrictCode).Select(s => new SubDistrict { Code = s.Code, Info = s.Info }).SingleOrDefault(),
                County.Communities.Where(c => c.Code == info.CommunityCode).Select(c => new Community { Code = c.Code, Info = c.Info }).SingleOrDefault(),
                County.Departments.Where(d => d.Code == info.DepartmentCode).Select(d => new Department { Code = d.Code, Info = d.Info }).SingleOrDefault());
            var command = new RecordStaffMember(info.Name, info.Role, info.SubDistrictCode, info.CommunityCode, info.DepartmentCode, info.Phone, info.Email);

            RecordStaffMemberEndpoint.Validate(row.UserId, command, recording).ShouldBeNoProblem();
        }
    }

    [Fact]
    public void the_county_has_one_supervisor_and_one_office_member_each_with_a_phone() =>
        Staff.Rows.Where(r => r.Info.Role is Roles.Supervisor or Roles.Office).Select(r => (r.UserId, HasPhone: r.Info.Phone is not null))
            .ShouldBe([("office", true), ("supervisor", true)]);
}
