using Shouldly;
using Whistle.Complaints;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

public class MarkComplaintDuplicateTests
{
    private static readonly NamedComplaint Earlier = Named(EarlierId, EarlierNumber);

    [Theory]
    [InlineData(ComplaintStatus.Lodged)]
    [InlineData(ComplaintStatus.Accepted)]
    public void marking_an_open_complaint_as_a_duplicate_records_the_original(ComplaintStatus status)
    {
        var complaint = ComplaintThatIs(status);
        var command = new MarkComplaintDuplicate(EarlierId);

        MarkComplaintDuplicateEndpoint.Validate(command, complaint, Earlier, Users.Clerk).ShouldBeNoProblem();
        var (_, events) = MarkComplaintDuplicateEndpoint.Post(command, complaint, Earlier, Users.Clerk, Now);

        events.ShouldHaveSingleItem().ShouldBe(
            new ComplaintMarkedDuplicate(Id, EarlierId, EarlierNumber, Users.ClerkActor, Now));
    }

    [Fact]
    public void marking_a_duplicate_again_of_the_same_original_appends_nothing()
    {
        var complaint = Given<Complaint>(Lodged(), MarkedDuplicate(EarlierId, EarlierNumber));
        var command = new MarkComplaintDuplicate(EarlierId);

        MarkComplaintDuplicateEndpoint.Validate(command, complaint, Earlier, Users.Clerk).ShouldBeNoProblem();
        var (_, events) = MarkComplaintDuplicateEndpoint.Post(command, complaint, Earlier, Users.Clerk, Now);

        events.ShouldBeEmpty();
    }

    [Fact]
    public void marking_a_duplicate_of_another_original_is_a_conflict() =>
        MarkComplaintDuplicateEndpoint.Validate(
                new MarkComplaintDuplicate(OtherId), Given<Complaint>(Lodged(), MarkedDuplicate(EarlierId, EarlierNumber)),
                Named(OtherId, OtherNumber), Users.Clerk)
            .ShouldBeConflict("is Duplicate; it cannot be marked as a duplicate.");

    [Theory]
    [InlineData(ComplaintStatus.Declined)]
    [InlineData(ComplaintStatus.Resolved)]
    [InlineData(ComplaintStatus.FollowedUp)]
    [InlineData(ComplaintStatus.Closed)]
    [InlineData(ComplaintStatus.Withdrawn)]
    public void only_a_lodged_or_accepted_complaint_can_be_marked_a_duplicate(ComplaintStatus status) =>
        MarkComplaintDuplicateEndpoint.Validate(new MarkComplaintDuplicate(EarlierId), ComplaintThatIs(status), Earlier, Users.Clerk)
            .ShouldBeConflict($"is {status}; it cannot be marked as a duplicate.");

    [Fact]
    public void the_original_is_required() =>
        MarkComplaintDuplicateEndpoint.Validate(new MarkComplaintDuplicate(null), Given<Complaint>(Lodged()), Unknown, Users.Clerk)
            .ShouldRejectFields("originalId");

    [Fact]
    public void an_empty_original_id_counts_as_missing() =>
        MarkComplaintDuplicateEndpoint.Validate(new MarkComplaintDuplicate(Guid.Empty), Given<Complaint>(Lodged()), Unknown, Users.Clerk)
            .ShouldRejectFields("originalId");

    [Fact]
    public void an_unknown_original_is_a_bad_request() =>
        MarkComplaintDuplicateEndpoint.Validate(new MarkComplaintDuplicate(EarlierId), Given<Complaint>(Lodged()), Unknown, Users.Clerk)
            .ShouldRejectField("originalId", "No such complaint.");

    [Fact]
    public void an_original_outside_the_workers_community_is_reported_as_unknown() =>
        MarkComplaintDuplicateEndpoint.Validate(
                new MarkComplaintDuplicate(EarlierId), Given<Complaint>(Lodged()),
                Named(EarlierId, EarlierNumber, NeighbourCommunityId), Users.CommunityWorker(CommunityId, SubDistrictId))
            .ShouldRejectField("originalId", "No such complaint.");

    [Fact]
    public void a_complaint_cannot_duplicate_itself() =>
        MarkComplaintDuplicateEndpoint.Validate(
                new MarkComplaintDuplicate(Id), Given<Complaint>(Lodged()), Named(Id, Number), Users.Clerk)
            .ShouldRejectField("originalId", "A complaint cannot duplicate itself.");

    [Fact]
    public void a_duplicate_of_a_duplicate_is_refused_naming_the_real_original()
    {
        var otherDuplicate = Named(OtherId, OtherNumber, more: new ComplaintMarkedDuplicate(
            OtherId, EarlierId, EarlierNumber, Users.ClerkActor, LodgedAt.AddHours(1)));

        MarkComplaintDuplicateEndpoint.Validate(
                new MarkComplaintDuplicate(OtherId), Given<Complaint>(Lodged()), otherDuplicate, Users.Clerk)
            .ShouldRejectField("originalId", $"mark this one as a duplicate of {EarlierNumber}.");
    }

    [Fact]
    public void a_complaint_cannot_duplicate_its_own_duplicate()
    {
        var ownDuplicate = Named(OtherId, OtherNumber, more: new ComplaintMarkedDuplicate(
            OtherId, Id, Number, Users.ClerkActor, LodgedAt.AddHours(1)));

        MarkComplaintDuplicateEndpoint.Validate(
                new MarkComplaintDuplicate(OtherId), Given<Complaint>(Lodged()), ownDuplicate, Users.Clerk)
            .ShouldRejectField("originalId", $"{OtherNumber} is already a duplicate of this complaint.");
    }

    [Fact]
    public void a_complaint_of_another_community_does_not_exist_for_a_community_worker() =>
        MarkComplaintDuplicateEndpoint.Validate(
                new MarkComplaintDuplicate(EarlierId), Given<Complaint>(Lodged()), Earlier,
                Users.CommunityWorker(NeighbourCommunityId, SubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void marking_with_a_stale_expected_version_is_a_conflict() =>
        MarkComplaintDuplicateEndpoint.Validate(
                new MarkComplaintDuplicate(EarlierId, ExpectedVersion: 5), Given<Complaint>(Lodged()), Earlier, Users.Clerk)
            .ShouldBeStaleVersion(expected: 5, current: 1);
}
