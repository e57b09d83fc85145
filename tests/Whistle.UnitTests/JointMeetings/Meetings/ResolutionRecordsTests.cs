using Shouldly;
using Whistle.JointMeetings.Meetings;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.JointMeetings.Meetings.JointMeetingHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.JointMeetings.Meetings;

/// <summary>Corrections, actions done and the minutes: what is recorded after a resolution, never editing it.</summary>
public class ResolutionRecordsTests
{
    private static JointMeeting Resolved => Meeting(Proposed(), Held(), Adopted(), Dispatched());

    [Fact]
    public void a_correction_is_a_new_event_beside_the_resolution()
    {
        var command = new CorrectResolution(ResolutionId, "期限改为十五日", "现场需先行鉴定");
        CorrectResolutionEndpoint.Validate(command, Resolved).ShouldBeNoProblem();
        CorrectResolutionEndpoint.Correct(command, Resolved, Office, Now).Item2
            .ShouldBeEvents(new ResolutionCorrected(MeetingId, ResolutionId, "期限改为十五日", "现场需先行鉴定", Office, Now));
    }

    [Fact]
    public void correcting_a_resolution_of_another_meeting_is_not_found() =>
        CorrectResolutionEndpoint.Validate(new CorrectResolution(NewWhistleId, "改", "因"), Resolved).ShouldBeNotFound();

    [Fact]
    public void a_correction_needs_its_text_and_reason() =>
        CorrectResolutionEndpoint.Validate(new CorrectResolution(ResolutionId, null, " "), Resolved).ShouldRejectFields("correction", "reason");

    [Fact]
    public void an_action_done_is_recorded_against_the_resolution()
    {
        var command = new RecordResolutionAction(ResolutionId, "已拆除，现场复查完毕");
        RecordResolutionActionEndpoint.Validate(command, Resolved).ShouldBeNoProblem();
        RecordResolutionActionEndpoint.Record(command, Resolved, Office, Now).Item2
            .ShouldBeEvents(new ResolutionActionRecorded(MeetingId, ResolutionId, "已拆除，现场复查完毕", Office, Now));
    }

    [Fact]
    public void an_action_on_an_unknown_resolution_is_not_found() =>
        RecordResolutionActionEndpoint.Validate(new RecordResolutionAction(NewWhistleId, "done"), Resolved).ShouldBeNotFound();

    [Fact]
    public void minutes_are_published_once_the_meeting_is_held_and_once_only()
    {
        PublishMinutesEndpoint.Validate(new PublishMinutes(), Resolved).ShouldBeNoProblem();
        PublishMinutesEndpoint.Publish(Resolved, Office, Now).Item2.ShouldBeEvents(new MinutesPublished(MeetingId, Office, Now));
        PublishMinutesEndpoint.Publish(Meeting(Proposed(), Held(), new MinutesPublished(MeetingId, Office, Now)), Office, Now).Item2.ShouldBeEmpty();
    }

    [Fact]
    public void a_meeting_not_yet_held_has_no_minutes() =>
        PublishMinutesEndpoint.Validate(new PublishMinutes(), Meeting(Proposed())).ShouldBeConflict("The meeting has not been held yet.");

    [Fact]
    public void the_minutes_show_the_resolution_as_adopted_its_correction_and_actions_html_encoded_in_chinese()
    {
        var details = EventSpecification.Project<JointMeetingDetailsProjection, JointMeetingDetails>(
            Convened(), Proposed(), Held(), Adopted(), Dispatched(),
            new ResolutionCorrected(MeetingId, ResolutionId, "期限改为<十五日>", "鉴定", Office, Now),
            new ResolutionActionRecorded(MeetingId, ResolutionId, "已拆除", Office, Now),
            new MinutesPublished(MeetingId, Office, Now));

        var resolution = details.Resolutions.ShouldHaveSingleItem();
        (resolution.Action, resolution.Deadline, resolution.WhistleId).ShouldBe(("十日内拆除楼顶违建", Now.AddDays(10), NewWhistleId));
        resolution.Corrections.ShouldHaveSingleItem().Correction.ShouldBe("期限改为<十五日>");
        details.Attendance.Select(a => (a.Department, a.Present)).ShouldBe([(Lead, true), (CoHandler, false)]);

        var page = MinutesPage.Render(details, new DepartmentNames(new Dictionary<string, string> { [Lead] = "县城管局" }));
        page.ShouldContain("<html lang=\"zh-CN\">");
        page.ShouldContain("<td>县城管局</td>");
        page.ShouldContain($"<td>{CoHandler}</td>");
        page.ShouldContain("城管局副局长");
        page.ShouldContain("公务外出");
        page.ShouldContain("十日内拆除楼顶违建");
        page.ShouldContain("2026-03-12 10:00");
        page.ShouldContain("期限改为&lt;十五日&gt;");
        page.ShouldNotContain("<十五日>");
    }
}
