using Shouldly;
using Whistle.JointMeetings.Meetings;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.JointMeetings.Meetings.JointMeetingHistory;
using static Whistle.UnitTests.Whistles.WhistleHistory;

namespace Whistle.UnitTests.JointMeetings.Meetings;

public class AgendaTests
{
    private static readonly ProposeAgenda FromTheWorklist = new([new AgendaCandidate(WhistleId)]);

    [Fact]
    public void the_agenda_is_proposed_from_the_worklist_one_item_per_whistle_linked_to_it()
    {
        ProposeAgendaEndpoint.Validate(FromTheWorklist, Meeting(), OpenWhistle).ShouldBeNoProblem();
        var (answer, events) = ProposeAgendaEndpoint.Propose(FromTheWorklist, Meeting(), OpenWhistle, Office, Now);

        events.ShouldBeEvents(Proposed());
        answer.Items.ShouldBe([new AgendaEntry(1, WhistleId, null)]);
    }

    [Fact]
    public void proposing_again_adds_only_what_is_not_on_the_agenda() =>
        ProposeAgendaEndpoint.Propose(FromTheWorklist, Meeting(Proposed()), OpenWhistle, Office, Now).Item2.ShouldBeEmpty();

    [Fact]
    public void a_rejection_awaiting_a_ruling_is_an_item_of_its_own()
    {
        var command = new ProposeAgenda([new AgendaCandidate(WhistleId, Lead)]);
        ProposeAgendaEndpoint.Validate(command, Meeting(), WithRejection).ShouldBeNoProblem();
        ProposeAgendaEndpoint.Propose(command, Meeting(), WithRejection, Office, Now).Item2
            .ShouldBeEvents(new AgendaItemProposed(MeetingId, Item(1, rejectionOf: Lead), Office, Now));
    }

    [Fact]
    public void a_rejection_item_for_a_department_that_did_not_reject_is_rejected() =>
        ProposeAgendaEndpoint.Validate(new ProposeAgenda([new AgendaCandidate(WhistleId, CoHandler)]), Meeting(), WithRejection)
            .ShouldRejectFields("items[0].rejectionOf");

    [Fact]
    public void an_item_for_a_whistle_already_concluded_is_a_conflict_whatever_the_worklist_said() =>
        ProposeAgendaEndpoint.Validate(FromTheWorklist, Meeting(), ConcludedWhistle)
            .ShouldBeConflict($"Whistle {WhistleId} has concluded: it cannot be on the agenda.");

    [Fact]
    public void an_item_for_an_unknown_whistle_is_rejected() =>
        ProposeAgendaEndpoint.Validate(new ProposeAgenda([new AgendaCandidate(OtherWhistleId)]), Meeting(), OpenWhistle)
            .ShouldRejectFields("items[0].whistleId");

    [Fact]
    public void a_proposal_holds_at_most_fifty_items() =>
        ProposeAgendaEndpoint.Validate(new ProposeAgenda([.. Enumerable.Range(0, 51).Select(_ => new AgendaCandidate(WhistleId))]), Meeting(), OpenWhistle)
            .ShouldRejectField("items", "At most 50 items at once.");

    [Fact]
    public void the_agenda_is_closed_once_the_meeting_is_held() =>
        ProposeAgendaEndpoint.Validate(FromTheWorklist, Meeting(Held()), OpenWhistle)
            .ShouldBeConflict("The meeting has been held: its agenda is closed.");

    [Fact]
    public void an_item_added_by_hand_carries_the_reason()
    {
        var command = new AddAgendaItem(WhistleId, null, " 群众多次反映 ");
        AddAgendaItemEndpoint.Validate(command, Meeting(), OpenWhistle).ShouldBeNoProblem();
        AddAgendaItemEndpoint.Add(command, Meeting(), OpenWhistle, Office, Now).Item2
            .ShouldBeEvents(new AgendaItemAdded(MeetingId, Item(), "群众多次反映", Office, Now));
    }

    [Fact]
    public void an_item_added_by_hand_needs_a_reason() =>
        AddAgendaItemEndpoint.Validate(new AddAgendaItem(WhistleId, null, " "), Meeting(), OpenWhistle).ShouldRejectField("reason", "必填。Required.");

    [Fact]
    public void adding_a_concluded_whistle_by_hand_is_a_conflict() =>
        AddAgendaItemEndpoint.Validate(new AddAgendaItem(WhistleId, null, "复议"), Meeting(), ConcludedWhistle)
            .ShouldBeConflict($"Whistle {WhistleId} has concluded: it cannot be on the agenda.");

    [Fact]
    public void adding_an_item_already_on_the_agenda_is_a_conflict() =>
        AddAgendaItemEndpoint.Validate(new AddAgendaItem(WhistleId, null, "复议"), Meeting(Proposed()), OpenWhistle)
            .ShouldBeConflict("The item is already on the agenda.");

    [Fact]
    public void an_item_is_dropped_with_a_reason_and_its_number_is_not_reused()
    {
        var command = new DropAgendaItem(1, "已由街道解决");
        DropAgendaItemEndpoint.Validate(command, Meeting(Proposed())).ShouldBeNoProblem();
        var (answer, events) = DropAgendaItemEndpoint.Drop(command, Meeting(Proposed()), Office, Now);

        events.ShouldBeEvents(new AgendaItemDropped(MeetingId, 1, "已由街道解决", Office, Now));
        Meeting(Proposed(), events[0]).NextNumber.ShouldBe(2);
        answer.Items.Single().Dropped.ShouldBeTrue();
    }

    [Fact]
    public void dropping_an_item_not_on_the_agenda_is_not_found() =>
        DropAgendaItemEndpoint.Validate(new DropAgendaItem(2, "无"), Meeting(Proposed())).ShouldBeNotFound();

    [Fact]
    public void dropping_an_item_needs_a_reason() =>
        DropAgendaItemEndpoint.Validate(new DropAgendaItem(1, null), Meeting(Proposed())).ShouldRejectField("reason", "必填。Required.");
}
