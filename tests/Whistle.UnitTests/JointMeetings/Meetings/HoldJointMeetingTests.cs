using Whistle.UnitTests.Whistles;
using Whistle.JointMeetings.Meetings;
using Xunit;
using static Whistle.UnitTests.JointMeetings.Meetings.JointMeetingHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.JointMeetings.Meetings;

public class HoldJointMeetingTests
{
    private static readonly HoldJointMeeting Attended = new(
        [new AttendanceInput(CoHandler, false, AbsenceReason: "公务外出"), new AttendanceInput(Lead, true, "城管局副局长")]);

    [Fact]
    public void the_meeting_is_held_with_every_members_attendance_an_absent_member_recorded()
    {
        HoldJointMeetingEndpoint.Validate(Attended, Meeting(Proposed())).ShouldBeNoProblem();
        HoldJointMeetingEndpoint.Hold(Attended, Meeting(Proposed()), Office, Now).Item2.ShouldBeEvents(Held());
    }

    [Fact]
    public void every_member_must_be_accounted_for() =>
        HoldJointMeetingEndpoint.Validate(new HoldJointMeeting([new AttendanceInput(Lead, true, "城管局副局长")]), Meeting())
            .ShouldRejectField("attendance", $"请记录 {CoHandler} 的出席情况。Record whether {CoHandler} attended.");

    [Fact]
    public void a_department_that_is_not_a_member_cannot_attend() =>
        HoldJointMeetingEndpoint.Validate(new HoldJointMeeting([.. Attended.Attendance!, new AttendanceInput(Other, true, "某某")]), Meeting())
            .ShouldRejectFields("attendance[2].department");

    [Fact]
    public void a_present_member_names_who_attended() =>
        HoldJointMeetingEndpoint.Validate(
                new HoldJointMeeting([new AttendanceInput(Lead, true), new AttendanceInput(CoHandler, false)]), Meeting())
            .ShouldRejectField("attendance[0].attendee", "必填。Required.");

    [Fact]
    public void a_meeting_is_held_once() =>
        HoldJointMeetingEndpoint.Validate(Attended, Meeting(Held())).ShouldBeConflict("The meeting has already been held.");
}
