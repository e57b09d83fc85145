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
        CiteComplaintHandler.Handle(Cite(), Given<Complaint>(Lodged()))
            .ShouldBeEvents(new ComplaintCited(Id, Dispute, "WY-2026-000042", Clerk, Now));
    }

    [Fact]
    public void a_case_citing_the_complaint_again_is_recorded_once()
    {
        CiteComplaintHandler.Handle(Cite(), Given<Complaint>(Lodged(), new ComplaintCited(Id, Dispute, "WY-2026-000042", Clerk, LodgedAt)))
            .ShouldBeEmpty();
    }
}
