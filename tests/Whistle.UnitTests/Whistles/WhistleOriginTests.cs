using Shouldly;
using Whistle.Kernel;
using Whistle.Whistles;
using Xunit;
using static Whistle.UnitTests.Whistles.WhistleHistory;
using WhistleModel = Whistle.Whistles.Whistle;

namespace Whistle.UnitTests.Whistles;

public class WhistleOriginTests
{
    private static readonly Guid MeetingId = Guid.Parse("019ca8f0-3000-7000-8000-00000000c001");
    private static readonly Guid ResolutionId = Guid.Parse("019ca8f0-3000-7000-8000-00000000c002");
    private static readonly WhistleOrigin FromMeeting = new(MeetingId, 1, ResolutionId);

    private static WhistleBlown MeetingBlown() => Blown(WhistleLevel.JointMeeting) with { Origin = FromMeeting, By = Users.OfficeActor };

    [Fact]
    public void a_whistle_stored_before_origins_existed_is_a_complaints_whistle() =>
        EventSpecification.Given<WhistleModel>(Blown()).Origin.ShouldBeNull();

    [Fact]
    public void a_meeting_whistle_starts_at_the_joint_meeting_level_with_its_origin_and_the_resolutions_reply_due_time()
    {
        var deadline = Now.AddDays(10);
        var (blown, messages) = BlowWhistleEndpoint.Start(
            new BlowWhistle("拆除违建", Lead: Lead, CoHandling: [CoHandler]), WhistleCase.Of(EventSpecification.Given<WhistleModel>(Blown())),
            FromMeeting, Routing, OtherWhistleId, WhistleLevel.JointMeeting, Users.OfficeActor, Now, deadline);

        blown.Origin.ShouldBe(FromMeeting);
        blown.Level.ShouldBe(WhistleLevel.JointMeeting);
        blown.ComplaintId.ShouldBe(Complaints.ComplaintHistory.Id);
        blown.SubDistrictCode.ShouldBe(Complaints.ComplaintHistory.SubDistrictId);
        blown.Assignments.Select(a => (a.Department, a.Deadlines.ReplyDue)).ShouldBe([(Lead, deadline), (CoHandler, deadline)]);
        blown.Assignments[0].Deadlines.SignForDue.ShouldBe(DeadlinesFrom(Now).SignForDue);
        messages.Unwrapped().Where(m => m.Message is WhistleDeadlineReached { Kind: DeadlineKind.Reply }).Select(m => m.At).ShouldBe([deadline, deadline]);
    }

    [Fact]
    public void the_joint_meeting_office_answers_on_the_whistlers_side_of_a_meeting_whistle() =>
        WhistleRules.Whistler(EventSpecification.Given<WhistleModel>(MeetingBlown()), Users.Office, null).ShouldBeNull();

    [Fact]
    public void the_area_does_not_answer_for_a_meeting_whistle() =>
        WhistleRules.Whistler(EventSpecification.Given<WhistleModel>(MeetingBlown()),
            Users.CommunityWorker(Complaints.ComplaintHistory.CommunityId, Complaints.ComplaintHistory.SubDistrictId), null)!.ShouldBeNotFound();

    [Fact]
    public void the_office_does_not_answer_for_an_areas_whistle() =>
        WhistleRules.Whistler(EventSpecification.Given<WhistleModel>(Blown()), Users.Office, null)!.ShouldBeNotFound();

    [Fact]
    public void a_meeting_whistles_extension_requests_tell_the_office() =>
        WhistleAudiences.Whistler(EventSpecification.Given<WhistleModel>(MeetingBlown())).ShouldBe(Audience.Office);

    [Fact]
    public void a_whistle_taken_over_by_a_meeting_records_the_resolution_and_concludes_nothing()
    {
        var whistle = EventSpecification.Given<WhistleModel>(
            Blown(), new WhistleTakenOverByMeeting(WhistleId, MeetingId, 1, ResolutionId, OtherWhistleId, Users.OfficeActor, Now));

        whistle.TakenOver.ShouldBe([FromMeeting]);
        whistle.Concluded.ShouldBeFalse();
    }
}
