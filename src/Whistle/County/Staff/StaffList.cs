using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Staff;

/// <summary>Who reads the staff register: its administrators and the joint-meeting office, which supervises the work.</summary>
public static class StaffReaders
{
    public const string Roles = Kernel.Roles.Admin + "," + Kernel.Roles.Office;
}

public static class StaffListEndpoint
{
    public static ProblemDetails Validate(string? role) =>
        role is null || Roles.All.Contains(role)
            ? Problems.None
            : new FieldErrors().Add("role", $"应为 {string.Join("/", Roles.All)} 之一。Unknown role {role}.").ToProblem();

    /// <summary>The county's staff register by user id; <c>role</c> keeps one role, <c>active</c> the active (or inactive) staff.</summary>
    [EndpointSummary("工作人员名册 The staff register")]
    [WolverineGet("/api/staff", OperationId = "ListStaff")]
    [Authorize(Roles = StaffReaders.Roles)]
    public static Task<IReadOnlyList<StaffMember>> Get(string? role, bool? active, IQuerySession session, CancellationToken ct)
    {
        var query = session.Query<StaffMember>().AsQueryable();
        if (role is not null) query = query.Where(s => s.Info.Role == role);
        if (active is { } isActive) query = query.Where(s => s.Info.Active == isActive);
        return query.OrderBy(s => s.UserId).ToListAsync(ct);
    }
}

public static class StaffMemberEndpoint
{
    public static Task<StaffMember?> LoadAsync(string userId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<StaffMember>(StaffMember.StreamId(userId), ct);

    public static ProblemDetails Validate(string userId, StaffMember? member) =>
        member is null ? Problems.NotFound($"人员名册中没有用户 {userId}。", $"No staff member {userId}.") : Problems.None;

    [EndpointSummary("查看工作人员 One staff member")]
    [EndpointDescription("按用户编号查看工作人员名册中的一人。One person of the staff register by user id.")]
    [WolverineGet("/api/staff/{userId}", OperationId = "GetStaffMember")]
    [Authorize(Roles = StaffReaders.Roles)]
    public static StaffMember Get(StaffMember member) => member;
}
