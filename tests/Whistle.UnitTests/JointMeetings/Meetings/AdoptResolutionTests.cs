using Shouldly;
using Whistle.JointMeetings.Meetings;
using Whistle.Whistles;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.JointMeetings.Meetings.JointMeetingHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;
using WhistleModel = Whistle.Whistles.Whistle;

namespace Whistle.UnitTests.JointMeetings.Meetings;

public class AdoptResolutionTests
{
    private static readonly AdoptResolution Resolution =
        new(1, Lead, [CoHandler], " 十日内拆除楼顶违建 ", Now.AddDays(10), "《城乡规划法》第六十八条");

    private static JointMeeting HeldMeeting => Meeting(Proposed(), Held());

    private static ResolutionGrounds Grounds(AgendaWhistles? whistles = null) =>
        new((whistles ?? OpenWhistle).Whistles.GetValueOrDefault(WhistleId), Routing);

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Validate(AdoptResolution command, JointMeeting? meeting = null, AgendaWhistles? whistles = null) =>
        AdoptResolutionEndpoint.Check(command, meeting ?? HeldMeeting, Grounds(whistles), Now);

    [Fact]
    public void a_resolution_is_adopted_and_dispatched_as_a_whistle_from_the_meeting_in_one_decision()
    {
        Validate(Resolution).ShouldBeNoProblem();
        var item = EventSpecification.Given<WhistleModel>(Blown());
        var (response, events, stream, takenOver, deadlines) = AdoptResolutionEndpoint.Adopt(
            Resolution, HeldMeeting, item, Routing, ResolutionId, NewWhistleId, Office, Now);

        response.ShouldBe(new ResolutionDispatchedResponse(ResolutionId, NewWhistleId));
        events.ShouldBeEvents(Adopted(), Dispatched());
        var blown = stream.Events.ShouldHaveSingleItem().ShouldBeOfType<WhistleBlown>();
        (blown.WhistleId, blown.Origin, blown.Level, blown.Need) .ShouldBe(
            (NewWhistleId, new WhistleOrigin(MeetingId, 1, ResolutionId), WhistleLevel.JointMeeting, "十日内拆除楼顶违建"));
        (blown.ComplaintId, blown.CommunityCode, blown.SubDistrictCode).ShouldBe((item.ComplaintId, item.CommunityCode, item.SubDistrictCode));
        blown.Assignments.Select(a => (a.Department, a.Role, a.Deadlines.ReplyDue))
            .ShouldBe([(Lead, AssignmentRole.Lead, Now.AddDays(10)), (CoHandler, AssignmentRole.CoHandling, Now.AddDays(10))]);
        takenOver.ShouldNotBeNull();
        deadlines.Unwrapped().Count(m => m.Message is WhistleDeadlineReached).ShouldBe(4);
    }

    [Fact]
    public void a_resolution_naming_an_unknown_department_is_rejected() =>
        Validate(Resolution with { CoHandling = ["nowhere"] }).ShouldRejectField("coHandling", "No department nowhere.");

    [Fact]
    public void an_unknown_lead_is_rejected() =>
        Validate(Resolution with { Lead = "nowhere" }).ShouldRejectField("lead", "No department nowhere.");

    [Fact]
    public void a_resolution_without_a_deadline_is_rejected() =>
        Validate(Resolution with { Deadline = null }).ShouldRejectField("deadline", "Required.");

    [Fact]
    public void a_deadline_not_ahead_of_now_is_rejected()
    {
        Validate(Resolution with { Deadline = Now }).ShouldRejectField("deadline", "The deadline must lie ahead.");
        Validate(Resolution with { Deadline = Now.AddMinutes(1) }).ShouldBeNoProblem();
    }

    [Fact]
    public void what_must_be_done_and_the_basis_are_required() =>
        Validate(Resolution with { Action = "", Basis = null }).ShouldRejectFields("action", "basis");

    [Fact]
    public void adopting_a_resolution_at_a_meeting_not_yet_held_is_a_conflict() =>
        Validate(Resolution, Meeting(Proposed())).ShouldBeConflict("The meeting has not been held yet.");

    [Fact]
    public void an_item_not_on_the_agenda_is_not_found() => Validate(Resolution with { ItemNumber = 2 }).ShouldBeNotFound();

    [Fact]
    public void a_dropped_item_is_not_found() =>
        Validate(Resolution, Meeting(Proposed(), new AgendaItemDropped(MeetingId, 1, "已解决", Office, Now), Held())).ShouldBeNotFound();

    [Fact]
    public void a_dispatched_resolution_is_never_replaced_only_corrected() =>
        Validate(Resolution, Meeting(Proposed(), Held(), Adopted(), Dispatched()))
            .ShouldBeConflict("Item 1 already has resolution");

    [Fact]
    public void an_item_whose_whistle_has_since_concluded_is_a_conflict() =>
        Validate(Resolution, whistles: ConcludedWhistle).ShouldBeConflict($"Whistle {WhistleId} has concluded");
}
