using Shouldly;
using Whistle.FeeDisputes;
using Whistle.Kernel;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.FeeDisputes.FeeDisputeHistory;

namespace Whistle.UnitTests.FeeDisputes;

public class ReferToCreditRecordTests
{
    private static readonly ReferToCreditRecord Refusal = new("  调解不成，催告期满仍拒不缴纳  ");

    private static readonly object[] MediationFailedOnly = [Raised(), ReferredToMediation(), MediationEnded(MediationResult.Failed)];

    [Fact]
    public void after_a_failed_mediation_and_a_passed_demand_the_refusal_enters_the_credit_record()
    {
        ReferToCreditRecordEndpoint.Check(Refusal, DisputeAfter(ReadyForCreditReferral), Users.Clerk, Now).ShouldBeNoProblem();

        var (_, events) = ReferToCreditRecordEndpoint.Refer(Refusal, DisputeAfter(ReadyForCreditReferral), Users.ClerkActor, Now);

        events.ShouldBeEvents(new CreditReferralMade(Id, "调解不成，催告期满仍拒不缴纳", Users.ClerkActor, Now));
        DisputeAfter([.. ReadyForCreditReferral, .. events]).CreditReferred.ShouldBeTrue();
    }

    [Fact]
    public void without_a_failed_mediation_there_is_no_referral()
    {
        var problem = ReferToCreditRecordEndpoint.Check(Refusal, DisputeAfter(Raised(), Demanded(new DateOnly(2026, 2, 20))), Users.Clerk, Now);

        problem.ShouldBeConflict("Not yet a case for the credit record: no failed mediation.");
    }

    [Theory]
    [InlineData(MediationResult.AgreementSigned)]
    [InlineData(MediationResult.NotMediated)]
    public void a_mediation_that_did_not_fail_is_no_failed_mediation(MediationResult result) =>
        ReferToCreditRecordEndpoint.Check(
                Refusal, DisputeAfter(Raised(), Demanded(new DateOnly(2026, 2, 20)), ReferredToMediation(), MediationEnded(result)), Users.Clerk, Now)
            .ShouldBeConflict("Not yet a case for the credit record: no failed mediation.");

    [Fact]
    public void without_a_formal_demand_there_is_no_referral() =>
        ReferToCreditRecordEndpoint.Check(Refusal, DisputeAfter(MediationFailedOnly), Users.Clerk, Now)
            .ShouldBeConflict("Not yet a case for the credit record: no formal demand.");

    [Fact]
    public void on_the_demands_last_day_there_is_no_referral_yet() =>
        ReferToCreditRecordEndpoint.Check(Refusal, DisputeAfter([.. MediationFailedOnly, Demanded(Today)]), Users.Clerk, Now)
            .ShouldBeConflict("Not yet a case for the credit record: the demand's deadline 2026-03-02 has not passed.");

    [Fact]
    public void the_day_after_the_demands_last_day_is_the_first_allowed() =>
        ReferToCreditRecordEndpoint.Check(Refusal, DisputeAfter([.. MediationFailedOnly, Demanded(Today.AddDays(-1))]), Users.Clerk, Now)
            .ShouldBeNoProblem();

    [Fact]
    public void the_demands_deadline_passes_at_midnight_in_the_county_not_in_utc() =>
        ReferToCreditRecordEndpoint.Check(
                Refusal, DisputeAfter([.. MediationFailedOnly, Demanded(new DateOnly(2026, 3, 1))]), Users.Clerk,
                new DateTimeOffset(2026, 3, 1, 16, 0, 0, TimeSpan.Zero))
            .ShouldBeNoProblem();

    [Fact]
    public void every_missing_condition_is_named()
    {
        ReferToCreditRecordEndpoint.Check(Refusal, DisputeAfter(Raised()), Users.Clerk, Now)
            .ShouldBeConflict("Not yet a case for the credit record: no failed mediation; no formal demand.");
        ReferToCreditRecordEndpoint.Check(Refusal, DisputeAfter(Raised(), Demanded(new DateOnly(2026, 3, 20))), Users.Clerk, Now)
            .ShouldBeConflict("Not yet a case for the credit record: no failed mediation; the demand's deadline 2026-03-20 has not passed.");
    }

    [Fact]
    public void the_conditions_are_named_in_chinese_first() =>
        ReferToCreditRecordEndpoint.Check(Refusal, DisputeAfter(Raised()), Users.Clerk, Now)
            .Detail.ShouldNotBeNull().ShouldStartWith("不能报送征信：尚无调解不成的记录；尚未催告。");

    [Fact]
    public void a_refusal_already_in_the_credit_record_is_not_referred_twice() =>
        ReferToCreditRecordEndpoint.Check(Refusal, DisputeAfter([.. ReadyForCreditReferral, CreditReferred()]), Users.Clerk, Now)
            .ShouldBeConflict("The refusal is already in the credit record.");

    [Fact]
    public void a_withdrawn_referral_is_no_longer_in_the_credit_record() =>
        DisputeAfter([.. ReadyForCreditReferral, CreditReferred(), CreditWithdrawn()]).CreditReferred.ShouldBeFalse();

    [Fact]
    public void a_referral_needs_its_basis()
    {
        ReferToCreditRecordEndpoint.Check(new ReferToCreditRecord(null), DisputeAfter(ReadyForCreditReferral), Users.Clerk, Now)
            .ShouldRejectField("basis", "Required");
        ReferToCreditRecordEndpoint.Check(new ReferToCreditRecord(new string('拒', 1001)), DisputeAfter(ReadyForCreditReferral), Users.Clerk, Now)
            .ShouldRejectField("basis", "At most 1000 characters");
    }

    [Theory]
    [InlineData(FeeDisputeStage.Settled)]
    [InlineData(FeeDisputeStage.InCourt)]
    public void a_closed_dispute_is_not_referred(FeeDisputeStage stage) =>
        ReferToCreditRecordEndpoint.Check(Refusal, DisputeThatIs(stage), Users.Clerk, Now).ShouldBeConflict("nothing more can be done on it");

    [Fact]
    public void a_dispute_outside_the_workers_community_is_not_found() =>
        ReferToCreditRecordEndpoint.Check(Refusal, DisputeAfter(ReadyForCreditReferral), Users.CommunityWorker(OtherCommunityCode, SubDistrictCode), Now)
            .ShouldBeNotFound();

    [Fact]
    public void a_stale_expected_version_is_a_conflict() =>
        ReferToCreditRecordEndpoint.Check(Refusal with { ExpectedVersion = 3 }, DisputeAfter(ReadyForCreditReferral), Users.Clerk, Now)
            .ShouldBeStaleVersion(3, 4);

    [Fact]
    public void validation_reads_the_clock() =>
        ReferToCreditRecordEndpoint.Validate(
                Refusal, DisputeAfter([.. MediationFailedOnly, Demanded(new DateOnly(2026, 3, 20))]), new DisputeMediation(null), Users.Clerk,
                new FixedClock(new DateTimeOffset(2026, 3, 21, 0, 0, 0, TimeSpan.FromHours(8))))
            .ShouldBeNoProblem();

    private static readonly object[] InMediation = [Raised(), Demanded(new DateOnly(2026, 2, 20)), ReferredToMediation()];

    private static readonly Actor Mediator = new("mediator", "吴调解", Roles.Mediator);

    private static readonly DateTimeOffset EndedAt = new(2026, 3, 10, 15, 0, 0, TimeSpan.FromHours(8));

    private static DisputeMediation CaseThatIs(MediationStatus status, Guid? id = null) =>
        new(new MediationCase
        {
            Id = id ?? MediationId, Status = status,
            Ending = MediationStatuses.IsFinal(status) || status == MediationStatus.AgreementSigned ? new MediationEnding(Mediator, EndedAt) : null,
        });

    private static Microsoft.AspNetCore.Mvc.ProblemDetails ValidateWith(DisputeMediation mediation, params object[] history) =>
        ReferToCreditRecordEndpoint.Validate(Refusal, DisputeAfter(history), mediation, Users.Clerk, new FixedClock(Now));

    [Fact]
    public void a_failed_mediation_counts_as_soon_as_the_case_says_so_before_the_dispute_hears_of_it() =>
        ValidateWith(CaseThatIs(MediationStatus.Failed), InMediation).ShouldBeNoProblem();

    [Fact]
    public void the_referral_after_a_failure_the_dispute_has_not_heard_of_answers_with_the_dispute_as_mediation_left_it()
    {
        var (answer, events) = ReferToCreditRecordEndpoint.Post(
            Refusal, DisputeAfter(InMediation), CaseThatIs(MediationStatus.Failed), Users.Clerk, Now);

        events.ShouldBeEvents(
            new FeeDisputeMediationEnded(Id, MediationId, MediationResult.Failed, Mediator, EndedAt),
            new CreditReferralMade(Id, "调解不成，催告期满仍拒不缴纳", Users.ClerkActor, Now));
        (answer.Version, answer.Stage, answer.MediationFailed, answer.CreditReferred).ShouldBe((5L, FeeDisputeStage.Open, true, true));
    }

    [Fact]
    public void while_the_case_is_still_in_mediation_there_is_no_referral() =>
        ValidateWith(CaseThatIs(MediationStatus.Accepted), InMediation)
            .ShouldBeConflict("it cannot go to the credit record while mediation runs");

    [Theory]
    [InlineData(MediationStatus.AgreementSigned)]
    [InlineData(MediationStatus.Performed)]
    [InlineData(MediationStatus.NotMediated)]
    public void a_case_that_ended_otherwise_is_no_failed_mediation(MediationStatus status) =>
        ValidateWith(CaseThatIs(status), InMediation)
            .ShouldBeConflict("Not yet a case for the credit record: no failed mediation.");

    [Fact]
    public void another_case_than_the_disputes_current_mediation_is_not_read() =>
        ValidateWith(CaseThatIs(MediationStatus.Failed, OtherMediationId), InMediation)
            .ShouldBeConflict("it cannot go to the credit record while mediation runs");

    [Fact]
    public void once_the_dispute_has_recorded_the_end_nothing_more_is_recorded() =>
        FeeDisputeRules.MediationEndToRecord(
                DisputeAfter(Raised(), ReferredToMediation(), MediationEnded(MediationResult.AgreementSigned)),
                CaseThatIs(MediationStatus.Failed).Case, Users.ClerkActor, Now)
            .ShouldBeEmpty();

    [Fact]
    public void the_end_recorded_names_who_ended_the_mediation_and_when() =>
        FeeDisputeRules.MediationEndToRecord(DisputeAfter(InMediation), CaseThatIs(MediationStatus.Failed).Case, Users.ClerkActor, Now)
            .ShouldBeEvents(new FeeDisputeMediationEnded(Id, MediationId, MediationResult.Failed, Mediator, EndedAt));

    [Fact]
    public void a_case_folded_before_it_kept_its_ending_is_recorded_with_the_commands_actor_and_time() =>
        FeeDisputeRules.MediationEndToRecord(
                DisputeAfter(InMediation), new MediationCase { Id = MediationId, Status = MediationStatus.NotMediated }, Users.ClerkActor, Now)
            .ShouldBeEvents(new FeeDisputeMediationEnded(Id, MediationId, MediationResult.NotMediated, Users.ClerkActor, Now));

    [Fact]
    public void a_case_still_running_records_nothing() =>
        FeeDisputeRules.MediationEndToRecord(DisputeAfter(InMediation), CaseThatIs(MediationStatus.Accepted).Case, Users.ClerkActor, Now)
            .ShouldBeEmpty();

    [Theory]
    [InlineData(MediationStatus.NotMediated, MediationResult.NotMediated)]
    [InlineData(MediationStatus.Failed, MediationResult.Failed)]
    [InlineData(MediationStatus.AgreementSigned, MediationResult.AgreementSigned)]
    [InlineData(MediationStatus.Performed, MediationResult.AgreementSigned)]
    [InlineData(MediationStatus.Breached, MediationResult.AgreementSigned)]
    [InlineData(MediationStatus.AgreementInvalid, MediationResult.AgreementSigned)]
    public void an_ended_case_reads_as_the_result_its_message_carries(MediationStatus status, MediationResult result) =>
        FeeDisputeRules.ResultOf(status).ShouldBe(result);

    [Fact]
    public void while_a_second_mediation_runs_there_is_no_referral() =>
        ReferToCreditRecordEndpoint.Check(Refusal, DisputeAfter([.. ReadyForCreditReferral, ReferredToMediation(Guid.NewGuid())]), Users.Clerk, Now)
            .ShouldBeConflict("it cannot go to the credit record while mediation runs");

    [Fact]
    public void while_a_payment_plan_runs_there_is_no_referral() =>
        ReferToCreditRecordEndpoint.Check(Refusal, DisputeAfter([.. ReadyForCreditReferral, PlanAgreed()]), Users.Clerk, Now)
            .ShouldBeConflict("it cannot go to the credit record while a payment plan runs");
}
