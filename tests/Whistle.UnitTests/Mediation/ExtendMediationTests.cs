using Shouldly;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class ExtendMediationTests
{
    private static readonly DateOnly NewEnd = new(2026, 4, 30);

    private static ExtendMediation BothAgree(DateOnly? newEnd = null) => new(newEnd ?? NewEnd, true, true, " 等待鉴定 ");

    [Fact]
    public void both_parties_agreeing_moves_the_limit_and_schedules_the_new_one()
    {
        var mediation = CaseAfter(AcceptedHistory());
        ExtendMediationEndpoint.Check(BothAgree(), mediation, Now).ShouldBeNoProblem();

        var (_, events, messages) = ExtendMediationEndpoint.Extend(BothAgree(), mediation, Mediator, Now);

        events.ShouldBeEvents(new MediationExtended(Id, LimitLastDay, NewEnd, [PartySide.Applicant, PartySide.Respondent], "等待鉴定", Mediator, Now));
        messages.ShouldBeMessages(new Outgoing(new MediationMonthElapsed(Id, At(5, 1, 0, 0)), At(5, 1, 0, 0)));
        var extended = CaseAfter([.. AcceptedHistory(), .. events]);
        extended.LimitLastDay.ShouldBe(NewEnd);
    }

    [Fact]
    public void an_extension_clears_the_overdue_flag() =>
        CaseAfter([.. AcceptedHistory(), Overdue(LimitLastDay), Extended(NewEnd)]).Overdue.ShouldBeFalse();

    [Theory]
    [InlineData(false, true, "applicantConsents")]
    [InlineData(true, false, "respondentConsents")]
    public void an_extension_without_both_consents_is_a_bad_request(bool applicant, bool respondent, string field) =>
        ExtendMediationEndpoint.Check(new ExtendMediation(NewEnd, applicant, respondent), CaseAfter(AcceptedHistory()), Now)
            .ShouldRejectField(field, "Both parties must consent to an extension.");

    [Fact]
    public void an_extension_needs_a_new_end_date() =>
        ExtendMediationEndpoint.Check(new ExtendMediation(null, true, true), CaseAfter(AcceptedHistory()), Now).ShouldRejectFields("newEndDate");

    [Theory]
    [InlineData(2026, 4, 2)]
    [InlineData(2026, 3, 31)]
    public void a_new_end_date_not_after_the_current_limit_is_a_bad_request(int year, int month, int day) =>
        ExtendMediationEndpoint.Check(BothAgree(new DateOnly(year, month, day)), CaseAfter(AcceptedHistory()), Now)
            .ShouldRejectField("newEndDate", "The new end date must be after the current one, 2026-04-02.");

    [Fact]
    public void the_day_after_the_current_limit_is_enough() =>
        ExtendMediationEndpoint.Check(BothAgree(new DateOnly(2026, 4, 3)), CaseAfter(AcceptedHistory()), Now).ShouldBeNoProblem();

    [Fact]
    public void an_overdue_case_cannot_be_extended_to_a_day_already_past()
    {
        var now = At(4, 20);
        var history = CaseAfter([.. AcceptedHistory(), Overdue(LimitLastDay)]);

        ExtendMediationEndpoint.Check(BothAgree(new DateOnly(2026, 4, 19)), history, now)
            .ShouldRejectField("newEndDate", "The new end date cannot be in the past.");
        ExtendMediationEndpoint.Check(BothAgree(new DateOnly(2026, 4, 20)), history, now).ShouldBeNoProblem();
    }

    [Fact]
    public void a_case_not_yet_accepted_has_no_limit_to_extend() =>
        ExtendMediationEndpoint.Check(BothAgree(), CaseAfter(ConsentedHistory()), Now).ShouldBeConflict("has not been accepted");

    [Fact]
    public void a_case_with_an_agreement_is_not_extended() =>
        ExtendMediationEndpoint.Check(BothAgree(), CaseAfter(AgreedHistory()), Now).ShouldBeConflict("is AgreementSigned");
}
