using Alba;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.County.Staff;
using Whistle.Kernel;

namespace Whistle.IntegrationTests.County.Staff;

/// <summary>The staff register over HTTP: recorded by administrators, read by them and the office, a department's officers by its readers.</summary>
public sealed class StaffEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private Task<IScenarioResult> Put(Tokens.User user, string userId, RecordStaffMember body, int status, string county) =>
        Send(user, x => x.Put.Json(body, JsonStyle.MinimalApi).ToUrl($"/api/staff/{userId}"), status, county);

    [Fact]
    public async Task the_sample_county_starts_with_its_users_as_staff()
    {
        var staff = await Get<List<StaffMember>>(Tokens.Office, "/api/staff");

        staff.Select(s => s.UserId).ShouldContain("supervisor");
        staff.Single(s => s.UserId == "gongan").Info.ShouldBe(
            new StaffInfo("吴警官", Roles.Department, null, null, "gongan", "13800000006", "gongan@example.gov.cn", true));
        (await Get<List<StaffMember>>(Tokens.Admin, "/api/staff?role=supervisor")).Select(s => s.UserId).ShouldBe(["supervisor"]);
    }

    [Fact]
    public async Task an_administrator_registers_revises_and_deactivates_an_officer()
    {
        var county = await App.NewCountyAsync();
        var officer = new RecordStaffMember("何队员", Roles.Department, DepartmentCode: "chengguan", Phone: "13800000099");

        var created = await Put(Tokens.Admin, "chengguan-he", officer, 200, county);
        var revised = await Put(Tokens.Admin, "chengguan-he", officer with { Active = false }, 200, county);

        (await created.ReadAsJsonAsync<StaffRecorded>())!.ShouldSatisfyAllConditions(r => r.Created.ShouldBeTrue(), r => r.Version.ShouldBe(1));
        (await revised.ReadAsJsonAsync<StaffRecorded>())!.Changed.ShouldBe(["active"]);
        var member = await Get<StaffMember>(Tokens.Office, "/api/staff/chengguan-he", county);
        (member.Version, member.Info.Active, member.UpdatedBy.UserId).ShouldBe((2L, false, "admin"));
        (await Get<List<StaffMember>>(Tokens.Admin, "/api/staff?active=false", county)).Select(s => s.UserId).ShouldBe(["chengguan-he"]);
        (await EventsOf(StaffMember.StreamId("chengguan-he"), county)).Select(e => e.Data.GetType().Name)
            .ShouldBe(["StaffMemberRegistered", "StaffMemberRevised"]);
    }

    [Fact]
    public async Task a_department_lists_its_active_officers_and_analysts_read_their_contacts_masked()
    {
        var county = await App.NewCountyAsync();
        await Put(Tokens.Admin, "zhujian-b", new RecordStaffMember("吕科员", Roles.Department, DepartmentCode: "zhujian", Email: "lv@example.gov.cn"), 200, county);
        await Put(Tokens.Admin, "zhujian-c", new RecordStaffMember("许科员", Roles.Department, DepartmentCode: "zhujian", Active: false), 200, county);

        var officers = await Get<DepartmentOfficers>(Tokens.Zhujian, "/api/departments/zhujian/officers", county);
        var masked = await Get<DepartmentOfficers>(Tokens.Analyst, "/api/departments/zhujian/officers", county);

        officers.Officers.Select(o => (o.UserId, o.Phone, o.Email)).ShouldBe([
            ("zhujian", "13800000005", "zhujian@example.gov.cn"), ("zhujian-b", null, "lv@example.gov.cn")]);
        masked.Officers.Select(o => (o.Phone, o.Email)).ShouldBe([("138****0005", "z******@example.gov.cn"), (null, "l*@example.gov.cn")]);
    }

    [Fact]
    public async Task another_departments_officers_and_an_unknown_department_are_404()
    {
        await Send(Tokens.Gongan, x => x.Get.Url("/api/departments/zhujian/officers"), 404);
        await Send(Tokens.Office, x => x.Get.Url("/api/departments/nowhere/officers"), 404);
        await Send(Tokens.Supervisor, x => x.Get.Url("/api/departments/zhujian/officers"), 200);
    }

    [Fact]
    public async Task only_administrators_record_staff_and_only_they_and_the_office_read_the_register()
    {
        var officer = new RecordStaffMember("某某", Roles.Department, DepartmentCode: "chengguan");

        await Put(Tokens.Office, "someone", officer, 403, AppFixture.County);
        await Send(Tokens.Clerk, x => x.Get.Url("/api/staff"), 403);
        await Send(Tokens.Chengguan, x => x.Get.Url("/api/staff/chengguan"), 403);
        await Send(Tokens.Office, x => x.Get.Url("/api/staff/nobody-here"), 404);
    }

    [Fact]
    public async Task bad_staff_records_are_400_naming_the_field_and_record_nothing()
    {
        var county = await App.NewCountyAsync();

        var role = await Put(Tokens.Admin, "x1", new RecordStaffMember("某某", "mayor"), 400, county);
        var code = await Put(Tokens.Admin, "x1", new RecordStaffMember("某某", Roles.Department, DepartmentCode: "nowhere"), 400, county);
        var area = await Put(Tokens.Admin, "x1", new RecordStaffMember("某某", Roles.Community, "SD02", "CM0101"), 400, county);
        await Send(Tokens.Admin, x => x.Put.RawJson("""{"name":"某某","role":"department","active":"yes"}""").ToUrl("/api/staff/x1"), 400, county);
        await Send(Tokens.Admin, x => x.Get.Url("/api/staff?role=mayor"), 400, county);
        await Send(Tokens.Admin, x => x.Get.Url("/api/staff?active=maybe"), 400, county);

        (await role.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["role"]);
        (await code.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["departmentCode"]);
        (await area.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["subDistrictCode"]);
        (await EventsOf(StaffMember.StreamId("x1"), county)).ShouldBeEmpty();
    }
}
