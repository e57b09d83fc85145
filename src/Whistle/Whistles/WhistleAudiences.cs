using Whistle.Kernel;

namespace Whistle.Whistles;

/// <summary>
/// Who a whistle's events tell (<see cref="Audience"/>), one rule each: the people who must act next. The decisions put
/// the answer on the event (<c>Told</c>); the staff register turns it into people when the event is handled.
/// </summary>
public static class WhistleAudiences
{
    /// <summary>A new assignment (派单): the officers of every department assigned.</summary>
    public static IReadOnlyList<Audience> Assigned(IEnumerable<string> departments) => [.. departments.Distinct().Select(Audience.Officers)];

    /// <summary>
    /// What one department must act on — a reminder (催办), due times renewed in a round, a reply returned (退回重办), the
    /// answer to its extension request: that department's officers.
    /// </summary>
    public static IReadOnlyList<Audience> Department(string department) => [Audience.Officers(department)];

    /// <summary>Who holds the whistle at a level: the community, the sub-district, the joint-meeting office, the county supervisors.</summary>
    public static Audience Holder(Whistle whistle, WhistleLevel level) => level switch
    {
        WhistleLevel.Community => Audience.Community(whistle.CommunityCode),
        WhistleLevel.SubDistrict => Audience.SubDistrict(whistle.SubDistrictCode),
        WhistleLevel.JointMeeting => Audience.Office,
        _ => Audience.Supervisors,
    };

    /// <summary>An escalation (升级): the department that missed the due time, and whoever now holds the whistle.</summary>
    public static IReadOnlyList<Audience> Escalated(Whistle whistle, string department, WhistleLevel to) =>
        [Audience.Officers(department), Holder(whistle, to)];

    /// <summary>A rejection awaiting a ruling (退单待审定): the joint-meeting office, which must rule on it.</summary>
    public static IReadOnlyList<Audience> Rejected() => [Audience.Office];

    /// <summary>
    /// A ruling (审定): the rejecting department's officers, the new department's when the rejection was upheld, and the
    /// whistler, whose case moves on.
    /// </summary>
    public static IReadOnlyList<Audience> Ruled(Whistle whistle, string department, string? reassignedTo) =>
        [Audience.Officers(department), .. reassignedTo is null ? [] : new[] { Audience.Officers(reassignedTo) }, Whistler(whistle)];

    /// <summary>
    /// The whistler, who answers an extension request (延期申请): the workers of the whistle's community, or the officers
    /// of its sub-district when a sub-district officer blew it; the joint-meeting office for a meeting's whistle.
    /// </summary>
    public static Audience Whistler(Whistle whistle) =>
        whistle.Origin is not null ? Audience.Office
        : whistle.BlownBy.Role == Roles.SubDistrict ? Audience.SubDistrict(whistle.SubDistrictCode) : Audience.Community(whistle.CommunityCode);

    /// <summary>An extension request: the whistler, who must grant or refuse it.</summary>
    public static IReadOnlyList<Audience> ExtensionRequested(Whistle whistle) => [Whistler(whistle)];
}
