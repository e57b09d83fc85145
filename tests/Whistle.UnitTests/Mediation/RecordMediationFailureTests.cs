using Shouldly;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class RecordMediationFailureTests
{
    [Fact]
    public void a_failed_mediation_ends_the_case_with_the_notice_of_other_routes()
    {
        var mediation = CaseAfter(ReadyHistory());
        var command = new RecordMediationFailure(" 分歧过大 ");
        RecordMediationFailureEndpoint.Validate(command, mediation).ShouldBeNoProblem();

        var (_, events, messages) = RecordMediationFailureEndpoint.Fail(command, mediation, Mediator, Now);

        events.ShouldBeEvents(new MediationFailed(Id, "分歧过大", MediationRules.FailedNotice, Mediator, Now));
        MediationRules.FailedNotice.ShouldContain("第二十六条");
        MediationRules.FailedNotice.ShouldContain("arbitration, administrative or judicial routes");
        messages.ShouldBeEmpty();
        CaseAfter([.. ReadyHistory(), .. events]).Status.ShouldBe(MediationStatus.Failed);
    }

    [Fact]
    public void a_failed_fee_dispute_case_tells_the_dispute()
    {
        var (_, _, messages) = RecordMediationFailureEndpoint.Fail(new RecordMediationFailure("业主拒绝"), CaseAfter(AcceptedHistory(ReferralSource.FeeDispute)), Mediator, Now);

        messages.ShouldBeMessages(new Outgoing(new MediationOutcomeReached(Id, Number, MediationResult.Failed, DisputeId, Mediator, Now), null));
    }

    [Fact]
    public void a_reason_is_required() =>
        RecordMediationFailureEndpoint.Validate(new RecordMediationFailure(null), CaseAfter(AcceptedHistory())).ShouldRejectFields("reason");

    [Fact]
    public void a_case_never_accepted_does_not_fail_it_is_refused() =>
        RecordMediationFailureEndpoint.Validate(new RecordMediationFailure("x"), CaseAfter(ConsentedHistory())).ShouldBeConflict("has not been accepted");

    [Fact]
    public void a_case_with_an_agreement_cannot_fail() =>
        RecordMediationFailureEndpoint.Validate(new RecordMediationFailure("反悔"), CaseAfter(AgreedHistory())).ShouldBeConflict("is AgreementSigned");
}
