using Shouldly;
using Whistle.FeeDisputes;
using Whistle.Kernel;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.FeeDisputes.FeeDisputeHistory;

namespace Whistle.UnitTests.FeeDisputes;

public class ReferFeeDisputeToMediationTests
{
    private static readonly MediationParty Company = new(CompanyName, CompanyPhone, PartySide.Applicant, IsOrganisation: true);

    private static readonly MediationParty Owner = new(OwnerName, OwnerPhone, PartySide.Respondent);

    private const string DefaultMatter = "东关花园3 栋 2 单元 501 物业费纠纷：2025-01 至 2025-12，欠费 2400.00 元";

    private static readonly DisputeCompany Found = new(Dongsheng);

    private static (MediationStarted Started, Wolverine.Marten.Events Events, Wolverine.Marten.IStartStream Stream) Refer(
        ReferFeeDisputeToMediation command, DisputeRaiser raisedBy = DisputeRaiser.Company, DisputeCompany? company = null,
        FeeDispute? dispute = null) =>
        ReferFeeDisputeToMediationEndpoint.Refer(
            command, dispute ?? DisputeAfter(Raised(raisedBy)), company ?? Found, MediationId, MediationNumber, Clerk, Now);

    [Fact]
    public void referring_opens_a_mediation_case_with_the_company_applying_against_the_owner()
    {
        var (started, events, stream) = Refer(new ReferFeeDisputeToMediation());

        started.ShouldBe(new MediationStarted(MediationId, MediationNumber));
        started.Url.ShouldBe($"/api/mediation/cases/{MediationId}");
        events.ShouldBeEvents(new FeeDisputeReferredToMediation(Id, MediationId, MediationNumber, Clerk, Now));
        stream.StreamId.ShouldBe(MediationId);
        stream.AggregateType.ShouldBe(typeof(MediationCase));
        stream.Events.ShouldBeEvents(new MediationCaseOpened(
            MediationId, MediationNumber, ReferralSource.FeeDispute, Id, Number, null, [Company, Owner], DefaultMatter,
            CompanyCode, CompoundCode, CommunityCode, SubDistrictCode, Clerk, Now));
    }

    [Fact]
    public void an_owners_dispute_makes_the_owner_the_applicant_against_the_company() =>
        Refer(new ReferFeeDisputeToMediation(), DisputeRaiser.Owner).Stream.Events.OfType<MediationCaseOpened>().ShouldHaveSingleItem()
            .Parties.ShouldBe([Owner with { Side = PartySide.Applicant }, Company with { Side = PartySide.Respondent }]);

    [Fact]
    public void the_matter_given_replaces_the_summary() =>
        Refer(new ReferFeeDisputeToMediation("  电梯停运引发的物业费纠纷 ")).Stream.Events.OfType<MediationCaseOpened>().ShouldHaveSingleItem()
            .Matter.ShouldBe("电梯停运引发的物业费纠纷");

    [Fact]
    public void the_summary_states_what_is_still_outstanding() =>
        Refer(new ReferFeeDisputeToMediation(" "), dispute: DisputeAfter(Raised(), Waived(400m, 2000m)))
            .Stream.Events.OfType<MediationCaseOpened>().ShouldHaveSingleItem()
            .Matter.ShouldBe("东关花园3 栋 2 单元 501 物业费纠纷：2025-01 至 2025-12，欠费 2000.00 元");

    [Fact]
    public void a_company_missing_from_the_directory_is_named_by_its_code() =>
        Refer(new ReferFeeDisputeToMediation(), company: new(null))
            .Stream.Events.OfType<MediationCaseOpened>().ShouldHaveSingleItem()
            .Parties.ShouldBe([new MediationParty(CompanyCode, null, PartySide.Applicant, IsOrganisation: true), Owner]);

    [Fact]
    public void each_case_names_the_other()
    {
        var (_, events, stream) = Refer(new ReferFeeDisputeToMediation());

        var dispute = DisputeAfter([Raised(), .. events]);
        (dispute.Stage, dispute.Mediation).ShouldBe((FeeDisputeStage.InMediation, (Guid?)MediationId));
        var mediation = EventSpecification.Given<MediationCase>([.. stream.Events]);
        (mediation.Source, mediation.SourceCaseId, mediation.PropertyCompanyCode, mediation.Status)
            .ShouldBe((ReferralSource.FeeDispute, (Guid?)Id, (string?)CompanyCode, MediationStatus.AwaitingConsent));
    }

    [Fact]
    public void a_dispute_raised_before_compound_names_were_recorded_is_summarised_with_the_compounds_code() =>
        Refer(new ReferFeeDisputeToMediation(), dispute: DisputeAfter(Raised() with { CompoundName = null }))
            .Stream.Events.OfType<MediationCaseOpened>().ShouldHaveSingleItem()
            .Matter.ShouldBe($"{CompoundCode}3 栋 2 单元 501 物业费纠纷：2025-01 至 2025-12，欠费 2400.00 元");

    [Theory]
    [InlineData(FeeDisputeStage.Open)]
    [InlineData(FeeDisputeStage.PlanDefaulted)]
    public void an_open_or_defaulted_dispute_goes_to_mediation(FeeDisputeStage stage) =>
        ReferFeeDisputeToMediationEndpoint.Check(new ReferFeeDisputeToMediation(), DisputeThatIs(stage), Users.Clerk).ShouldBeNoProblem();

    [Fact]
    public void a_dispute_goes_to_mediation_again_after_a_failed_one() =>
        ReferFeeDisputeToMediationEndpoint.Check(
                new ReferFeeDisputeToMediation(), DisputeAfter(Raised(), ReferredToMediation(), MediationEnded(MediationResult.Failed)), Users.Clerk)
            .ShouldBeNoProblem();

    [Fact]
    public void a_dispute_goes_back_to_mediation_as_soon_as_the_case_has_failed_before_the_dispute_hears_of_it() =>
        ReferFeeDisputeToMediationEndpoint.Validate(
                new ReferFeeDisputeToMediation(), DisputeAfter(Raised(), ReferredToMediation()),
                new DisputeMediation(new MediationCase { Id = MediationId, Status = MediationStatus.Failed }), Users.Clerk, new FixedClock(Now))
            .ShouldBeNoProblem();

    [Fact]
    public void while_its_case_still_runs_the_dispute_is_in_mediation() =>
        ReferFeeDisputeToMediationEndpoint.Validate(
                new ReferFeeDisputeToMediation(), DisputeAfter(Raised(), ReferredToMediation()),
                new DisputeMediation(new MediationCase { Id = MediationId, Status = MediationStatus.Accepted }), Users.Clerk, new FixedClock(Now))
            .ShouldBeConflict("The dispute is already in mediation.");

    [Fact]
    public void a_dispute_already_in_mediation_is_a_conflict() =>
        ReferFeeDisputeToMediationEndpoint.Check(new ReferFeeDisputeToMediation(), DisputeThatIs(FeeDisputeStage.InMediation), Users.Clerk)
            .ShouldBeConflict("The dispute is already in mediation.");

    [Fact]
    public void no_mediation_while_a_payment_plan_runs() =>
        ReferFeeDisputeToMediationEndpoint.Check(new ReferFeeDisputeToMediation(), DisputeThatIs(FeeDisputeStage.PlanInProgress), Users.Clerk)
            .ShouldBeConflict("it cannot go to mediation while a payment plan runs");

    [Fact]
    public void a_matter_is_at_most_a_thousand_characters() =>
        ReferFeeDisputeToMediationEndpoint.Check(new ReferFeeDisputeToMediation(new string('纠', 1001)), DisputeAfter(Raised()), Users.Clerk)
            .ShouldRejectField("matter", "At most 1000 characters");

    [Theory]
    [InlineData(FeeDisputeStage.Settled)]
    [InlineData(FeeDisputeStage.InCourt)]
    public void a_closed_dispute_goes_to_no_mediation(FeeDisputeStage stage) =>
        ReferFeeDisputeToMediationEndpoint.Check(new ReferFeeDisputeToMediation(), DisputeThatIs(stage), Users.Clerk)
            .ShouldBeConflict("nothing more can be done on it");

    [Fact]
    public void a_dispute_outside_the_workers_community_is_not_found() =>
        ReferFeeDisputeToMediationEndpoint.Check(
                new ReferFeeDisputeToMediation(), DisputeAfter(Raised()), Users.CommunityWorker(OtherCommunityCode, SubDistrictCode))
            .ShouldBeNotFound();

    [Fact]
    public void a_stale_expected_version_is_a_conflict() =>
        ReferFeeDisputeToMediationEndpoint.Check(new ReferFeeDisputeToMediation(ExpectedVersion: 2), DisputeAfter(Raised()), Users.Clerk)
            .ShouldBeStaleVersion(2, 1);
}

public class MediationOutcomeReachedHandlerTests
{
    private static readonly Actor Mediator = new("u-mediator", "孙调解", Roles.Mediator);

    private static readonly DateTimeOffset EndedAt = new(2026, 3, 2, 16, 0, 0, TimeSpan.FromHours(8));

    private static MediationOutcomeReached Outcome(MediationResult result, Guid? caseId = null) =>
        new(caseId ?? MediationId, MediationNumber, result, Id, Mediator, EndedAt);

    private static readonly object[] InMediation = [Raised(), ReferredToMediation()];

    [Theory]
    [InlineData(MediationResult.Failed)]
    [InlineData(MediationResult.AgreementSigned)]
    [InlineData(MediationResult.NotMediated)]
    public void the_dispute_records_how_its_mediation_ended(MediationResult result) =>
        MediationOutcomeReachedHandler.Handle(Outcome(result), DisputeAfter(InMediation))
            .ShouldBeEvents(new FeeDisputeMediationEnded(Id, MediationId, result, Mediator, EndedAt));

    [Fact]
    public void a_failed_mediation_reopens_the_dispute_and_counts_towards_a_credit_referral()
    {
        var dispute = DisputeAfter([.. InMediation, .. MediationOutcomeReachedHandler.Handle(Outcome(MediationResult.Failed), DisputeAfter(InMediation))]);

        (dispute.Stage, dispute.MediationFailed, dispute.Mediation).ShouldBe((FeeDisputeStage.Open, true, (Guid?)MediationId));
    }

    [Theory]
    [InlineData(MediationResult.AgreementSigned)]
    [InlineData(MediationResult.NotMediated)]
    public void a_mediation_that_did_not_fail_reopens_the_dispute_without_counting(MediationResult result)
    {
        var dispute = DisputeAfter([.. InMediation, .. MediationOutcomeReachedHandler.Handle(Outcome(result), DisputeAfter(InMediation))]);

        (dispute.Stage, dispute.MediationFailed).ShouldBe((FeeDisputeStage.Open, false));
    }

    [Fact]
    public void a_failed_mediation_stays_on_record_after_a_later_agreement() =>
        DisputeAfter(Raised(), ReferredToMediation(), MediationEnded(MediationResult.Failed),
                ReferredToMediation(OtherMediationId), MediationEnded(MediationResult.AgreementSigned, OtherMediationId))
            .MediationFailed.ShouldBeTrue();

    [Fact]
    public void the_outcome_of_another_mediation_is_ignored() =>
        MediationOutcomeReachedHandler.Handle(
                Outcome(MediationResult.Failed),
                DisputeAfter(Raised(), ReferredToMediation(), MediationEnded(MediationResult.NotMediated), ReferredToMediation(OtherMediationId)))
            .ShouldBeEmpty();

    [Fact]
    public void an_outcome_heard_twice_is_recorded_once() =>
        MediationOutcomeReachedHandler.Handle(Outcome(MediationResult.Failed), DisputeAfter([.. InMediation, MediationEnded(MediationResult.Failed)]))
            .ShouldBeEmpty();

    [Fact]
    public void a_dispute_settled_during_mediation_still_records_how_the_mediation_ended() =>
        MediationOutcomeReachedHandler.Handle(Outcome(MediationResult.AgreementSigned), DisputeAfter([.. InMediation, Paid(AmountOwed, 0m)]))
            .ShouldBeEvents(new FeeDisputeMediationEnded(Id, MediationId, MediationResult.AgreementSigned, Mediator, EndedAt));

    [Fact]
    public void an_outcome_delivered_twice_is_recorded_once() =>
        MediationOutcomeReachedHandler.Handle(Outcome(MediationResult.Failed),
                DisputeAfter([.. InMediation, new FeeDisputeMediationEnded(Id, MediationId, MediationResult.Failed, Mediator, EndedAt)]))
            .ShouldBeEmpty();

    [Fact]
    public void a_dispute_never_referred_ignores_an_outcome() =>
        MediationOutcomeReachedHandler.Handle(Outcome(MediationResult.Failed), DisputeAfter(Raised())).ShouldBeEmpty();
}
