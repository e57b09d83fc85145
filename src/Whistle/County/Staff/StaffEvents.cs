using Whistle.Kernel;

namespace Whistle.County.Staff;

// Every event of the staff register's streams: one stream per staff member, named by the user id their token
// carries (`sub`). As in the directory, a revision carries the whole entry and the names of the fields that changed.

/// <summary>
/// A staff member as the register records them: the role and area or department their token's claims name, how to
/// reach them outside the application (both optional), and whether they are active. Only active staff are told.
/// </summary>
public sealed record StaffInfo(
    string Name,
    string Role,
    string? SubDistrictCode,
    string? CommunityCode,
    string? DepartmentCode,
    string? Phone,
    string? Email,
    bool Active);

public sealed record StaffMemberRegistered(Guid StaffMemberId, string UserId, StaffInfo Info, Actor By, DateTimeOffset At);

public sealed record StaffMemberRevised(
    Guid StaffMemberId, string UserId, StaffInfo Info, IReadOnlyList<string> Changed, Actor By, DateTimeOffset At);

/// <summary>The events of a staff member's stream, as the event store registers them.</summary>
public static class StaffEvents
{
    public static readonly IReadOnlyList<Type> All = [typeof(StaffMemberRegistered), typeof(StaffMemberRevised)];
}
