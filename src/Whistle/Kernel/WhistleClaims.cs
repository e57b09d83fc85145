using System.Security.Claims;

namespace Whistle.Kernel;

/// <summary>The claims Whistle reads from a bearer token, and the roles it knows.</summary>
public static class WhistleClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    /// <summary>The county the user works for: the Marten tenant of every request.</summary>
    public const string County = "county";
    public const string SubDistrict = "sub_district";
    public const string Community = "community";
    public const string Department = "department";

    public static string? CommunityOf(this ClaimsPrincipal user) => user.FindFirstValue(Community);
    public static string? SubDistrictOf(this ClaimsPrincipal user) => user.FindFirstValue(SubDistrict);
    public static string? CountyOf(this ClaimsPrincipal user) => user.FindFirstValue(County);
}

/// <summary>Roles, as they appear in the token's <c>role</c> claim.</summary>
public static class Roles
{
    public const string Clerk = "clerk";                 // 受理员: registers hotline and walk-in cases for the county
    public const string Community = "community";         // 社区工作者
    public const string SubDistrict = "sub_district";    // 街道
    public const string Department = "department";      // 部门
    public const string Office = "office";               // 联席办
    public const string Mediator = "mediator";           // 调解员
    public const string Analyst = "analyst";             // 分析员
    public const string Admin = "admin";                 // 管理员
    public const string Supervisor = "supervisor";       // 县级督办: reads every whistle and complaint county-wide

    public static readonly string[] All = [Clerk, Community, SubDistrict, Department, Office, Mediator, Analyst, Admin, Supervisor];
}
