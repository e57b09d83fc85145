using Shouldly;
using Whistle.County.Directory;
using Whistle.JointMeetings.Meetings;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.JointMeetings.Meetings.JointMeetingHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.JointMeetings.Meetings;

public class ConveneJointMeetingTests
{
    private static readonly ConveneJointMeeting Command = new(ScheduledAt, " 县联席办主任 ", [Lead, CoHandler], "县政府三楼会议室");

    private static DepartmentCodes Codes => Departments;

    [Fact]
    public void the_office_convenes_a_meeting_of_member_departments_at_a_time_and_place()
    {
        ConveneJointMeetingEndpoint.Validate(Command, Codes).ShouldBeNoProblem();
        var (response, stream) = ConveneJointMeetingEndpoint.Convene(Command, MeetingId, Office, Now);

        response.Id.ShouldBe(MeetingId);
        stream.Events.ShouldBeEvents(Convened());
    }

    [Fact]
    public void a_member_that_is_not_a_department_of_the_directory_is_rejected() =>
        ConveneJointMeetingEndpoint.Validate(Command with { Members = [Lead, "nowhere"] }, Codes)
            .ShouldRejectField("members", "没有编码为 nowhere 的部门。No department nowhere.");

    [Fact]
    public void the_time_chair_venue_and_a_member_are_required() =>
        ConveneJointMeetingEndpoint.Validate(new ConveneJointMeeting(null, null, [], null), Codes)
            .ShouldRejectFields("scheduledAt", "chair", "venue", "members");
}
