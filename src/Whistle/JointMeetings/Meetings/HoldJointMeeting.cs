using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.JointMeetings.Meetings;

public sealed record AttendanceInput(string? Department, bool? Present, string? Attendee = null, string? AbsenceReason = null);

/// <summary>The office records that the meeting was held (召开), with the attendance of every member department.</summary>
[ExampleBody("""{"attendance": [{"department": "chengguan", "present": true, "attendee": "城管局副局长"}, {"department": "gongan", "present": false, "absenceReason": "公务外出"}]}""")]
public sealed record HoldJointMeeting(IReadOnlyList<AttendanceInput>? Attendance, long? ExpectedVersion = null);

public static class HoldJointMeetingEndpoint
{
    /// <summary>
    /// Held once (again is 409). Every member department is listed exactly once, and no other; a present member names
    /// who attended for it; an absent member is recorded as absent, with its reason if given.
    /// </summary>
    public static ProblemDetails Validate(HoldJointMeeting command, JointMeeting meeting)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, meeting.Version) is { } stale) return stale;
        if (meeting.Held) return Problems.Conflict("会议已召开。", "The meeting has already been held.");
        var attendance = command.Attendance ?? [];
        var errors = new FieldErrors();
        for (var i = 0; i < attendance.Count; i++)
        {
            var a = attendance[i];
            errors.When(a.Department is null || !meeting.Members.Contains(a.Department), $"attendance[{i}].department",
                    $"{a.Department} 不是本次会议的成员单位。Not a member department of this meeting.")
                .When(a.Present is null, $"attendance[{i}].present", "必填。Required.")
                .Text($"attendance[{i}].attendee", a.Attendee, 50, required: a.Present == true)
                .Text($"attendance[{i}].absenceReason", a.AbsenceReason, 200, required: false);
        }
        var listed = attendance.Select(a => a.Department).ToList();
        errors.When(listed.Distinct().Count() != listed.Count, "attendance", "每个成员单位只记一次。List each member once.");
        foreach (var missing in meeting.Members.Where(m => !listed.Contains(m)))
            errors.Add("attendance", $"请记录 {missing} 的出席情况。Record whether {missing} attended.");
        return errors.ToProblem();
    }

    [EndpointSummary("召开联席会议 Hold a joint meeting")]
    [WolverinePost("/api/joint-meetings/{jointMeetingId}/hold", OperationId = nameof(HoldJointMeeting))]
    [Authorize(Roles = Roles.Office)]
    public static (JointMeetingAnswer, Events) Post(HoldJointMeeting command, [WriteAggregate] JointMeeting meeting, ClaimsPrincipal user, DateTimeOffset now) =>
        Hold(command, meeting, Actor.From(user), now);

    /// <summary>The decision: the attendance, in the order of the members convened.</summary>
    public static (JointMeetingAnswer, Events) Hold(HoldJointMeeting command, JointMeeting meeting, Actor by, DateTimeOffset now)
    {
        var attendance = meeting.Members
            .Select(m => command.Attendance!.Single(a => a.Department == m))
            .Select(a => a.Present == true
                ? new MemberAttendance(a.Department!, true, a.Attendee!.Trim(), null)
                : new MemberAttendance(a.Department!, false, null, string.IsNullOrWhiteSpace(a.AbsenceReason) ? null : a.AbsenceReason.Trim()))
            .ToList();
        return JointMeetingAnswer.With(meeting, [new JointMeetingHeld(meeting.Id, attendance, by, now)]);
    }
}
