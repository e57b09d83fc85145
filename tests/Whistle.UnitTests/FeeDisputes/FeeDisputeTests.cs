using Shouldly;
using Whistle.FeeDisputes;
using Whistle.Mediation;
using Xunit;
using static Whistle.UnitTests.FeeDisputes.FeeDisputeHistory;

namespace Whistle.UnitTests.FeeDisputes;

public class FeeDisputeTests
{
    [Theory]
    [InlineData(FeeDisputeStage.Open, false)]
    [InlineData(FeeDisputeStage.InMediation, false)]
    [InlineData(FeeDisputeStage.PlanInProgress, false)]
    [InlineData(FeeDisputeStage.PlanDefaulted, false)]
    [InlineData(FeeDisputeStage.Settled, true)]
    [InlineData(FeeDisputeStage.InCourt, true)]
    public void only_a_settled_dispute_or_one_in_court_is_closed(FeeDisputeStage stage, bool closed) =>
        DisputeThatIs(stage).IsClosed.ShouldBe(closed);

    [Fact]
    public void the_write_model_folds_every_event_of_the_stream()
    {
        var dispute = DisputeAfter(
            Raised(), ReasonsRecorded(OwnerReason.ServiceDefect), DefectResolved(), Demanded(new DateOnly(2026, 2, 20)), Waived(400m, 2000m),
            ReferredToMediation(), MediationEnded(MediationResult.Failed), CreditReferred(),
            PlanAgreed(1, 15, new Instalment(1, 1000m, new DateOnly(2026, 3, 31)), new Instalment(2, 1000m, new DateOnly(2026, 4, 30))),
            Missed(1), InstalmentPaid(1, amount: 1000m), InstalmentPaid(2, amount: 1000m), Completed(), CreditWithdrawn());

        (dispute.Version, dispute.Stage, dispute.Outstanding, dispute.DemandPayBy, dispute.MediationFailed, dispute.CreditReferred)
            .ShouldBe((14L, FeeDisputeStage.Settled, 0m, (DateOnly?)new DateOnly(2026, 2, 20), true, false));
        dispute.DefectComplaints.ShouldBe([DefectComplaintId]);
        dispute.PaidInstalments.ShouldBe([1, 2]);
    }

    [Fact]
    public void an_instalment_is_unpaid_only_under_its_own_running_plan()
    {
        var running = DisputeAfter(Raised(), PlanAgreed(), InstalmentPaid(1));

        running.Unpaid(1, 2).ShouldBe(ThreeInstalments[1]);
        running.Unpaid(1, 1).ShouldBeNull();
        running.Unpaid(1, 4).ShouldBeNull();
        running.Unpaid(2, 2).ShouldBeNull();
        DisputeAfter(Raised(), PlanAgreed(), Missed(2), Defaulted(2)).Unpaid(1, 2).ShouldBeNull();
    }

    [Fact]
    public void a_new_plan_forgets_the_instalments_paid_under_the_last()
    {
        var dispute = DisputeAfter(
            Raised(), PlanAgreed(), InstalmentPaid(1), Missed(2), Defaulted(2),
            PlanAgreed(2, 15, new Instalment(1, 800m, new DateOnly(2026, 3, 20)), new Instalment(2, 800m, new DateOnly(2026, 4, 20))));

        (dispute.Plan, dispute.Stage, dispute.Outstanding).ShouldBe((2, FeeDisputeStage.PlanInProgress, 1600m));
        dispute.PaidInstalments.ShouldBeEmpty();
    }
}
