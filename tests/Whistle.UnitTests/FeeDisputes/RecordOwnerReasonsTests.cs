using Shouldly;
using Whistle.Complaints;
using Whistle.FeeDisputes;
using Whistle.UnitTests.Complaints;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.FeeDisputes.FeeDisputeHistory;

namespace Whistle.UnitTests.FeeDisputes;

public class RecordOwnerReasonsTests
{
    private static readonly Complaint LiftComplaint = EventSpecification.Given<Complaint>(ComplaintHistory.Lodged());

    private static readonly LinkedComplaints Linked = new([LiftComplaint]);

    private static readonly LinkedComplaints NoneFound = new([]);

    private static RecordOwnerReasons ServiceDefect() =>
        new([OwnerReason.ServiceDefect], [DefectComplaintId], null, "电梯长期停运。");

    [Fact]
    public void records_the_owners_reasons_with_the_complaints_behind_a_service_defect()
    {
        var command = new RecordOwnerReasons(
            [OwnerReason.ServiceDefect, OwnerReason.Hardship, OwnerReason.ServiceDefect], [DefectComplaintId, DefectComplaintId],
            Subsidy.Dibao, "  电梯长期停运，家中有低保证明。 ");

        var (_, events, messages) = RecordOwnerReasonsEndpoint.Post(command, DisputeAfter(Raised()), Users.Clerk, Now);

        events.ShouldBeEvents(new OwnerReasonsRecorded(
            Id, [OwnerReason.ServiceDefect, OwnerReason.Hardship], [DefectComplaintId], Subsidy.Dibao, "电梯长期停运，家中有低保证明。",
            Users.ClerkActor, Now));
        messages.ShouldHaveSingleItem().ShouldBe(new CiteComplaint(DefectComplaintId, Id, Number, Users.ClerkActor, Now));
    }

    [Fact]
    public void reasons_without_complaints_or_subsidy_record_none()
    {
        var (_, events, messages) = RecordOwnerReasonsEndpoint.Post(
            new RecordOwnerReasons([OwnerReason.Vacancy]), DisputeAfter(Raised()), Users.Clerk, Now);

        events.ShouldBeEvents(new OwnerReasonsRecorded(Id, [OwnerReason.Vacancy], [], Subsidy.None, null, Users.ClerkActor, Now));
        messages.ShouldBeEmpty();
    }

    [Fact]
    public void recording_again_replaces_the_linked_complaints()
    {
        var dispute = DisputeAfter(Raised(), ReasonsRecorded(OwnerReason.ServiceDefect), ReasonsRecorded(OwnerReason.Vacancy));

        dispute.DefectComplaints.ShouldBeEmpty();
        DisputeAfter(Raised(), ReasonsRecorded(OwnerReason.ServiceDefect)).DefectComplaints.ShouldBe([DefectComplaintId]);
    }

    [Fact]
    public void a_service_defect_with_its_complaint_passes_validation() =>
        RecordOwnerReasonsEndpoint.Validate(ServiceDefect(), DisputeAfter(Raised()), Linked, Users.Clerk).ShouldBeNoProblem();

    [Fact]
    public void hardship_with_dibao_or_wubao_eligibility_passes_validation()
    {
        var dispute = DisputeAfter(Raised());

        RecordOwnerReasonsEndpoint.Validate(new([OwnerReason.Hardship], Subsidy: Subsidy.Dibao), dispute, NoneFound, Users.Clerk)
            .ShouldBeNoProblem();
        RecordOwnerReasonsEndpoint.Validate(new([OwnerReason.Hardship], Subsidy: Subsidy.Wubao), dispute, NoneFound, Users.Clerk)
            .ShouldBeNoProblem();
    }

    [Fact]
    public void at_least_one_reason_is_given()
    {
        var dispute = DisputeAfter(Raised());

        RecordOwnerReasonsEndpoint.Validate(new([]), dispute, NoneFound, Users.Clerk).ShouldRejectField("reasons", "At least one reason");
        RecordOwnerReasonsEndpoint.Validate(new(null), dispute, NoneFound, Users.Clerk).ShouldRejectField("reasons", "At least one reason");
    }

    [Fact]
    public void an_unknown_reason_is_rejected() =>
        RecordOwnerReasonsEndpoint.Validate(new([(OwnerReason)9]), DisputeAfter(Raised()), NoneFound, Users.Clerk)
            .ShouldRejectField("reasons", "Unknown reason");

    [Theory]
    [InlineData(OwnerReason.Vacancy)]
    [InlineData(OwnerReason.Price)]
    [InlineData(OwnerReason.Hardship)]
    public void complaints_are_linked_only_to_a_service_defect(OwnerReason reason) =>
        RecordOwnerReasonsEndpoint.Validate(new([reason], [DefectComplaintId]), DisputeAfter(Raised()), Linked, Users.Clerk)
            .ShouldRejectField("defectComplaints", "Complaints are linked to a service-defect reason only");

    [Fact]
    public void an_unknown_complaint_is_rejected_by_its_id() =>
        RecordOwnerReasonsEndpoint.Validate(
                ServiceDefect() with { DefectComplaints = [DefectComplaintId, OtherDefectComplaintId] }, DisputeAfter(Raised()), Linked, Users.Clerk)
            .ShouldRejectField("defectComplaints", $"No complaint {OtherDefectComplaintId}");

    [Fact]
    public void at_most_twenty_complaints_are_linked()
    {
        var ids = Enumerable.Range(1, 21).Select(n => Guid.Parse($"019ab0c2-4a00-7000-8000-{n:D12}")).ToList();

        var problem = RecordOwnerReasonsEndpoint.Validate(ServiceDefect() with { DefectComplaints = ids }, DisputeAfter(Raised()), NoneFound, Users.Clerk);

        problem.ShouldRejectFields("defectComplaints").Errors["defectComplaints"].ShouldContain(m => m.Contains("At most 20 complaints"));
    }

    [Theory]
    [InlineData(Subsidy.Dibao)]
    [InlineData(Subsidy.Wubao)]
    public void a_subsidy_goes_only_with_a_hardship_reason(Subsidy subsidy) =>
        RecordOwnerReasonsEndpoint.Validate(new([OwnerReason.Price], Subsidy: subsidy), DisputeAfter(Raised()), NoneFound, Users.Clerk)
            .ShouldRejectField("subsidy", "Subsidy eligibility goes with a hardship reason");

    [Fact]
    public void no_subsidy_needs_no_hardship() =>
        RecordOwnerReasonsEndpoint.Validate(new([OwnerReason.Price], Subsidy: Subsidy.None), DisputeAfter(Raised()), NoneFound, Users.Clerk)
            .ShouldBeNoProblem();

    [Fact]
    public void an_unknown_subsidy_is_rejected() =>
        RecordOwnerReasonsEndpoint.Validate(new([OwnerReason.Hardship], Subsidy: (Subsidy)7), DisputeAfter(Raised()), NoneFound, Users.Clerk)
            .ShouldRejectField("subsidy", "Unknown subsidy");

    [Fact]
    public void a_statement_is_at_most_two_thousand_characters() =>
        RecordOwnerReasonsEndpoint.Validate(
                new([OwnerReason.Price], Statement: new string('贵', 2001)), DisputeAfter(Raised()), NoneFound, Users.Clerk)
            .ShouldRejectField("statement", "At most 2000 characters");

    [Theory]
    [InlineData(FeeDisputeStage.Settled)]
    [InlineData(FeeDisputeStage.InCourt)]
    public void a_closed_dispute_takes_no_reasons(FeeDisputeStage stage) =>
        RecordOwnerReasonsEndpoint.Validate(ServiceDefect(), DisputeThatIs(stage), Linked, Users.Clerk)
            .ShouldBeConflict("nothing more can be done on it");

    [Fact]
    public void a_dispute_outside_the_workers_community_is_not_found() =>
        RecordOwnerReasonsEndpoint.Validate(
                ServiceDefect(), DisputeAfter(Raised()), Linked, Users.CommunityWorker(OtherCommunityCode, SubDistrictCode))
            .ShouldBeNotFound();

    [Fact]
    public void a_worker_of_the_disputes_community_records_reasons() =>
        RecordOwnerReasonsEndpoint.Validate(
                ServiceDefect(), DisputeAfter(Raised()), Linked, Users.CommunityWorker(CommunityCode, SubDistrictCode))
            .ShouldBeNoProblem();

    [Fact]
    public void a_stale_expected_version_is_a_conflict() =>
        RecordOwnerReasonsEndpoint.Validate(
                ServiceDefect() with { ExpectedVersion = 1 }, DisputeAfter(Raised(), Demanded(new DateOnly(2026, 3, 20))), Linked, Users.Clerk)
            .ShouldBeStaleVersion(1, 2);

    [Fact]
    public void the_current_expected_version_passes() =>
        RecordOwnerReasonsEndpoint.Validate(
                ServiceDefect() with { ExpectedVersion = 2 }, DisputeAfter(Raised(), Demanded(new DateOnly(2026, 3, 20))), Linked, Users.Clerk)
            .ShouldBeNoProblem();
}
