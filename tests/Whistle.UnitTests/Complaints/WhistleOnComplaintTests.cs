using Shouldly;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

/// <summary>The complaint's side of a whistle: it waits for the whistle it is open on, and hears when it concludes.</summary>
public class WhistleOnComplaintTests
{
    private static readonly Guid WhistleId = Guid.Parse("019ca8f0-3000-7000-8000-00000000b001");
    private static readonly Guid EarlierWhistleId = Guid.Parse("019ca8f0-3000-7000-8000-00000000b000");
    private static readonly Actor Whistler = Users.CommunityWorkerActor;

    private static ComplaintWhistled Whistled(Guid whistleId) =>
        new(Id, whistleId, WhistleType.Routine, ["chengguan", "guihua"], Whistler, LodgedAt.AddHours(2));

    private static ComplaintWhistleConcluded WhistleConcluded(Guid whistleId) => new(Id, whistleId, Whistler, LodgedAt.AddDays(2));

    private static WhistleConclusionReached ConclusionReached(Guid whistleId) => new(Id, whistleId, Whistler, Now);

    [Fact]
    public void a_complaint_whistled_on_waits_for_its_whistle() =>
        Given<Complaint>(Lodged(), Accepted(), Whistled(WhistleId)).OpenWhistle.ShouldBe(WhistleId);

    [Fact]
    public void the_complaint_hears_that_its_open_whistle_concluded() =>
        WhistleConclusionReachedHandler.Handle(ConclusionReached(WhistleId), Given<Complaint>(Lodged(), Accepted(), Whistled(WhistleId)))
            .ShouldHaveSingleItem().ShouldBe(new ComplaintWhistleConcluded(Id, WhistleId, Whistler, Now));

    [Fact]
    public void the_conclusion_of_a_whistle_that_is_not_the_open_one_appends_nothing() =>
        WhistleConclusionReachedHandler.Handle(
                ConclusionReached(EarlierWhistleId), Given<Complaint>(Lodged(), Accepted(), Whistled(WhistleId)))
            .ShouldBeEmpty();

    [Fact]
    public void the_same_conclusion_delivered_twice_is_recorded_once() =>
        WhistleConclusionReachedHandler.Handle(
                ConclusionReached(WhistleId), Given<Complaint>(Lodged(), Accepted(), Whistled(WhistleId), WhistleConcluded(WhistleId)))
            .ShouldBeEmpty();

    [Fact]
    public void a_complaint_never_whistled_on_ignores_a_conclusion() =>
        WhistleConclusionReachedHandler.Handle(ConclusionReached(WhistleId), Given<Complaint>(Lodged(), Accepted())).ShouldBeEmpty();

    [Fact]
    public void the_conclusion_of_its_whistle_frees_the_complaint() =>
        Given<Complaint>(Lodged(), Accepted(), Whistled(WhistleId), WhistleConcluded(WhistleId)).OpenWhistle.ShouldBeNull();

    [Fact]
    public void the_conclusion_of_another_whistle_leaves_the_open_one_open() =>
        Given<Complaint>(Lodged(), Accepted(), Whistled(WhistleId), WhistleConcluded(EarlierWhistleId)).OpenWhistle.ShouldBe(WhistleId);

    [Fact]
    public void a_complaint_cannot_be_resolved_while_its_whistle_is_open() =>
        ResolveComplaintEndpoint.Validate(
                new ResolveComplaint("违建已拆除。"), Given<Complaint>(Lodged(), Accepted(), Whistled(WhistleId)), Users.Clerk)
            .ShouldBeConflict($"The whistle {WhistleId} on this complaint has not concluded; it must conclude before the complaint is resolved.");

    [Fact]
    public void a_complaint_is_resolved_once_its_whistle_has_concluded()
    {
        var complaint = Given<Complaint>(Lodged(), Accepted(), Whistled(WhistleId), WhistleConcluded(WhistleId));

        ResolveComplaintEndpoint.Validate(new ResolveComplaint("违建已拆除。"), complaint, Users.Clerk).ShouldBeNoProblem();
        ResolveComplaintEndpoint.Resolve(new ResolveComplaint("违建已拆除。"), complaint, TimeLimits, Users.ClerkActor, Now).Item2
            .ShouldHaveSingleItem().ShouldBeOfType<ComplaintResolved>().Outcome.ShouldBe("违建已拆除。");
    }

    [Fact]
    public void the_conclusion_decided_in_the_whistles_transaction_is_appended_expecting_the_complaint_it_was_decided_on()
    {
        var complaint = Given<Complaint>(Lodged(), Accepted(), Whistled(WhistleId));

        var events = WhistleOnComplaint.Concluded(complaint, WhistleId, Whistler, Now);

        events.ShouldHaveSingleItem().ShouldBe(new ComplaintWhistleConcluded(Id, WhistleId, Whistler, Now));
        WhistleOnComplaint.Appends(complaint, events).ShouldHaveSingleItem();
        complaint.After(events).OpenWhistle.ShouldBeNull();
    }

    [Fact]
    public void nothing_to_record_appends_nothing() =>
        WhistleOnComplaint.Appends(Given<Complaint>(Lodged(), Accepted()), []).ShouldBeEmpty();

    [Fact]
    public void a_reassignment_names_the_whistles_departments_now() =>
        WhistleOnComplaint.Reassigned(Given<Complaint>(Lodged(), Accepted(), Whistled(WhistleId)), WhistleId, ["zhujian", "guihua"], Whistler, Now)
            .ShouldBeEvents(new ComplaintWhistleReassigned(Id, WhistleId, ["zhujian", "guihua"], Whistler, Now));

    [Fact]
    public void a_reassignment_on_a_whistle_that_is_not_the_open_one_appends_nothing() =>
        WhistleOnComplaint.Reassigned(Given<Complaint>(Lodged(), Accepted(), Whistled(WhistleId)), EarlierWhistleId, ["zhujian"], Whistler, Now)
            .ShouldBeEmpty();

    [Fact]
    public void a_reassignment_leaves_the_complaint_waiting_for_its_whistle() =>
        Given<Complaint>(Lodged(), Accepted(), Whistled(WhistleId), new ComplaintWhistleReassigned(Id, WhistleId, ["zhujian"], Whistler, Now))
            .OpenWhistle.ShouldBe(WhistleId);

    [Fact]
    public void the_complaints_summary_of_the_whistle_lists_the_departments_after_a_reassignment()
    {
        var details = Project<ComplaintDetailsProjection, ComplaintDetails>(
            Lodged(), Accepted(), Whistled(WhistleId), new ComplaintWhistleReassigned(Id, WhistleId, ["zhujian", "guihua"], Whistler, Now));

        details.Whistles.ShouldHaveSingleItem().Departments.ShouldBe(["zhujian", "guihua"]);
        (details.Version, details.UpdatedAt).ShouldBe((4L, Now));
    }
}
