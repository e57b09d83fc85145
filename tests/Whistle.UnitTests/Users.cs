using System.Security.Claims;
using Whistle.Kernel;

namespace Whistle.UnitTests;

/// <summary>Signed-in users as the JWT handler builds them: <c>sub</c> names the user, <c>role</c> is the role claim.</summary>
public static class Users
{
    public const string County = "anlan";

    public static ClaimsPrincipal Clerk => User("u-clerk", "李受理", Roles.Clerk);

    public static readonly Actor ClerkActor = new("u-clerk", "李受理", Roles.Clerk);

    /// <summary>The administrator who maintains the directory, the catalogue, the deadline policy and the calendar.</summary>
    public static ClaimsPrincipal Admin => User("u-admin", "周管理", Roles.Admin);

    public static readonly Actor AdminActor = new("u-admin", "周管理", Roles.Admin);

    public static ClaimsPrincipal CommunityWorker(string communityId, string subDistrictId) =>
        User("u-community", "王社区", Roles.Community, communityId: communityId, subDistrictId: subDistrictId);

    public static readonly Actor CommunityWorkerActor = new("u-community", "王社区", Roles.Community);

    public static ClaimsPrincipal SubDistrictWorker(string subDistrictId) =>
        User("u-street", "赵街道", Roles.SubDistrict, subDistrictId: subDistrictId);

    public static readonly Actor SubDistrictWorkerActor = new("u-street", "赵街道", Roles.SubDistrict);

    /// <summary>An officer of one department (部门), who signs for, replies to or rejects that department's assignments.</summary>
    public static ClaimsPrincipal DepartmentOfficer(string departmentId) =>
        User($"u-{departmentId}", $"{departmentId} 科长", Roles.Department, departmentId: departmentId);

    public static Actor DepartmentOfficerActor(string departmentId) => new($"u-{departmentId}", $"{departmentId} 科长", Roles.Department);

    /// <summary>The joint-meeting office (联席办), which rules on rejected assignments.</summary>
    public static ClaimsPrincipal Office => User("u-office", "钱联席", Roles.Office);

    public static readonly Actor OfficeActor = new("u-office", "钱联席", Roles.Office);

    public static ClaimsPrincipal User(
        string id, string? name, string role, string? communityId = null, string? subDistrictId = null,
        string? departmentId = null, string county = County)
    {
        var claims = new List<Claim>
        {
            new(WhistleClaims.Subject, id),
            new(WhistleClaims.Role, role),
            new(WhistleClaims.County, county),
        };
        if (name is not null) claims.Add(new(WhistleClaims.Name, name));
        if (communityId is not null) claims.Add(new(WhistleClaims.Community, communityId));
        if (subDistrictId is not null) claims.Add(new(WhistleClaims.SubDistrict, subDistrictId));
        if (departmentId is not null) claims.Add(new(WhistleClaims.Department, departmentId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", WhistleClaims.Subject, WhistleClaims.Role));
    }
}
