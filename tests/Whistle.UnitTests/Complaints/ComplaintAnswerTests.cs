using Shouldly;
using Whistle.Complaints;
using Whistle.Kernel;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

/// <summary>A command answers with the complaint as it stands after its own events, not with the write model.</summary>
public class ComplaintAnswerTests
{
    [Fact]
    public void the_answer_is_the_state_after_the_new_events_with_their_version()
    {
        var complaint = Given<Complaint>(HistoryOf(ComplaintStatus.FollowedUp));

        var (answer, events) = ComplaintAnswer.After(complaint, Reopened());

        events.ShouldHaveSingleItem().ShouldBe(Reopened());
        answer.Links.ShouldBeEmpty();
        answer.ShouldBe(new ComplaintAnswer(
            Id, Number, 5, ComplaintStatus.Accepted, "办理中", null, 1, null, answer.Links, null));
    }

    [Fact]
    public void a_repeated_command_answers_with_the_current_state_and_appends_nothing()
    {
        var complaint = Given<Complaint>(Lodged(), Accepted());

        var (answer, events, _) = AcceptComplaintEndpoint.Accept(complaint, TimeLimits, Users.ClerkActor, Now);

        events.ShouldBeEmpty();
        answer.Version.ShouldBe(2);
        answer.Status.ShouldBe(ComplaintStatus.Accepted);
    }

    [Fact]
    public void the_answer_folds_the_events_exactly_as_the_stream_will() =>
        Given<Complaint>(Lodged(), Accepted()).After([Linked(), NoteAdded()])
            .ShouldBeEquivalentTo(Given<Complaint>(Lodged(), Accepted(), Linked(), NoteAdded()));
}
