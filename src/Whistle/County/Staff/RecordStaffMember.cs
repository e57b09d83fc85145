using System.Security.Claims;
using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Directory;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.County.Staff;

/// <summary>
/// Records a staff member under the user id their token carries (<c>sub</c>), or revises them: name, role, the
/// sub-district, community or department the role works in, contacts for notices (optional), active or not (default
/// active). A community worker's sub-district is their community's.
/// </summary>
[ExampleBody("""{"name": "李娜", "role": "community", "subDistrictCode": "SD01", "communityCode": "CM0101", "phone": "13800000001", "active": true}""")]
public sealed record RecordStaffMember(
    string? Name, string? Role, string? SubDistrictCode = null, string? CommunityCode = null, string? DepartmentCode = null,
    string? Phone = null, string? Email = null, bool? Active = null);

/// <summary>What the PUT answers: the user id, the staff member's version after the call, and what changed.</summary>
public sealed record StaffRecorded(string UserId, long Version, bool Created, IReadOnlyList<string> Changed);

/// <summary>Whether a role works in a sub-district, a community or a department: required, optional or not at all.</summary>
public enum RoleNeed
{
    None = 0,
    Optional = 1,
    Required = 2,
}

/// <summary>What recording a staff member reads besides the member: the directory entries the command names.</summary>
public sealed record StaffRecording(SubDistrict? SubDistrict, Community? Community, Department? Department);

public static partial class RecordStaffMemberEndpoint
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")]
    private static partial Regex UserIdPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9-]{5,19}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    public static async Task<StaffRecording> LoadAsync(RecordStaffMember command, IQuerySession session, CancellationToken ct) =>
        new(Given(command.SubDistrictCode) is { } subDistrict ? await session.LoadAsync<SubDistrict>(DirectoryIds.SubDistrict(subDistrict), ct) : null,
            Given(command.CommunityCode) is { } community ? await session.LoadAsync<Community>(DirectoryIds.Community(community), ct) : null,
            Given(command.DepartmentCode) is { } department ? await session.LoadAsync<Department>(DirectoryIds.Department(department), ct) : null);

    /// <summary>
    /// The role must be known, and each role names exactly what it works in: a community worker their community (and,
    /// if given, its sub-district), a sub-district officer their sub-district, a department officer their department,
    /// a mediator their centre if any; the county-wide roles nothing. Every code named must be in the directory.
    /// </summary>
    public static ProblemDetails Validate(string userId, RecordStaffMember command, StaffRecording recording)
    {
        var role = command.Role?.Trim();
        var errors = new FieldErrors()
            .When(!UserIdPattern().IsMatch(userId), "userId",
                "用户标识只能由字母、数字和 . _ @ - 组成，最长 64 位。Letters, digits and . _ @ - only, at most 64.")
            .Text("name", command.Name, 50)
            .Text("role", role, 32)
            .When(role is { Length: > 0 } && !Roles.All.Contains(role), "role",
                $"应为 {string.Join("/", Roles.All)} 之一。Unknown role {role}.")
            .When(Given(command.Phone) is { } phone && !PhonePattern().IsMatch(phone), "phone",
                "电话只能由数字、- 和开头的 + 组成，6 到 20 位。Digits, - and a leading +, 6 to 20 characters.")
            .When(Given(command.Email) is { } email && (email.Length > 100 || !EmailPattern().IsMatch(email)), "email",
                "不是有效的电子邮箱（最长 100 位）。Not an e-mail address (at most 100 characters).");
        if (errors.Any) return errors.ToProblem();

        var (subDistrict, community, department) = (Given(command.SubDistrictCode), Given(command.CommunityCode), Given(command.DepartmentCode));
        var needs = Needs(role!);
        errors
            .When(needs.SubDistrict == RoleNeed.Required && subDistrict is null, "subDistrictCode", "此角色须指定街道。Required for this role.")
            .When(needs.Community == RoleNeed.Required && community is null, "communityCode", "此角色须指定社区。Required for this role.")
            .When(needs.Department == RoleNeed.Required && department is null, "departmentCode", "此角色须指定部门。Required for this role.")
            .When(needs.SubDistrict == RoleNeed.None && subDistrict is not null, "subDistrictCode", "此角色不属任何街道。This role has no sub-district.")
            .When(needs.Community == RoleNeed.None && community is not null, "communityCode", "此角色不属任何社区。This role has no community.")
            .When(needs.Department == RoleNeed.None && department is not null, "departmentCode", "此角色不属任何部门。This role has no department.");
        if (errors.Any) return errors.ToProblem();

        if (subDistrict is not null && recording.SubDistrict is null) return DirectoryRecording.UnknownCode("subDistrictCode", "街道", subDistrict);
        if (community is not null && recording.Community is null) return DirectoryRecording.UnknownCode("communityCode", "社区", community);
        if (department is not null && recording.Department is null) return DirectoryRecording.UnknownCode("departmentCode", "部门", department);
        return recording.Community is { } c && subDistrict is not null && c.Info.SubDistrictCode != subDistrict
            ? new FieldErrors().Add("subDistrictCode",
                $"社区 {c.Code} 属街道 {c.Info.SubDistrictCode}，不属 {subDistrict}。The community is in {c.Info.SubDistrictCode}.").ToProblem()
            : Problems.None;
    }

    /// <summary>What each role works in: its sub-district, community and department, required, optional or none.</summary>
    public static (RoleNeed SubDistrict, RoleNeed Community, RoleNeed Department) Needs(string role) => role switch
    {
        Roles.Community => (RoleNeed.Optional, RoleNeed.Required, RoleNeed.None),
        Roles.SubDistrict => (RoleNeed.Required, RoleNeed.None, RoleNeed.None),
        Roles.Department => (RoleNeed.None, RoleNeed.None, RoleNeed.Required),
        Roles.Mediator => (RoleNeed.None, RoleNeed.None, RoleNeed.Optional),
        _ => (RoleNeed.None, RoleNeed.None, RoleNeed.None),
    };

    public static Guid StreamId(string userId) => StaffMember.StreamId(userId);

    [EndpointSummary("登记工作人员 Record a staff member")]
    [WolverinePut("/api/staff/{userId}", OperationId = nameof(RecordStaffMember))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static (StaffRecorded, Events) Put(
        string userId, RecordStaffMember command, StaffRecording recording,
        [WriteAggregate(Required = false, FromMethod = nameof(StreamId))] StaffMember? member, ClaimsPrincipal user, DateTimeOffset now) =>
        Record(userId, command, recording, member, Actor.From(user), now);

    /// <summary>
    /// The decision: a new user id registers the staff member; a known one is revised with the names of the fields
    /// that changed; the same values again change nothing.
    /// </summary>
    public static (StaffRecorded, Events) Record(
        string userId, RecordStaffMember command, StaffRecording recording, StaffMember? member, Actor by, DateTimeOffset now)
    {
        var role = command.Role!.Trim();
        var info = new StaffInfo(
            command.Name!.Trim(), role,
            role == Roles.Community ? recording.Community!.Info.SubDistrictCode : Given(command.SubDistrictCode),
            Given(command.CommunityCode), Given(command.DepartmentCode), Given(command.Phone), Given(command.Email),
            command.Active ?? true);
        var id = StaffMember.StreamId(userId);
        var (recorded, change) = DirectoryRecording.Decide(userId, info, member?.Info, member?.Version ?? 0,
            i => new StaffMemberRegistered(id, userId, i, by, now), (i, changed) => new StaffMemberRevised(id, userId, i, changed, by, now));
        return (new StaffRecorded(userId, recorded.Version, recorded.Created, recorded.Changed), change is null ? [] : [change]);
    }

    private static string? Given(string? value) => value?.Trim() is { Length: > 0 } text ? text : null;
}
