using Shouldly;
using Whistle.FeeDisputes;
using Whistle.Mediation;
using Whistle.Privacy.Sealing;
using Xunit;
using static Whistle.UnitTests.FeeDisputes.FeeDisputeHistory;

namespace Whistle.UnitTests.FeeDisputes;

public class FeeDisputeDetailsProjectionTests
{
    private static FeeDisputeDetails.InstalmentView Unpaid(int number) =>
        new(number, 800m, ThreeInstalments[number - 1].DueOn, false, false, null);

    [Fact]
    public void the_owners_reasons_replace_the_earlier_ones()
    {
        var details = DetailsAfter(
            ReasonsRecorded(OwnerReason.Price),
            new OwnerReasonsRecorded(Id, [OwnerReason.ServiceDefect, OwnerReason.Hardship], [DefectComplaintId], Subsidy.Wubao, "五保户", Clerk, Now));

        details.Reasons.ShouldBe([OwnerReason.ServiceDefect, OwnerReason.Hardship]);
        details.DefectComplaints.ShouldBe([DefectComplaintId]);
        (details.Subsidy, details.Statement, details.Version).ShouldBe((Subsidy.Wubao, "五保户", 3L));
    }

    [Fact]
    public void a_demand_shows_its_deadline() =>
        DetailsAfter(Demanded(new DateOnly(2026, 4, 1))).DemandPayBy.ShouldBe(new DateOnly(2026, 4, 1));

    [Fact]
    public void payments_add_up_and_lower_what_is_outstanding()
    {
        var details = DetailsAfter(Paid(1000m, 1400m), Paid(400m, 1000m));

        (details.Paid, details.Outstanding, details.AmountOwed, details.Stage).ShouldBe((1400m, 1000m, AmountOwed, FeeDisputeStage.Open));
    }

    [Fact]
    public void paying_everything_settles_the_dispute()
    {
        var details = DetailsAfter(Paid(AmountOwed, 0m));

        (details.Paid, details.Outstanding, details.Stage, details.StageLabel).ShouldBe((AmountOwed, 0m, FeeDisputeStage.Settled, "结清"));
    }

    [Fact]
    public void waivers_add_up_with_their_reasons()
    {
        var details = DetailsAfter(Waived(400m, 2000m), new WaiverGranted(Id, 150.5m, "电梯停运补偿", 1849.5m, Clerk, Now));

        (details.Waived, details.Outstanding, details.Stage).ShouldBe((550.5m, 1849.5m, FeeDisputeStage.Open));
        details.Waivers.ShouldBe(["400.00: 空置期减免", "150.50: 电梯停运补偿"]);
    }

    [Fact]
    public void an_agreed_plan_shows_every_instalment_unpaid()
    {
        var details = DetailsAfter(PlanAgreed(graceDays: 20));

        (details.Stage, details.StageLabel).ShouldBe((FeeDisputeStage.PlanInProgress, "分期履行中"));
        var plan = details.Plan.ShouldNotBeNull();
        (plan.Plan, plan.SettledAmount, plan.GraceDays, plan.Defaulted, plan.Completed).ShouldBe((1, AmountOwed, 20, false, false));
        plan.Instalments.ShouldBe([Unpaid(1), Unpaid(2), Unpaid(3)]);
    }

    [Fact]
    public void an_instalment_paid_is_marked_and_lowers_what_is_outstanding()
    {
        var details = DetailsAfter(PlanAgreed(), InstalmentPaid(2));

        (details.Paid, details.Outstanding).ShouldBe((800m, 1600m));
        details.Plan.ShouldNotBeNull().Instalments.ShouldBe([Unpaid(1), Unpaid(2) with { Paid = true }, Unpaid(3)]);
    }

    [Fact]
    public void a_missed_instalment_shows_when_its_grace_ends()
    {
        var details = DetailsAfter(PlanAgreed(), Missed(1));

        details.Plan.ShouldNotBeNull().Instalments[0].ShouldBe(Unpaid(1) with { Missed = true, GraceEndsOn = new DateOnly(2026, 4, 15) });
        details.Stage.ShouldBe(FeeDisputeStage.PlanInProgress);
    }

    [Fact]
    public void a_missed_instalment_paid_in_its_grace_is_both_missed_and_paid() =>
        DetailsAfter(PlanAgreed(), Missed(1), InstalmentPaid(1)).Plan.ShouldNotBeNull().Instalments[0]
            .ShouldBe(Unpaid(1) with { Paid = true, Missed = true, GraceEndsOn = new DateOnly(2026, 4, 15) });

    [Fact]
    public void a_default_is_counted_and_marks_the_plan()
    {
        var details = DetailsAfter(PlanAgreed(), Missed(1), Defaulted(1));

        (details.Stage, details.Defaults, details.Plan.ShouldNotBeNull().Defaulted).ShouldBe((FeeDisputeStage.PlanDefaulted, 1, true));
    }

    [Fact]
    public void a_new_plan_after_a_default_starts_clean_and_the_defaults_add_up()
    {
        var afterSecondPlan = DetailsAfter(PlanAgreed(), Missed(1), Defaulted(1), PlanAgreed(plan: 2));

        (afterSecondPlan.Stage, afterSecondPlan.Defaults).ShouldBe((FeeDisputeStage.PlanInProgress, 1));
        var plan = afterSecondPlan.Plan.ShouldNotBeNull();
        (plan.Plan, plan.Defaulted).ShouldBe((2, false));
        plan.Instalments.ShouldBe([Unpaid(1), Unpaid(2), Unpaid(3)]);

        Applied(afterSecondPlan, Missed(1, plan: 2), Defaulted(1, plan: 2)).Defaults.ShouldBe(2);
    }

    [Fact]
    public void a_completed_plan_settles_the_dispute()
    {
        var details = DetailsAfter(PlanAgreed(), InstalmentPaid(1), InstalmentPaid(2), InstalmentPaid(3), Completed());

        (details.Stage, details.Outstanding, details.Paid, details.Plan.ShouldNotBeNull().Completed)
            .ShouldBe((FeeDisputeStage.Settled, 0m, AmountOwed, true));
    }

    [Fact]
    public void a_referral_to_mediation_names_the_case()
    {
        var details = DetailsAfter(ReferredToMediation());

        (details.Stage, details.MediationCaseId, details.MediationNumber, details.MediationResult)
            .ShouldBe((FeeDisputeStage.InMediation, (Guid?)MediationId, (string?)MediationNumber, (MediationResult?)null));
    }

    [Fact]
    public void the_mediations_result_reopens_the_dispute()
    {
        var details = DetailsAfter(ReferredToMediation(), MediationEnded(MediationResult.Failed));

        (details.Stage, details.MediationResult).ShouldBe((FeeDisputeStage.Open, (MediationResult?)MediationResult.Failed));
    }

    [Fact]
    public void a_new_mediation_clears_the_last_result() =>
        DetailsAfter(ReferredToMediation(), MediationEnded(MediationResult.Failed), ReferredToMediation(OtherMediationId))
            .MediationResult.ShouldBeNull();

    [Fact]
    public void a_mediation_ending_after_the_dispute_was_settled_leaves_it_settled() =>
        DetailsAfter(ReferredToMediation(), Paid(AmountOwed, 0m), MediationEnded(MediationResult.AgreementSigned))
            .Stage.ShouldBe(FeeDisputeStage.Settled);

    [Fact]
    public void a_credit_referral_shows_until_withdrawn()
    {
        DetailsAfter(CreditReferred()).CreditReferred.ShouldBeTrue();
        DetailsAfter(CreditReferred(), CreditWithdrawn()).CreditReferred.ShouldBeFalse();
    }

    [Fact]
    public void a_court_referral_names_the_court_and_closes_the_dispute()
    {
        var details = DetailsAfter(ReferredToCourt());

        (details.Stage, details.StageLabel, details.Court).ShouldBe((FeeDisputeStage.InCourt, "诉至法院", "安澜县人民法院"));
    }

    [Fact]
    public void the_defect_is_resolved_once_every_linked_complaint_is()
    {
        var twoComplaints = new OwnerReasonsRecorded(
            Id, [OwnerReason.ServiceDefect], [DefectComplaintId, OtherDefectComplaintId], Subsidy.None, null, Clerk, Now);

        var oneResolved = DetailsAfter(twoComplaints, DefectResolved(), DefectResolved());
        oneResolved.ResolvedDefectComplaints.ShouldBe([DefectComplaintId]);
        oneResolved.DefectsResolved.ShouldBeFalse();

        Applied(oneResolved, DefectResolved(OtherDefectComplaintId)).DefectsResolved.ShouldBeTrue();
    }

    [Fact]
    public void without_linked_complaints_no_defect_is_resolved() =>
        DetailsAfter(ReasonsRecorded(OwnerReason.Price)).DefectsResolved.ShouldBeFalse();

    [Fact]
    public void every_event_moves_the_version_on()
    {
        object[] events =
        [
            ReasonsRecorded(OwnerReason.ServiceDefect), DefectResolved(), Demanded(new DateOnly(2026, 4, 1)), Waived(400m, 2000m),
            ReferredToMediation(), MediationEnded(MediationResult.Failed), CreditReferred(),
            PlanAgreed(1, 15, new Instalment(1, 1000m, new DateOnly(2026, 3, 31)), new Instalment(2, 1000m, new DateOnly(2026, 4, 30))),
            InstalmentPaid(1, amount: 1000m), InstalmentPaid(2, amount: 1000m), Completed(), CreditWithdrawn(),
        ];

        var details = DetailsAfter(events);

        (details.Version, details.Stage, details.Outstanding, details.Paid, details.Waived).ShouldBe((13L, FeeDisputeStage.Settled, 0m, 2000m, 400m));
    }

    [Fact]
    public void every_reader_sees_the_owner_masked_and_the_document_keeps_the_owner()
    {
        var details = DetailsAfter();

        var masked = details.Masked(Keyring.Empty);

        (masked.OwnerName, masked.OwnerPhone).ShouldBe(("王**", "138****5678"));
        (details.OwnerName, details.OwnerPhone).ShouldBe((OwnerName, OwnerPhone));
        details.PersonalData().Select(d => (d.Field, d.Value, d.Masked)).ShouldBe(
            [("owner.name", OwnerName, "王**"), ("owner.phone", OwnerPhone, "138****5678")]);
    }

    [Fact]
    public void a_dispute_is_found_only_inside_the_readers_area()
    {
        FeeDisputeDetailsEndpoint.Validate(Id, DetailsAfter(), Users.CommunityWorker(CommunityCode, SubDistrictCode)).ShouldBeNoProblem();
        FeeDisputeDetailsEndpoint.Validate(Id, DetailsAfter(), Users.SubDistrictWorker(SubDistrictCode)).ShouldBeNoProblem();
        FeeDisputeDetailsEndpoint.Validate(Id, DetailsAfter(), Users.CommunityWorker(OtherCommunityCode, SubDistrictCode)).ShouldBeNotFound();
        FeeDisputeDetailsEndpoint.Validate(Id, DetailsAfter(), Users.SubDistrictWorker("SD02")).ShouldBeNotFound();
        FeeDisputeDetailsEndpoint.Validate(Id, null, Users.Clerk).ShouldBeNotFound();
    }

    [Fact]
    public void the_raising_builds_the_details_with_the_compound_name_it_carries() =>
        EventSpecification.Project<FeeDisputeDetailsProjection, FeeDisputeDetails>(Raised()).ShouldBeEquivalentTo(RaisedDetails());

    [Fact]
    public void a_dispute_raised_before_compound_names_were_recorded_shows_the_compounds_code() =>
        EventSpecification.Project<FeeDisputeDetailsProjection, FeeDisputeDetails>(Raised() with { CompoundName = null })
            .CompoundName.ShouldBe(CompoundCode);
}
