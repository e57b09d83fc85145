using Shouldly;
using Whistle.Complaints;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

public class LinkComplaintsTests
{
    private static readonly NamedComplaint Other = Named(OtherId, OtherNumber);

    [Fact]
    public void linking_appends_complaint_linked_to_both_complaints()
    {
        var complaint = Given<Complaint>(Lodged(), Accepted());
        var command = new LinkComplaints(OtherId);

        LinkComplaintsEndpoint.Validate(command, complaint, Other, Users.Clerk).ShouldBeNoProblem();
        var (mine, theirs) = LinkComplaintsEndpoint.Link(complaint, Other.Found!, Users.ClerkActor, Now);

        mine.ShouldHaveSingleItem().ShouldBe(new ComplaintLinked(Id, OtherId, OtherNumber, Users.ClerkActor, Now));
        theirs.ShouldBe(new RecordComplaintLink(OtherId, Id, Number, Users.ClerkActor, Now));
    }

    [Fact]
    public void linking_complaints_already_linked_appends_nothing()
    {
        var complaint = Given<Complaint>(Lodged(), Linked(OtherId, OtherNumber));
        var command = new LinkComplaints(OtherId);

        LinkComplaintsEndpoint.Validate(command, complaint, Other, Users.Clerk).ShouldBeNoProblem();
        var (mine, theirs) = LinkComplaintsEndpoint.Link(complaint, Other.Found!, Users.ClerkActor, Now);

        mine.ShouldBeEmpty();
        theirs.ShouldBeNull();
    }

    [Fact]
    public void a_complaint_may_be_linked_to_several_others()
    {
        var complaint = Given<Complaint>(Lodged(), Linked(EarlierId, EarlierNumber));

        var (mine, theirs) = LinkComplaintsEndpoint.Link(complaint, Other.Found!, Users.ClerkActor, Now);

        mine.ShouldHaveSingleItem().ShouldBe(new ComplaintLinked(Id, OtherId, OtherNumber, Users.ClerkActor, Now));
        theirs!.ComplaintId.ShouldBe(OtherId);
    }

    [Fact]
    public void the_other_complaint_is_required() =>
        LinkComplaintsEndpoint.Validate(new LinkComplaints(null), Given<Complaint>(Lodged()), Unknown, Users.Clerk)
            .ShouldRejectFields("otherComplaintId");

    [Fact]
    public void an_unknown_other_complaint_is_a_bad_request() =>
        LinkComplaintsEndpoint.Validate(new LinkComplaints(OtherId), Given<Complaint>(Lodged()), Unknown, Users.Clerk)
            .ShouldRejectField("otherComplaintId", "No such complaint.");

    [Fact]
    public void another_complaint_outside_the_workers_community_is_reported_as_unknown() =>
        LinkComplaintsEndpoint.Validate(
                new LinkComplaints(OtherId), Given<Complaint>(Lodged()),
                Named(OtherId, OtherNumber, OtherSubDistrictCommunityId, OtherSubDistrictId),
                Users.CommunityWorker(CommunityId, SubDistrictId))
            .ShouldRejectField("otherComplaintId", "No such complaint.");

    [Fact]
    public void a_sub_district_worker_sees_the_complaint_but_may_not_link_it() =>
        LinkComplaintsEndpoint.Validate(
                new LinkComplaints(OtherId), Given<Complaint>(Lodged()), Other, Users.SubDistrictWorker(SubDistrictId))
            .Status.ShouldBe(403);

    [Fact]
    public void a_complaint_cannot_be_linked_to_itself() =>
        LinkComplaintsEndpoint.Validate(new LinkComplaints(Id), Given<Complaint>(Lodged()), Named(Id, Number), Users.Clerk)
            .ShouldRejectField("otherComplaintId", "A complaint cannot be linked to itself.");

    [Theory]
    [InlineData(ComplaintStatus.Declined)]
    [InlineData(ComplaintStatus.Closed)]
    [InlineData(ComplaintStatus.Withdrawn)]
    [InlineData(ComplaintStatus.Duplicate)]
    public void a_finished_complaint_cannot_be_linked(ComplaintStatus status) =>
        LinkComplaintsEndpoint.Validate(new LinkComplaints(OtherId), ComplaintThatIs(status), Other, Users.Clerk)
            .ShouldBeConflict($"is {status}; it cannot be linked.");

    [Theory]
    [InlineData(ComplaintStatus.Lodged)]
    [InlineData(ComplaintStatus.Accepted)]
    [InlineData(ComplaintStatus.Resolved)]
    [InlineData(ComplaintStatus.FollowedUp)]
    public void an_open_complaint_can_be_linked(ComplaintStatus status) =>
        LinkComplaintsEndpoint.Validate(new LinkComplaints(OtherId), ComplaintThatIs(status), Other, Users.Clerk)
            .ShouldBeNoProblem();

    [Fact]
    public void a_complaint_of_another_community_does_not_exist_for_a_community_worker() =>
        LinkComplaintsEndpoint.Validate(
                new LinkComplaints(OtherId), Given<Complaint>(Lodged()), Other,
                Users.CommunityWorker(NeighbourCommunityId, SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void linking_with_a_stale_expected_version_is_a_conflict() =>
        LinkComplaintsEndpoint.Validate(
                new LinkComplaints(OtherId, ExpectedVersion: 1), Given<Complaint>(Lodged(), Accepted()), Other, Users.Clerk)
            .ShouldBeStaleVersion(expected: 1, current: 2);
}
