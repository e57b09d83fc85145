using Whistle.County.Deadlines;
using Whistle.Kernel;

namespace Whistle.Whistles;

// Every event of a Whistle stream: one stream per whistle, started in the same transaction as the case's
// ComplaintWhistled. Each carries the whistle id, the actor (or the time that passed) and the business time.
// An event that calls on someone to act carries Told, the audiences it tells (WhistleAudiences says who): the
// notifications follow from it. Told is null on events recorded before audiences were named, which told nobody.

/// <summary>Who holds the whistle: it climbs one level at each missed round (see <see cref="WhistleEscalated"/>).</summary>
public enum WhistleLevel
{
    Community = 1,          // 社区
    SubDistrict = 2,        // 街道
    JointMeeting = 3,       // 联席会议
    CountySupervision = 4,  // 县级督办
}

public enum AssignmentRole
{
    Lead = 1,        // 牵头
    CoHandling = 2,  // 配合
}

public enum DeadlineKind
{
    SignFor = 1,  // 签收
    Reply = 2,    // 反馈
}

public enum ArbitrationRuling
{
    Upheld = 1,     // 退单成立: the case moves to another department
    Overruled = 2,  // 退单不成立: the department must handle it
}

/// <summary>Why a department's clock stands still: while paused, none of its due times runs against it.</summary>
public enum PauseReason
{
    AwaitingRuling = 1,  // 退单待审定: the department rejected the assignment; the office has not ruled
}

/// <summary>
/// A department's part in a whistle, with the due times it was given and the versions they came from.
/// <see cref="RejectionWindowEnd"/>: until when it may reject the assignment (退单), computed with the due times under the
/// same policy and calendar versions; null on assignments recorded before the window existed, which keep no window.
/// </summary>
public sealed record AssignmentTerms(
    string Department, AssignmentRole Role, AssignmentDeadlines Deadlines, DateTimeOffset? RejectionWindowEnd = null);

/// <summary>
/// Where a whistle came from: a joint meeting's resolution (<see cref="MeetingId"/>, the agenda item's
/// <see cref="ItemNumber"/>, <see cref="ResolutionId"/>). A whistle blown on a complaint by its community or
/// sub-district has no origin recorded (null): that is every whistle stored before meetings existed.
/// </summary>
public sealed record WhistleOrigin(Guid MeetingId, int ItemNumber, Guid ResolutionId);

/// <summary>
/// The whistle was blown. <see cref="WithoutActiveOfficer"/>: the departments assigned that had no active officer in
/// the staff register at that moment (null when every one had) — the whistle is blown all the same, and flagged.
/// <see cref="Origin"/>: the joint meeting's resolution it dispatches; null for a whistle blown on a complaint. A
/// meeting's whistle carries the case (complaint, category, area) of the agenda item's whistle, so scope by area holds.
/// </summary>
public sealed record WhistleBlown(
    Guid WhistleId,
    Guid ComplaintId,
    string ComplaintNumber,
    string CategoryId,
    WhistleType Type,
    WhistleLevel Level,
    string CommunityCode,
    string SubDistrictCode,
    string Need,
    IReadOnlyList<AssignmentTerms> Assignments,
    int CatalogueVersion,
    string? DepartureReason,
    Actor By,
    DateTimeOffset At,
    IReadOnlyList<Audience>? Told = null,
    IReadOnlyList<string>? WithoutActiveOfficer = null,
    WhistleOrigin? Origin = null);

public sealed record AssignmentSignedFor(Guid WhistleId, string Department, Actor By, DateTimeOffset At);

public sealed record AssignmentReplied(
    Guid WhistleId, string Department, string Result, IReadOnlyList<string> Evidence, Actor By, DateTimeOffset At);

public sealed record ExtensionRequested(
    Guid WhistleId, string Department, DateTimeOffset ProposedReplyDue, string Reason, Actor By, DateTimeOffset At,
    IReadOnlyList<Audience>? Told = null);

public sealed record ExtensionGranted(
    Guid WhistleId, string Department, DateTimeOffset ReplyDue, DateTimeOffset ReplyReminder, Actor By, DateTimeOffset At,
    IReadOnlyList<Audience>? Told = null);

public sealed record ExtensionRefused(
    Guid WhistleId, string Department, string Reason, Actor By, DateTimeOffset At, IReadOnlyList<Audience>? Told = null);

public sealed record AssignmentRejected(
    Guid WhistleId, string Department, string LegalBasis, string Reason, Actor By, DateTimeOffset At,
    IReadOnlyList<Audience>? Told = null);

/// <summary>
/// The joint-meeting office's ruling on a rejection. Upheld: the department leaves and <see cref="Reassignment"/>
/// takes its place. Overruled: the department must handle it, counted as signed for, with <see cref="Renewed"/> due times.
/// </summary>
public sealed record RejectionArbitrated(
    Guid WhistleId, string Department, ArbitrationRuling Ruling, string Reason,
    AssignmentTerms? Reassignment, AssignmentDeadlines? Renewed, Actor By, DateTimeOffset At,
    IReadOnlyList<Audience>? Told = null);

/// <summary>
/// The department's clock stopped (its due times no longer run against it) until the pause ends
/// (<see cref="AssignmentPauseEnded"/>). Paused by a rejection: the office is told to rule by <see cref="Ruling"/>.
/// </summary>
public sealed record AssignmentPaused(
    Guid WhistleId, string Department, PauseReason Reason, RulingDeadline Ruling, Actor By, DateTimeOffset At);

/// <summary>
/// The department's pause ended, appended with the ruling that ends it: overruled, its clock runs again from the ruling's
/// fresh due time; upheld, the assignment leaves it.
/// </summary>
public sealed record AssignmentPauseEnded(Guid WhistleId, string Department, PauseReason Reason, Actor By, DateTimeOffset At);

/// <summary>审定催办: the office was reminded of a ruling still not given, due at <see cref="DueAt"/>.</summary>
public sealed record RulingReminderSent(
    Guid WhistleId, string Department, DateTimeOffset DueAt, DateTimeOffset At, IReadOnlyList<Audience>? Told = null) : IRecordsTimePassing;

/// <summary>The office's ruling on the department's rejection was due at <see cref="DueAt"/> and not given (recorded once).</summary>
public sealed record RulingOverdue(
    Guid WhistleId, string Department, DateTimeOffset DueAt, DateTimeOffset At, IReadOnlyList<Audience>? Told = null) : IRecordsTimePassing;

/// <summary>
/// 督办: the whistle went straight to county supervision because the office's ruling on <see cref="Department"/>'s
/// rejection, due at <see cref="RulingDue"/>, was not given. The department's own due times stay as they were (paused).
/// </summary>
public sealed record SupervisionOpened(
    Guid WhistleId, WhistleLevel From, WhistleLevel To, string Department, DateTimeOffset RulingDue, DateTimeOffset At,
    IReadOnlyList<Audience>? Told = null) : IRecordsTimePassing;

/// <summary>
/// 通报: a department's missed due time (<see cref="Missed"/> due at <see cref="DueAt"/>, recorded overdue at
/// <see cref="OverdueSince"/>) still stood uncured the policy's notice interval later, so it is published. The area
/// and complaint travel on the event for the notices list, computed under the recorded policy and calendar versions.
/// </summary>
public sealed record BreachNoticePublished(
    Guid WhistleId, Guid ComplaintId, string ComplaintNumber, string CommunityCode, string SubDistrictCode, string Department,
    DeadlineKind Missed, DateTimeOffset DueAt, DateTimeOffset OverdueSince, int PolicyVersion, int CalendarVersion, DateTimeOffset At,
    IReadOnlyList<Audience>? Told = null) : IRecordsTimePassing;

/// <summary>催办: a reminder went out before a due time.</summary>
public sealed record ReminderSent(
    Guid WhistleId, string Department, DeadlineKind Kind, DateTimeOffset DueAt, DateTimeOffset At,
    IReadOnlyList<Audience>? Told = null) : IRecordsTimePassing;

public sealed record AssignmentOverdue(Guid WhistleId, string Department, DeadlineKind Kind, DateTimeOffset DueAt, DateTimeOffset At) : IRecordsTimePassing;

/// <summary>
/// The whistle climbed a level because a department missed a due time; that department gets new due times. The due
/// time missed (on the <see cref="AssignmentOverdue"/> appended just before) opens a round: other departments that
/// missed a due time at or before it are recorded by <see cref="AssignmentDeadlinesRenewed"/> and raise no level.
/// </summary>
public sealed record WhistleEscalated(
    Guid WhistleId, WhistleLevel From, WhistleLevel To, string Department, DeadlineKind Missed,
    AssignmentDeadlines Renewed, DateTimeOffset At, IReadOnlyList<Audience>? Told = null) : IRecordsTimePassing;

/// <summary>
/// A department missed a due time in a round that already raised the whistle (its due time at or before the one that
/// raised it): the level stays, and the department gets the due times that round gave, so all who missed it stand
/// on the same due times at the next round. <see cref="Renewed"/> is the department's due times from now on.
/// </summary>
public sealed record AssignmentDeadlinesRenewed(
    Guid WhistleId, string Department, DeadlineKind Missed, WhistleLevel Level, AssignmentDeadlines Renewed,
    DateTimeOffset At, IReadOnlyList<Audience>? Told = null) : IRecordsTimePassing;

/// <summary>The whistler sent a department's reply back (退回重办); it must reply again by the renewed due time.</summary>
public sealed record ReplyReturned(
    Guid WhistleId, string Department, string Reason, AssignmentDeadlines Renewed, Actor By, DateTimeOffset At,
    IReadOnlyList<Audience>? Told = null);

public sealed record DepartmentRated(Guid WhistleId, string Department, int Score, string? Comment, Actor By, DateTimeOffset At);

/// <summary>
/// 联席会议接办: a joint meeting adopted a resolution on this whistle and dispatched it as the new whistle
/// <see cref="ByWhistleId"/>. It concludes nothing and stops no clock: the departments still answer for this whistle,
/// and the worklist shows it as taken over; the meeting's whistle carries the resolution's work.
/// </summary>
public sealed record WhistleTakenOverByMeeting(
    Guid WhistleId, Guid MeetingId, int ItemNumber, Guid ResolutionId, Guid ByWhistleId, Actor By, DateTimeOffset At);

public sealed record WhistleConcluded(Guid WhistleId, Guid ComplaintId, IReadOnlyList<string> Departments, Actor By, DateTimeOffset At);

// The passing of time: scheduled when due times are set, never cancelled. Each carries the due time it was set
// for; a handler that finds the assignment answered, or another due time current, does nothing.

public sealed record WhistleReminderDue(Guid WhistleId, string Department, DeadlineKind Kind, DateTimeOffset DueAt) : ITimePassed;

public sealed record WhistleDeadlineReached(Guid WhistleId, string Department, DeadlineKind Kind, DateTimeOffset DueAt) : ITimePassed;

/// <summary>Time to remind the office of the ruling on the department's rejection due at <see cref="DueAt"/>.</summary>
public sealed record RulingReminderDue(Guid WhistleId, string Department, DateTimeOffset DueAt) : ITimePassed;

/// <summary>The office's ruling on the department's rejection fell due at <see cref="DueAt"/>.</summary>
public sealed record RulingDeadlineReached(Guid WhistleId, string Department, DateTimeOffset DueAt) : ITimePassed;

/// <summary>
/// The notice interval after a missed due time ran out (at <see cref="NoticeAt"/>): the breach is published if still
/// uncured. Carries the breach and the policy and calendar versions the notice time was computed under.
/// </summary>
public sealed record BreachNoticeDue(
    Guid WhistleId, string Department, DeadlineKind Kind, DateTimeOffset DueAt, DateTimeOffset OverdueSince, DateTimeOffset NoticeAt,
    int PolicyVersion, int CalendarVersion) : ITimePassed;

/// <summary>Every event a whistle stream may hold, first the one that starts it: registered with Marten by <see cref="WhistlesSetup"/>.</summary>
public static class WhistleEventTypes
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(WhistleBlown),
        typeof(AssignmentSignedFor),
        typeof(AssignmentReplied),
        typeof(ExtensionRequested),
        typeof(ExtensionGranted),
        typeof(ExtensionRefused),
        typeof(AssignmentRejected),
        typeof(RejectionArbitrated),
        typeof(ReminderSent),
        typeof(AssignmentOverdue),
        typeof(WhistleEscalated),
        typeof(AssignmentDeadlinesRenewed),
        typeof(ReplyReturned),
        typeof(DepartmentRated),
        typeof(WhistleConcluded),
        typeof(AssignmentPaused),
        typeof(AssignmentPauseEnded),
        typeof(RulingReminderSent),
        typeof(RulingOverdue),
        typeof(SupervisionOpened),
        typeof(BreachNoticePublished),
        typeof(WhistlerRated),
        typeof(WhistleTakenOverByMeeting),
    ];
}

/// <summary>
/// 部门评价属地: a department assigned to the whistle rated the area that blew it, once, after replying — whether the
/// whistle was well-founded (合理) and how the community cooperated (配合), each 1–5. The community and sub-district
/// travel on the event (the territory assessment reads them without a lookup).
/// </summary>
public sealed record WhistlerRated(
    Guid WhistleId, string Department, string CommunityCode, string SubDistrictCode, int WellFounded, int Cooperation,
    string? Comment, Actor By, DateTimeOffset At);
