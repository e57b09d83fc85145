using Whistle.Kernel;
using Whistle.Whistles;

namespace Whistle.JointMeetings.Meetings;

// Every event of a JointMeeting stream (联席会议): one stream per meeting, from its convening to its minutes. Each
// carries the meeting id, the actor and the business time. A resolution, once dispatched as a whistle, is never edited:
// a correction is a ResolutionCorrected beside it, and the minutes show both.

/// <summary>
/// An agenda item: the whistle it came from and, when the item is a department's rejection awaiting the office's
/// ruling, that department (<see cref="RejectionOf"/>). The case and area travel with it for the minutes.
/// </summary>
public sealed record AgendaItem(
    int Number, Guid WhistleId, string? RejectionOf, string ComplaintNumber, WhistleLevel Level, string CommunityCode,
    string SubDistrictCode);

/// <summary>A member department at the meeting: present (who attended for it), or absent (why, if said).</summary>
[OptionalFields("absenceReason")]
public sealed record MemberAttendance(string Department, bool Present, string? Attendee, string? AbsenceReason);

/// <summary>The office convened a meeting: when, who chairs it, the member departments called, where.</summary>
public sealed record JointMeetingConvened(
    Guid MeetingId, DateTimeOffset ScheduledAt, string Chair, IReadOnlyList<string> Members, string Venue, Actor By, DateTimeOffset At);

/// <summary>An item proposed from the office's worklist (联席办待办), checked against its whistle when proposed.</summary>
public sealed record AgendaItemProposed(Guid MeetingId, AgendaItem Item, Actor By, DateTimeOffset At);

/// <summary>An item added by hand, with the office's reason.</summary>
public sealed record AgendaItemAdded(Guid MeetingId, AgendaItem Item, string Reason, Actor By, DateTimeOffset At);

/// <summary>An item dropped by hand, with the office's reason; its number is not reused.</summary>
public sealed record AgendaItemDropped(Guid MeetingId, int ItemNumber, string Reason, Actor By, DateTimeOffset At);

/// <summary>The meeting was held: the attendance of every member department, absent ones included.</summary>
public sealed record JointMeetingHeld(Guid MeetingId, IReadOnlyList<MemberAttendance> Attendance, Actor By, DateTimeOffset At);

/// <summary>
/// The meeting resolved an item: the lead and co-handling departments, what must be done, by when, on what basis.
/// Always appended with its <see cref="ResolutionDispatched"/>.
/// </summary>
public sealed record ResolutionAdopted(
    Guid MeetingId, Guid ResolutionId, int ItemNumber, string Lead, IReadOnlyList<string> CoHandling, string Action,
    DateTimeOffset Deadline, string Basis, Actor By, DateTimeOffset At);

/// <summary>The resolution went out as a new whistle (<see cref="WhistleId"/>) whose origin is this meeting.</summary>
public sealed record ResolutionDispatched(Guid MeetingId, Guid ResolutionId, int ItemNumber, Guid WhistleId, Actor By, DateTimeOffset At);

/// <summary>A correction to a dispatched resolution, recorded beside it (the resolution itself stands as adopted).</summary>
public sealed record ResolutionCorrected(Guid MeetingId, Guid ResolutionId, string Correction, string Reason, Actor By, DateTimeOffset At);

/// <summary>What was done on a resolution (落实情况), as the office records it.</summary>
public sealed record ResolutionActionRecorded(Guid MeetingId, Guid ResolutionId, string Done, Actor By, DateTimeOffset At);

/// <summary>The minutes (会议纪要) were published: from now on they can be read and printed.</summary>
public sealed record MinutesPublished(Guid MeetingId, Actor By, DateTimeOffset At);

/// <summary>Every event a joint-meeting stream may hold, first the one that starts it: registered by <see cref="JointMeetingsSetup"/>.</summary>
public static class JointMeetingEventTypes
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(JointMeetingConvened),
        typeof(AgendaItemProposed),
        typeof(AgendaItemAdded),
        typeof(AgendaItemDropped),
        typeof(JointMeetingHeld),
        typeof(ResolutionAdopted),
        typeof(ResolutionDispatched),
        typeof(ResolutionCorrected),
        typeof(ResolutionActionRecorded),
        typeof(MinutesPublished),
    ];
}
