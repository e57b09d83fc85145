using Shouldly;
using Whistle.Complaints;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests;

/// <summary>The helper must fail loudly, or a test could pass on a history it never folded.</summary>
public class EventSpecificationTests
{
    private sealed record ComplaintAudited(Guid ComplaintId);

    [Fact]
    public void folding_an_event_the_write_model_cannot_apply_throws() =>
        Should.Throw<InvalidOperationException>(() => Given<Complaint>(Lodged(), new ComplaintAudited(Id)))
            .Message.ShouldBe("Complaint has no Apply(ComplaintAudited): it cannot fold this event.");

    [Fact]
    public void projecting_an_event_the_projection_cannot_apply_throws() =>
        Should.Throw<InvalidOperationException>(
                () => Project<ComplaintDetailsProjection, ComplaintDetails>(Lodged(), new ComplaintAudited(Id)))
            .Message.ShouldBe(
                "ComplaintDetailsProjection has no Apply(IEvent<ComplaintAudited>, ComplaintDetails): it cannot fold this event.");

    [Fact]
    public void a_stream_that_does_not_start_with_its_creating_event_throws() =>
        Should.Throw<InvalidOperationException>(() => Given<Complaint>(Accepted()))
            .Message.ShouldBe("Complaint has no Create(ComplaintAccepted): it cannot fold this event.");

    [Fact]
    public void the_version_is_the_number_of_events_folded() =>
        Given<Complaint>(Lodged(), Accepted(), NoteAdded(), Resolved()).Version.ShouldBe(4);
}
