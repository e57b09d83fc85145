namespace Whistle.Kernel;

/// <summary>The kinds of people an event may tell: each is a group the staff register resolves to users when the event is handled.</summary>
public enum AudienceKind
{
    DepartmentOfficers = 1,   // 部门经办人: the officers of one department
    SubDistrictOfficers = 2,  // 街道: the officers of one sub-district
    CommunityWorkers = 3,     // 社区: the workers of one community
    JointMeetingOffice = 4,   // 联席办: the county's joint-meeting office
    CountySupervisors = 5,    // 县级督办: the county's supervisors
}

/// <summary>
/// Who an event tells (通知对象): a group, named by its kind and the code of the department, sub-district or community
/// it belongs to (null for the county-wide office and supervisors, the county being the event's tenant). Events that
/// call for someone to act carry the audiences they tell, so who was told is part of the record.
/// </summary>
public sealed record Audience(AudienceKind Kind, string? Code = null)
{
    public static Audience Officers(string department) => new(AudienceKind.DepartmentOfficers, department);

    public static Audience SubDistrict(string subDistrict) => new(AudienceKind.SubDistrictOfficers, subDistrict);

    public static Audience Community(string community) => new(AudienceKind.CommunityWorkers, community);

    public static Audience Office { get; } = new(AudienceKind.JointMeetingOffice);

    public static Audience Supervisors { get; } = new(AudienceKind.CountySupervisors);

    public override string ToString() => Code is null ? Kind.ToString() : $"{Kind}:{Code}";
}
