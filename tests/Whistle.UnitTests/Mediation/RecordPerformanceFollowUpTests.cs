using Shouldly;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class RecordPerformanceFollowUpTests
{
    [Fact]
    public void a_performed_agreement_closes_the_case()
    {
        var mediation = CaseAfter(AgreedHistory());
        var command = new RecordPerformanceFollowUp(PerformanceResult.Performed, " 已修复并付款 ");
        RecordPerformanceFollowUpEndpoint.Check(command, mediation, At(3, 30)).ShouldBeNoProblem();

        var events = RecordPerformanceFollowUpEndpoint.FollowUp(command, mediation, Mediator, At(3, 30));

        events.ShouldBeEvents(new PerformanceFollowedUp(Id, PerformanceResult.Performed, "已修复并付款", Mediator, At(3, 30), Company));
        CaseAfter([.. AgreedHistory(), .. events]).Status.ShouldBe(MediationStatus.Performed);
    }

    [Fact]
    public void a_breach_after_the_deadline_refers_the_parties_to_sue_when_the_agreement_was_not_confirmed()
    {
        var now = At(4, 6, 9, 0);
        var command = new RecordPerformanceFollowUp(PerformanceResult.Breached, "未付赔偿款");
        RecordPerformanceFollowUpEndpoint.Check(command, CaseAfter(AgreedHistory()), now).ShouldBeNoProblem();

        RecordPerformanceFollowUpEndpoint.FollowUp(command, CaseAfter(AgreedHistory()), Mediator, now).ShouldBeEvents(
            new PerformanceFollowedUp(Id, PerformanceResult.Breached, "未付赔偿款", Mediator, now, Company),
            new CourtEnforcementReferred(Id, false, MediationRules.LawsuitNotice, Mediator, now));
    }

    [Fact]
    public void a_breach_of_a_confirmed_agreement_goes_to_court_enforcement()
    {
        var applied = new DateOnly(2026, 3, 23);
        object[] history = [.. AgreedHistory(), Applied(applied), CourtAccepted(applied, applied.AddDays(1)), Ruled(applied.AddDays(1))];

        var events = RecordPerformanceFollowUpEndpoint.FollowUp(
            new RecordPerformanceFollowUp(PerformanceResult.Breached, "拒不履行"), CaseAfter(history), Mediator, At(4, 10));

        var referral = events[1].ShouldBeOfType<CourtEnforcementReferred>();
        referral.JudiciallyConfirmed.ShouldBeTrue();
        referral.Notice.ShouldBe(MediationRules.EnforcementNotice);
    }

    [Theory]
    [InlineData(4, 5, 23, 59)]   // the deadline's own day
    [InlineData(3, 30, 10, 0)]
    public void a_breach_before_the_deadline_has_passed_is_a_conflict(int month, int day, int hour, int minute) =>
        RecordPerformanceFollowUpEndpoint.Check(new RecordPerformanceFollowUp(PerformanceResult.Breached, "未付"), CaseAfter(AgreedHistory()), At(month, day, hour, minute))
            .ShouldBeConflict("The deadline of performance, 2026-04-05, has not passed");

    [Fact]
    public void a_breach_needs_a_note() =>
        RecordPerformanceFollowUpEndpoint.Check(new RecordPerformanceFollowUp(PerformanceResult.Breached), CaseAfter(AgreedHistory()), At(4, 6))
            .ShouldRejectFields("note");

    [Fact]
    public void without_an_agreement_there_is_nothing_to_follow_up() =>
        RecordPerformanceFollowUpEndpoint.Check(new RecordPerformanceFollowUp(PerformanceResult.Performed), CaseAfter(ReadyHistory()), At(4, 6))
            .ShouldBeConflict("is Accepted; it cannot be followed up");

    [Fact]
    public void a_second_follow_up_is_a_conflict() =>
        RecordPerformanceFollowUpEndpoint.Check(new RecordPerformanceFollowUp(PerformanceResult.Performed),
                CaseAfter([.. AgreedHistory(), FollowedUp(PerformanceResult.Performed)]), At(4, 6))
            .ShouldBeConflict("is Performed");

    [Fact]
    public void an_agreement_found_invalid_is_not_followed_up()
    {
        var applied = new DateOnly(2026, 3, 23);
        object[] history = [.. AgreedHistory(), Applied(applied), CourtAccepted(applied, applied.AddDays(1)), Ruled(applied.AddDays(1), JudicialRuling.Invalid)];

        RecordPerformanceFollowUpEndpoint.Check(new RecordPerformanceFollowUp(PerformanceResult.Performed), CaseAfter(history), At(4, 6))
            .ShouldBeConflict("is AgreementInvalid");
    }
}
