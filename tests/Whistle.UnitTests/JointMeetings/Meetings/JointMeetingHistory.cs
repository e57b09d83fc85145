using Whistle.JointMeetings.Meetings;
using Whistle.Kernel;
using Whistle.Whistles;
using static Whistle.UnitTests.Whistles.WhistleHistory;
using WhistleModel = Whistle.Whistles.Whistle;

namespace Whistle.UnitTests.JointMeetings.Meetings;

/// <summary>
/// The Given events of joint-meeting tests: a meeting convened by the office with 城管 and 规划 as members, the Given
/// whistle of <see cref="Whistles.WhistleHistory"/> as its first item.
/// </summary>
public static class JointMeetingHistory
{
    public static readonly Guid MeetingId = Guid.Parse("019ca8f0-3000-7000-8000-00000000d001");
    public static readonly Guid ResolutionId = Guid.Parse("019ca8f0-3000-7000-8000-00000000d002");
    public static readonly Guid NewWhistleId = Guid.Parse("019ca8f0-3000-7000-8000-00000000d003");
    public static readonly DateTimeOffset ScheduledAt = Now.AddDays(1);
    public static readonly Actor Office = Users.OfficeActor;

    public static JointMeetingConvened Convened() => new(MeetingId, ScheduledAt, "县联席办主任", [Lead, CoHandler], "县政府三楼会议室", Office, Now);

    public static AgendaItem Item(int number = 1, Guid? whistleId = null, string? rejectionOf = null) =>
        new(number, whistleId ?? WhistleId, rejectionOf, Complaints.ComplaintHistory.Number, WhistleLevel.Community,
            Complaints.ComplaintHistory.CommunityId, Complaints.ComplaintHistory.SubDistrictId);

    public static AgendaItemProposed Proposed(int number = 1, Guid? whistleId = null) => new(MeetingId, Item(number, whistleId), Office, Now);

    public static JointMeetingHeld Held() =>
        new(MeetingId, [new MemberAttendance(Lead, true, "城管局副局长", null), new MemberAttendance(CoHandler, false, null, "公务外出")], Office, Now);

    public static ResolutionAdopted Adopted(int number = 1) =>
        new(MeetingId, ResolutionId, number, Lead, [CoHandler], "十日内拆除楼顶违建", Now.AddDays(10), "《城乡规划法》第六十八条", Office, Now);

    public static ResolutionDispatched Dispatched(int number = 1) => new(MeetingId, ResolutionId, number, NewWhistleId, Office, Now);

    public static JointMeeting Meeting(params object[] after) => EventSpecification.Given<JointMeeting>([Convened(), .. after]);

    /// <summary>The Given whistle, open, and the same whistle concluded.</summary>
    public static AgendaWhistles OpenWhistle => new(new Dictionary<Guid, WhistleModel> { [WhistleId] = EventSpecification.Given<WhistleModel>(Blown()) });

    public static AgendaWhistles ConcludedWhistle => new(new Dictionary<Guid, WhistleModel>
    {
        [WhistleId] = EventSpecification.Given<WhistleModel>(
            Blown(), Replied(Lead), Replied(CoHandler), new WhistleConcluded(WhistleId, Complaints.ComplaintHistory.Id, [Lead, CoHandler], Whistler, Now)),
    });

    public static AgendaWhistles WithRejection => new(new Dictionary<Guid, WhistleModel>
    {
        [WhistleId] = EventSpecification.Given<WhistleModel>([Blown(), .. RejectedAndPaused(Lead)]),
    });
}
