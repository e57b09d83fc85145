using Shouldly;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class RecordConsentTests
{
    private static (Wolverine.Marten.Events Events, Wolverine.OutgoingMessages Messages) Decide(RecordConsent command, params object[] history)
    {
        var mediation = CaseAfter(history);
        RecordConsentEndpoint.Validate(command, mediation).ShouldBeNoProblem();
        var (_, events, messages) = RecordConsentEndpoint.Decide(command, mediation, Mediator, Now);
        return (events, messages);
    }

    [Fact]
    public void a_party_consenting_is_recorded_and_the_case_waits_for_the_other()
    {
        var (events, messages) = Decide(new RecordConsent(PartySide.Applicant, true), Opened());

        events.ShouldBeEvents(new ConsentGiven(Id, PartySide.Applicant, Mediator, Now));
        messages.ShouldBeEmpty();
        CaseAfter(Opened(), Consent(PartySide.Applicant)).Status.ShouldBe(MediationStatus.AwaitingConsent);
    }

    [Fact]
    public void both_consents_make_the_case_ready_for_acceptance() =>
        CaseAfter(ConsentedHistory()).Status.ShouldBe(MediationStatus.Consented);

    [Fact]
    public void consenting_again_appends_nothing() =>
        Decide(new RecordConsent(PartySide.Applicant, true), Opened(), Consent(PartySide.Applicant)).Events.ShouldBeEmpty();

    [Fact]
    public void a_repeated_consent_after_acceptance_appends_nothing() =>
        Decide(new RecordConsent(PartySide.Respondent, true), AcceptedHistory()).Events.ShouldBeEmpty();

    [Fact]
    public void a_refusal_ends_the_case_not_mediated_with_the_notice_of_other_routes()
    {
        var (events, messages) = Decide(new RecordConsent(PartySide.Respondent, false, " 不愿见面 "), Opened(), Consent(PartySide.Applicant));

        events.ShouldBeEvents(new ConsentRefused(Id, PartySide.Respondent, "不愿见面", MediationRules.NotMediatedNotice, Mediator, Now));
        MediationRules.NotMediatedNotice.ShouldContain("仲裁、行政、司法");
        messages.ShouldBeEmpty();
        CaseAfter(Opened(), Consent(PartySide.Applicant), events[0]).Status.ShouldBe(MediationStatus.NotMediated);
    }

    [Fact]
    public void a_refusal_on_a_fee_dispute_case_tells_the_dispute_it_was_not_mediated()
    {
        var (_, messages) = Decide(new RecordConsent(PartySide.Respondent, false), Opened(ReferralSource.FeeDispute));

        messages.ShouldBeMessages(new Outgoing(
            new MediationOutcomeReached(Id, Number, MediationResult.NotMediated, DisputeId, Mediator, Now), null));
    }

    [Fact]
    public void a_party_may_still_refuse_after_both_consented_before_acceptance() =>
        Decide(new RecordConsent(PartySide.Applicant, false), ConsentedHistory()).Events.ShouldHaveSingleItem().ShouldBeOfType<ConsentRefused>();

    [Fact]
    public void a_refusal_once_accepted_is_a_conflict_mediation_is_ended_by_failing_it() =>
        RecordConsentEndpoint.Validate(new RecordConsent(PartySide.Applicant, false), CaseAfter(AcceptedHistory()))
            .ShouldBeConflict($"Mediation case {Number} is Accepted; it cannot take a party's consent any more.");

    [Fact]
    public void consent_after_a_refusal_is_a_conflict() =>
        RecordConsentEndpoint.Validate(new RecordConsent(PartySide.Respondent, true), CaseAfter(Opened(), Refused(PartySide.Respondent)))
            .ShouldBeConflict("is NotMediated");

    [Fact]
    public void the_side_and_the_answer_are_required() =>
        RecordConsentEndpoint.Validate(new RecordConsent(null, null), CaseAfter(Opened())).ShouldRejectFields("side", "consents");

    [Fact]
    public void a_stale_expected_version_is_a_conflict_carrying_the_current_version() =>
        RecordConsentEndpoint.Validate(new RecordConsent(PartySide.Applicant, true, ExpectedVersion: 3), CaseAfter(Opened()))
            .ShouldBeStaleVersion(expected: 3, current: 1);
}
