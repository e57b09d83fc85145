using Marten;
using Whistle.Kernel;

namespace Whistle.County.Staff;

/// <summary>The staff an audience names: a role, narrowed to one sub-district, community or department where it has one.</summary>
public sealed record StaffSelector(string Role, string? SubDistrictCode = null, string? CommunityCode = null, string? DepartmentCode = null)
{
    /// <summary>Whether this register entry is one of the staff selected: active, in the role, of the area or department.</summary>
    public bool Matches(StaffInfo info) =>
        info.Active && info.Role == Role
        && (SubDistrictCode is null || info.SubDistrictCode == SubDistrictCode)
        && (CommunityCode is null || info.CommunityCode == CommunityCode)
        && (DepartmentCode is null || info.DepartmentCode == DepartmentCode);
}

/// <summary>
/// Who is told when an event names an audience: the active staff of the register, resolved when the event is handled.
/// A department's officers are the staff in the department role of that department — for the mediation centre its
/// officer, not its mediators: an assignment is signed for, answered and rejected by an officer (<see cref="Scope.IsOfficerOf"/>),
/// and a mediator's work is the mediation docket.
/// </summary>
public static class StaffAudience
{
    /// <summary>The staff an audience names; null for an audience that names no one (a group kind without its code).</summary>
    public static StaffSelector? Of(Audience audience) => (audience.Kind, audience.Code) switch
    {
        (AudienceKind.DepartmentOfficers, { Length: > 0 } department) => new(Roles.Department, DepartmentCode: department),
        (AudienceKind.SubDistrictOfficers, { Length: > 0 } subDistrict) => new(Roles.SubDistrict, SubDistrictCode: subDistrict),
        (AudienceKind.CommunityWorkers, { Length: > 0 } community) => new(Roles.Community, CommunityCode: community),
        (AudienceKind.JointMeetingOffice, _) => new(Roles.Office),
        (AudienceKind.CountySupervisors, _) => new(Roles.Supervisor),
        _ => null,
    };

    /// <summary>Every active staff member the audiences name, each once, by user id.</summary>
    public static async Task<IReadOnlyList<StaffMember>> ResolveAsync(IQuerySession session, IEnumerable<Audience> audiences, CancellationToken ct)
    {
        var found = new SortedDictionary<string, StaffMember>(StringComparer.Ordinal);
        foreach (var selector in audiences.Select(Of).OfType<StaffSelector>().Distinct())
        {
            var role = selector.Role;
            var query = session.Query<StaffMember>().Where(s => s.Info.Active && s.Info.Role == role);
            if (selector.SubDistrictCode is { } subDistrict) query = query.Where(s => s.Info.SubDistrictCode == subDistrict);
            if (selector.CommunityCode is { } community) query = query.Where(s => s.Info.CommunityCode == community);
            if (selector.DepartmentCode is { } department) query = query.Where(s => s.Info.DepartmentCode == department);
            foreach (var member in await query.ToListAsync(ct)) found.TryAdd(member.UserId, member);
        }
        return [.. found.Values];
    }

    /// <summary>The departments that have at least one active officer in the register now.</summary>
    public static async Task<IReadOnlySet<string>> DepartmentsWithActiveOfficersAsync(IQuerySession session, CancellationToken ct) =>
        (await session.Query<StaffMember>()
            .Where(s => s.Info.Active && s.Info.Role == Roles.Department)
            .Select(s => s.Info.DepartmentCode!)
            .ToListAsync(ct))
        .ToHashSet(StringComparer.Ordinal);
}
