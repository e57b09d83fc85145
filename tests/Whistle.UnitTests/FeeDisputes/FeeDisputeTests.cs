using Microsoft.AspNetCore.Http;
using Shouldly;
using Whistle.FeeDisputes;
using Whistle.Kernel;
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

    [Theory]
    [InlineData(FeeDisputeStage.Open, false)]
    [InlineData(FeeDisputeStage.InMediation, false)]
    [InlineData(FeeDisputeStage.PlanInProgress, true)]
    [InlineData(FeeDisputeStage.PlanDefaulted, false)]
    public void only_a_running_plan_holds_the_dispute_to_its_instalments(FeeDisputeStage stage, bool held)
    {
        var problem = FeeDisputeRules.WhilePlanRuns(DisputeThatIs(stage), "减免", "be reduced");

        if (held) problem.ShouldNotBeNull().ShouldBeConflict("The dispute is PlanInProgress; it cannot be reduced while a payment plan runs.");
        else problem.ShouldBeNull();
    }

    [Fact]
    public void a_worker_of_the_disputes_own_area_who_may_not_handle_it_is_forbidden()
    {
        var problem = FeeDisputeRules.Common(DisputeAfter(Raised()), Users.SubDistrictWorker(SubDistrictCode), null).ShouldNotBeNull();

        problem.Status.ShouldBe(StatusCodes.Status403Forbidden);
    }

    [Fact]
    public void a_dispute_outside_the_handlers_area_does_not_exist_for_them() =>
        FeeDisputeRules.Common(DisputeAfter(Raised()), Users.CommunityWorker(OtherCommunityCode, SubDistrictCode), null)
            .ShouldNotBeNull().ShouldBeNotFound();

    [Theory]
    [InlineData(Roles.Clerk)]
    [InlineData(Roles.Mediator)]
    [InlineData(Roles.Admin)]
    public void the_county_wide_handlers_handle_every_dispute(string role) =>
        FeeDisputeRules.Common(DisputeAfter(Raised()), Users.User($"u-{role}", role, role), null).ShouldBeNull();

    [Fact]
    public void the_write_model_keeps_the_compound_name_from_the_raising_or_its_code_for_an_older_dispute()
    {
        DisputeAfter(Raised()).CompoundName.ShouldBe(CompoundName);
        DisputeAfter(Raised() with { CompoundName = null }).CompoundName.ShouldBe(CompoundCode);
    }

    [Fact]
    public void a_commands_answer_is_the_dispute_after_its_events()
    {
        var answer = FeeDisputeAnswer.After(DisputeAfter(Raised(), PlanAgreed()), [InstalmentPaid(1)]);

        answer.ShouldBe(new FeeDisputeAnswer(
            Id, Number, 3, FeeDisputeStage.PlanInProgress, "分期履行中", 1600m, null, null, false, false, 1, answer.Instalments));
        answer.Instalments.ShouldBe([
            new(1, 800m, ThreeInstalments[0].DueOn, true), new(2, 800m, ThreeInstalments[1].DueOn, false),
            new(3, 800m, ThreeInstalments[2].DueOn, false)]);
    }
}
