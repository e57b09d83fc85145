using Shouldly;
using Whistle.County.Calendar;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class AcceptMediationCaseTests
{
    [Fact]
    public void accepting_starts_the_one_month_limit_and_schedules_its_passing()
    {
        var mediation = CaseAfter(ConsentedHistory());
        AcceptMediationCaseEndpoint.Validate(new AcceptMediationCase(), mediation).ShouldBeNoProblem();

        var (_, events, messages) = AcceptMediationCaseEndpoint.Accept(mediation, OfficialCalendar, Mediator, AcceptedAt);

        events.ShouldBeEvents(new MediationCaseAccepted(Id, LimitLastDay, Mediator, AcceptedAt));
        var dueAt = At(4, 3, 0, 0);
        messages.ShouldBeMessages(new Outgoing(new MediationMonthElapsed(Id, dueAt), dueAt));
    }

    [Fact]
    public void accepting_late_in_the_evening_counts_the_china_day()
    {
        var (_, events, _) = AcceptMediationCaseEndpoint.Accept(CaseAfter(ConsentedHistory()), OfficialCalendar, Mediator, At(1, 31, 23, 30));

        events.ShouldHaveSingleItem().ShouldBeOfType<MediationCaseAccepted>().LimitLastDay.ShouldBe(new DateOnly(2026, 2, 28));
    }

    [Fact]
    public void a_month_ending_in_the_national_day_holiday_runs_to_the_end_of_the_next_working_day()
    {
        var acceptedAt = new DateTimeOffset(2026, 9, 5, 10, 0, 0, TimeSpan.FromHours(8));

        var (_, events, messages) = AcceptMediationCaseEndpoint.Accept(CaseAfter(ConsentedHistory()), OfficialCalendar, Mediator, acceptedAt);

        events.ShouldBeEvents(new MediationCaseAccepted(Id, new DateOnly(2026, 10, 8), Mediator, acceptedAt));
        var dueAt = At(10, 9, 0, 0);
        messages.ShouldBeMessages(new Outgoing(new MediationMonthElapsed(Id, dueAt), dueAt));
    }

    [Fact]
    public void a_month_ending_on_a_day_the_county_closes_runs_to_the_next_working_day()
    {
        var countyHoliday = new WorkingCalendar(OfficialHolidays.Days, [new CalendarDay(LimitLastDay, DayKind.CountyHoliday, "县庆")]);

        var (_, events, messages) = AcceptMediationCaseEndpoint.Accept(CaseAfter(ConsentedHistory()), countyHoliday, Mediator, AcceptedAt);

        events.ShouldHaveSingleItem().ShouldBeOfType<MediationCaseAccepted>().LimitLastDay.ShouldBe(new DateOnly(2026, 4, 3));
        messages.ShouldBeMessages(new Outgoing(new MediationMonthElapsed(Id, At(4, 4, 0, 0)), At(4, 4, 0, 0)));
    }

    [Fact]
    public void accepting_again_appends_and_schedules_nothing()
    {
        var mediation = CaseAfter(AcceptedHistory());
        AcceptMediationCaseEndpoint.Validate(new AcceptMediationCase(), mediation).ShouldBeNoProblem();

        var (_, events, messages) = AcceptMediationCaseEndpoint.Accept(mediation, OfficialCalendar, Mediator, Now);

        events.ShouldBeEmpty();
        messages.ShouldBeEmpty();
    }

    [Fact]
    public void accepting_without_both_consents_is_a_conflict() =>
        AcceptMediationCaseEndpoint.Validate(new AcceptMediationCase(), CaseAfter(Opened(), Consent(PartySide.Applicant)))
            .ShouldBeConflict("lacks both parties' consent; it cannot be accepted");

    [Fact]
    public void accepting_a_case_a_party_refused_is_a_conflict() =>
        AcceptMediationCaseEndpoint.Validate(new AcceptMediationCase(), CaseAfter(Opened(), Refused(PartySide.Applicant)))
            .ShouldBeConflict("is NotMediated; it cannot be accepted");

    [Fact]
    public void accepting_after_an_agreement_is_a_conflict() =>
        AcceptMediationCaseEndpoint.Validate(new AcceptMediationCase(), CaseAfter(AgreedHistory())).ShouldBeConflict("is AgreementSigned");

    [Fact]
    public void a_stale_expected_version_is_a_conflict() =>
        AcceptMediationCaseEndpoint.Validate(new AcceptMediationCase(1), CaseAfter(ConsentedHistory())).ShouldBeStaleVersion(1, 3);
}
