using Shouldly;
using Whistle.Mediation;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class MediationCaseTests
{
    [Fact]
    public void the_write_model_folds_every_event_of_a_full_case()
    {
        var applied = new DateOnly(2026, 3, 23);
        object[] history =
        [
            .. ReadyHistory(), Extended(new DateOnly(2026, 4, 30)), Overdue(new DateOnly(2026, 4, 30)), AgreementMade(),
            new JudicialConfirmationReminderSent(Id, ConfirmationLastDay, At(4, 9, 9, 0)), Applied(applied),
            CourtAccepted(applied, applied.AddDays(1)), Ruled(applied.AddDays(1)),
            new JudicialConfirmationWindowClosed(Id, ConfirmationLastDay, true, At(4, 21, 0, 0)),
            FollowedUp(PerformanceResult.Breached), new CourtEnforcementReferred(Id, true, MediationRules.EnforcementNotice, Mediator, At(4, 21)),
        ];

        var mediation = CaseAfter(history);

        mediation.Version.ShouldBe(history.Length);
        mediation.Status.ShouldBe(MediationStatus.Breached);
        mediation.Ruling.ShouldBe(JudicialRuling.Confirmed);
        mediation.ConfirmationReminderSent.ShouldBeTrue();
        mediation.ConfirmationWindowClosed.ShouldBeTrue();
        mediation.Sessions.ShouldBe(1);
        mediation.MediationEnded.ShouldBeTrue();
        DetailsAfter(history).Version.ShouldBe(history.Length);
    }

    [Fact]
    public void a_case_referred_by_a_fee_dispute_keeps_the_dispute_and_the_company()
    {
        var mediation = CaseAfter(Opened(ReferralSource.FeeDispute));

        (mediation.Source, mediation.SourceCaseId, mediation.PropertyCompanyCode).ShouldBe((ReferralSource.FeeDispute, DisputeId, Company));
        mediation.Parties.Count.ShouldBe(2);
        mediation.MediationEnded.ShouldBeFalse();
    }

    [Theory]
    [InlineData(MediationStatus.AwaitingConsent, "待当事人同意")]
    [InlineData(MediationStatus.Accepted, "调解中")]
    [InlineData(MediationStatus.NotMediated, "不予调解")]
    [InlineData(MediationStatus.AgreementInvalid, "协议经确认无效")]
    public void statuses_read_in_chinese(MediationStatus status, string label) => status.Label().ShouldBe(label);
}
