using Shouldly;
using Whistle.Complaints;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;

namespace Whistle.UnitTests.Complaints;

/// <summary>The one definition of an open complaint, read alike by the write model, the details and the case list.</summary>
public class ComplaintStatusesTests
{
    [Fact]
    public void a_complaint_ends_declined_closed_withdrawn_or_as_a_duplicate() =>
        ComplaintStatuses.Final.ShouldBe(
            [ComplaintStatus.Declined, ComplaintStatus.Closed, ComplaintStatus.Withdrawn, ComplaintStatus.Duplicate],
            ignoreOrder: true);

    [Theory]
    [InlineData(ComplaintStatus.Lodged, true)]
    [InlineData(ComplaintStatus.Accepted, true)]
    [InlineData(ComplaintStatus.Resolved, true)]
    [InlineData(ComplaintStatus.FollowedUp, true)]
    [InlineData(ComplaintStatus.Declined, false)]
    [InlineData(ComplaintStatus.Closed, false)]
    [InlineData(ComplaintStatus.Withdrawn, false)]
    [InlineData(ComplaintStatus.Duplicate, false)]
    public void the_write_model_and_the_details_agree_on_whether_a_complaint_is_open(ComplaintStatus status, bool open)
    {
        ComplaintStatuses.IsOpen(status).ShouldBe(open);
        ComplaintThatIs(status).IsFinal.ShouldBe(!open);
        EventSpecification.Project<ComplaintDetailsProjection, ComplaintDetails>(HistoryOf(status)).IsOpen.ShouldBe(open);
    }
}
