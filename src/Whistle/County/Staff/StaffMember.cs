using Whistle.County.Directory;
using Whistle.Kernel;

namespace Whistle.County.Staff;

/// <summary>
/// One member of the county's staff register (人员名册): who a user id is, in which role and area or department they
/// work, and how to reach them. The write model of the staff member's stream and the document notifications read.
/// </summary>
public sealed record StaffMember
{
    public Guid Id { get; init; }
    public string UserId { get; init; } = "";
    public long Version { get; init; }
    public StaffInfo Info { get; init; } = new("", "", null, null, null, null, null, false);
    public DateTimeOffset UpdatedAt { get; init; }
    public Actor UpdatedBy { get; init; } = new("", "", "");

    /// <summary>The stream of a user id: a name-based UUID, so the same user id always finds the same stream.</summary>
    public static Guid StreamId(string userId) => DirectoryIds.For("staff", userId);

    public static StaffMember Create(StaffMemberRegistered e) =>
        new() { Id = e.StaffMemberId, UserId = e.UserId, Version = 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };

    public StaffMember Apply(StaffMemberRevised e) => this with { Version = Version + 1, Info = e.Info, UpdatedAt = e.At, UpdatedBy = e.By };
}
