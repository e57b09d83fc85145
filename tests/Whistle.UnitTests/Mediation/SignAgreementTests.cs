using Shouldly;
using Whistle.County.Calendar;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class SignAgreementTests
{
    private static SignAgreement Agreement(DateOnly? deadline = null) => new(
        " 防水层破损，楼上负主要责任。 ", " 十五日内修复并赔偿 2000 元。 ", " 一次性转账。 ", deadline ?? PerformanceDeadline);

    [Fact]
    public void signing_ends_mediation_and_schedules_the_day_20_reminder_and_the_windows_close()
    {
        var mediation = CaseAfter(ReadyHistory());
        SignAgreementEndpoint.Check(Agreement(), mediation, SignedAt).ShouldBeNoProblem();

        var (_, events, messages) = SignAgreementEndpoint.Sign(Agreement(), mediation, OfficialCalendar, Mediator, SignedAt);

        events.ShouldBeEvents(new AgreementSigned(
            Id, [Applicant, Respondent], "防水层破损，楼上负主要责任。", "十五日内修复并赔偿 2000 元。", "一次性转账。",
            PerformanceDeadline, ConfirmationLastDay, Mediator, SignedAt, Company));
        // Day 30 is Sunday 2026-04-19: the window closes at the end of Monday 2026-04-20.
        var closesAt = At(4, 21, 0, 0);
        messages.ShouldBeMessages(
            new Outgoing(new JudicialConfirmationReminderDue(Id, closesAt), At(4, 9, 9, 0)),
            new Outgoing(new JudicialConfirmationWindowElapsed(Id, closesAt), closesAt));
        CaseAfter([.. ReadyHistory(), .. events]).Status.ShouldBe(MediationStatus.AgreementSigned);
    }

    [Fact]
    public void a_window_whose_day_30_falls_in_the_national_day_holiday_closes_after_the_next_working_day_and_the_reminder_stays_on_day_20()
    {
        var signedAt = new DateTimeOffset(2026, 9, 5, 10, 0, 0, TimeSpan.FromHours(8));
        var command = Agreement(new DateOnly(2026, 9, 20));

        var (_, events, messages) = SignAgreementEndpoint.Sign(command, CaseAfter(ReadyHistory()), OfficialCalendar, Mediator, signedAt);

        events.ShouldHaveSingleItem().ShouldBeOfType<AgreementSigned>().ConfirmationLastDay.ShouldBe(new DateOnly(2026, 10, 8));
        var closesAt = At(10, 9, 0, 0);
        messages.ShouldBeMessages(
            new Outgoing(new JudicialConfirmationReminderDue(Id, closesAt), At(9, 25, 9, 0)),
            new Outgoing(new JudicialConfirmationWindowElapsed(Id, closesAt), closesAt));
    }

    [Fact]
    public void a_window_whose_day_30_the_county_closes_runs_to_the_next_working_day()
    {
        var signedAt = new DateTimeOffset(2026, 2, 3, 10, 0, 0, TimeSpan.FromHours(8));
        var countyHoliday = new WorkingCalendar(OfficialHolidays.Days, [new CalendarDay(new DateOnly(2026, 3, 5), DayKind.CountyHoliday, "县庆")]);

        var (_, events, messages) = SignAgreementEndpoint.Sign(Agreement(), CaseAfter(ReadyHistory()), countyHoliday, Mediator, signedAt);

        events.ShouldHaveSingleItem().ShouldBeOfType<AgreementSigned>().ConfirmationLastDay.ShouldBe(new DateOnly(2026, 3, 6));
        messages.Unwrapped().ShouldContain(new Outgoing(new JudicialConfirmationWindowElapsed(Id, At(3, 7, 0, 0)), At(3, 7, 0, 0)));
    }

    [Fact]
    public void an_agreement_on_a_fee_dispute_case_tells_the_dispute()
    {
        var (_, _, messages) = SignAgreementEndpoint.Sign(Agreement(), CaseAfter(ReadyHistory(ReferralSource.FeeDispute)), OfficialCalendar, Mediator, SignedAt);

        messages.Unwrapped().ShouldContain(new Outgoing(
            new MediationOutcomeReached(Id, Number, MediationResult.AgreementSigned, DisputeId, Mediator, SignedAt), null));
    }

    [Fact]
    public void an_agreement_without_a_performance_deadline_is_a_bad_request() =>
        SignAgreementEndpoint.Check(Agreement() with { PerformanceDeadline = null }, CaseAfter(ReadyHistory()), SignedAt)
            .ShouldRejectField("performanceDeadline", "the agreement must state the deadline of performance (Art. 29)");

    [Fact]
    public void a_performance_deadline_before_the_signing_day_is_a_bad_request()
    {
        SignAgreementEndpoint.Check(Agreement(new DateOnly(2026, 3, 19)), CaseAfter(ReadyHistory()), SignedAt)
            .ShouldRejectField("performanceDeadline", "cannot be before the signing day");
        SignAgreementEndpoint.Check(Agreement(new DateOnly(2026, 3, 20)), CaseAfter(ReadyHistory()), SignedAt).ShouldBeNoProblem();
    }

    [Fact]
    public void an_agreement_needs_facts_terms_and_the_manner_of_performance() =>
        SignAgreementEndpoint.Check(new SignAgreement(null, " ", null, PerformanceDeadline), CaseAfter(ReadyHistory()), SignedAt)
            .ShouldRejectFields("facts", "terms", "performanceManner");

    [Fact]
    public void an_agreement_without_both_consents_is_a_conflict() =>
        SignAgreementEndpoint.Check(Agreement(), CaseAfter(Opened()), SignedAt).ShouldBeConflict("lacks both parties' consent");

    [Fact]
    public void an_agreement_without_a_mediator_is_a_conflict() =>
        SignAgreementEndpoint.Check(Agreement(), CaseAfter([.. AcceptedHistory(), SessionHeld()]), SignedAt)
            .ShouldBeConflict("has no mediator to sign the agreement");

    [Fact]
    public void an_agreement_before_any_session_is_a_conflict() =>
        SignAgreementEndpoint.Check(Agreement(), CaseAfter([.. AcceptedHistory(), MediatorNamed()]), SignedAt)
            .ShouldBeConflict("has no session on record yet");

    [Fact]
    public void a_second_agreement_is_a_conflict() =>
        SignAgreementEndpoint.Check(Agreement(), CaseAfter(AgreedHistory()), SignedAt).ShouldBeConflict("is AgreementSigned");
}
