using Shouldly;
using Whistle.Complaints;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

public class CiteComplaintTests
{
    private static readonly Guid Dispute = Guid.Parse("019c0a10-2000-7000-8000-0000000000f1");

    private static CiteComplaint Cite() => new(Id, Dispute, "WY-2026-000042", Clerk, Now);

    [Fact]
    public void a_citing_case_is_recorded_on_the_complaint()
    {
        var (events, messages) = CiteComplaintHandler.Handle(Cite(), Given<Complaint>(Lodged(), Accepted()));

        events.ShouldBeEvents(new ComplaintCited(Id, Dispute, "WY-2026-000042", Clerk, Now));
        messages.ShouldBeEmpty();
    }

    [Fact]
    public void a_case_citing_the_complaint_again_is_recorded_once()
    {
        var (events, messages) = CiteComplaintHandler.Handle(
            Cite(), Given<Complaint>(Lodged(), new ComplaintCited(Id, Dispute, "WY-2026-000042", Clerk, LodgedAt)));

        events.ShouldBeEmpty();
        messages.ShouldBeEmpty();
    }

    [Fact]
    public void a_complaint_already_resolved_when_cited_tells_the_citing_case_at_once()
    {
        var (events, messages) = CiteComplaintHandler.Handle(Cite(), Given<Complaint>(Lodged(), Accepted(), Resolved()));

        events.ShouldBeEvents(new ComplaintCited(Id, Dispute, "WY-2026-000042", Clerk, Now));
        messages.ShouldHaveSingleItem().ShouldBe(
            new ComplaintResolvedNotice(Id, Number, Dispute, Clerk, LodgedAt.AddDays(3)));
    }

    [Fact]
    public void a_complaint_reopened_after_its_resolution_waits_for_the_next_one()
    {
        var (_, messages) = CiteComplaintHandler.Handle(
            Cite(), Given<Complaint>(Lodged(), Accepted(), Resolved(), FollowedUp(Satisfaction.Unsatisfied, "没修好"), Reopened()));

        messages.ShouldBeEmpty();
    }
}
