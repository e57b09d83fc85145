using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Directory;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Staff;

/// <summary>A department's active officers (经办人): who is told of its assignments and answers for them.</summary>
public sealed record DepartmentOfficers(string Department, IReadOnlyList<DepartmentOfficers.Officer> Officers)
{
    public sealed record Officer(string UserId, string Name, string? Phone, string? Email);
}

public static class DepartmentOfficersEndpoint
{
    public static Task<DepartmentCodes> LoadAsync(IQuerySession session, CancellationToken ct) => DepartmentCodes.LoadAsync(session, ct);

    /// <summary>Who sees a department's inbox sees its officers: its own officers and the roles that see every whistle.</summary>
    public static ProblemDetails Validate(string department, DepartmentCodes departments, ClaimsPrincipal user) =>
        departments.Contains(department) && Scope.Of(user).SeesDepartment(department)
            ? Problems.None
            : Problems.NotFound($"没有部门 {department}。", $"No department {department}.");

    /// <summary>
    /// The department's active officers by user id (none: its whistles are flagged, and nobody is told of them).
    /// Analysts read the contacts masked.
    /// </summary>
    [EndpointSummary("部门工作人员 A department's officers")]
    [WolverineGet("/api/departments/{department}/officers", OperationId = "ListDepartmentOfficers")]
    public static async Task<DepartmentOfficers> Get(string department, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var clear = Scope.Of(user).SeesStaffContacts;
        var officers = await StaffAudience.ResolveAsync(session, [Audience.Officers(department)], ct);
        return new DepartmentOfficers(department, [.. officers
            .Select(o => new DepartmentOfficers.Officer(o.UserId, o.Info.Name,
                clear || o.Info.Phone is null ? o.Info.Phone : Mask.Phone(o.Info.Phone),
                clear || o.Info.Email is null ? o.Info.Email : Mask.Email(o.Info.Email)))]);
    }
}
