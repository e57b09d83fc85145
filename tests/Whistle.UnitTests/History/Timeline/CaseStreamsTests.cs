using JasperFx.Events;
using Shouldly;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.FeeDisputes;
using Whistle.History.Timeline;
using Whistle.JointMeetings.Meetings;
using Whistle.Kernel;
using Whistle.Mediation;
using Whistle.Whistles;
using Xunit;

namespace Whistle.UnitTests.History.Timeline;

public class CaseStreamsTests
{
    private static readonly DateTimeOffset Now = EventSpecification.Now;
    private static readonly Actor Office = new("u-sun", "孙办", Roles.Office);
    private static readonly Guid Case = Guid.Parse("0193a000-0000-7000-8000-0000000000c1");
    private static readonly Guid Other = Guid.Parse("0193a000-0000-7000-8000-0000000000c2");
    private static readonly Guid Meeting = Guid.Parse("0193a000-0000-7000-8000-0000000000d1");
    private static readonly Guid OurWhistle = Guid.Parse("0193a000-0000-7000-8000-0000000000e1");
    private static readonly Guid TheirWhistle = Guid.Parse("0193a000-0000-7000-8000-0000000000e2");
    private static readonly Guid Dispatched = Guid.Parse("0193a000-0000-7000-8000-0000000000e3");

    [Fact]
    public void a_complaint_links_to_its_whistles_and_a_taken_over_whistle_to_the_meeting_and_its_new_whistle()
    {
        CaseStreams.LinksOf(StreamKind.Complaint, StreamKind.Complaint,
            new ComplaintWhistled(Case, OurWhistle, WhistleType.Routine, ["gongan"], Office, Now)).ShouldBe([(OurWhistle, StreamKind.Whistle)]);
        CaseStreams.LinksOf(StreamKind.Complaint, StreamKind.Whistle,
            new WhistleTakenOverByMeeting(OurWhistle, Meeting, 1, Guid.NewGuid(), Dispatched, Office, Now))
            .ShouldBe([(Dispatched, StreamKind.Whistle), (Meeting, StreamKind.JointMeeting)]);
    }

    [Fact]
    public void a_complaints_history_does_not_follow_the_fee_dispute_that_cites_it() =>
        CaseStreams.LinksOf(StreamKind.Complaint, StreamKind.Complaint, new ComplaintCited(Case, Other, "WY-2026-000003", Office, Now)).ShouldBeEmpty();

    [Fact]
    public void a_fee_dispute_links_to_its_mediation_case_and_the_complaints_it_cites_but_goes_no_further()
    {
        CaseStreams.LinksOf(StreamKind.FeeDispute, StreamKind.FeeDispute, new FeeDisputeReferredToMediation(Case, Other, "TJ-2026-000001", Office, Now))
            .ShouldBe([(Other, StreamKind.Mediation)]);
        CaseStreams.LinksOf(StreamKind.FeeDispute, StreamKind.FeeDispute,
            new OwnerReasonsRecorded(Case, [OwnerReason.ServiceDefect], [Other], Subsidy.None, null, Office, Now)).ShouldBe([(Other, StreamKind.Complaint)]);
        CaseStreams.LinksOf(StreamKind.FeeDispute, StreamKind.Complaint,
            new ComplaintWhistled(Other, OurWhistle, WhistleType.Routine, ["gongan"], Office, Now)).ShouldBeEmpty();
    }

    [Fact]
    public void a_mediation_case_links_to_the_fee_dispute_it_was_referred_from() =>
        CaseStreams.LinksOf(StreamKind.Mediation, StreamKind.Mediation, new MediationCaseOpened(Case, "TJ-2026-000001", ReferralSource.FeeDispute,
            Other, "WY-2026-000003", null, [], "物业费纠纷", null, null, "CM0101", "SD01", Office, Now)).ShouldBe([(Other, StreamKind.FeeDispute)]);

    [Fact]
    public void only_the_meetings_items_and_resolutions_naming_the_cases_whistles_belong_to_its_history()
    {
        var ours = Guid.NewGuid();
        var theirs = Guid.NewGuid();
        var meeting = Stream(
            new JointMeetingConvened(Meeting, Now, "县联席办主任", ["gongan"], "县政府 3 楼", Office, Now),
            new AgendaItemProposed(Meeting, Item(1, OurWhistle), Office, Now),
            new AgendaItemProposed(Meeting, Item(2, TheirWhistle), Office, Now),
            new JointMeetingHeld(Meeting, [], Office, Now),
            new ResolutionAdopted(Meeting, theirs, 2, "zhujian", [], "别的事", Now, "依据", Office, Now),
            new ResolutionAdopted(Meeting, ours, 1, "gongan", [], "清理通道", Now, "依据", Office, Now),
            new ResolutionDispatched(Meeting, ours, 1, Dispatched, Office, Now),
            new ResolutionActionRecorded(Meeting, theirs, "已办", Office, Now),
            new ResolutionActionRecorded(Meeting, ours, "已清理", Office, Now),
            new MinutesPublished(Meeting, Office, Now));

        CaseStreams.ConcerningCase(meeting, new HashSet<Guid> { OurWhistle }).Select(e => e.Version).ShouldBe([2L, 6L, 7L, 9L]);
    }

    private static AgendaItem Item(int number, Guid whistle) => new(number, whistle, null, "TS-2026-000012", WhistleLevel.JointMeeting, "CM0101", "SD01");

    private static List<IEvent> Stream(params object[] events) =>
        [.. events.Select(e => (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(e.GetType()), e)!).Select((e, i) =>
        {
            e.Version = i + 1;
            e.Sequence = i + 1;
            e.StreamId = Meeting;
            return e;
        })];
}
