using Shouldly;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class ApplyForJudicialConfirmationTests
{
    private static readonly ApplyForJudicialConfirmation Jointly = new(" 安澜县人民法院 ", true, true);

    [Fact]
    public void a_joint_application_within_the_window_records_the_day_the_court_must_decide_by()
    {
        var mediation = CaseAfter(AgreedHistory());
        var now = At(4, 1);
        ApplyForJudicialConfirmationEndpoint.Check(Jointly, mediation, now).ShouldBeNoProblem();

        new object[] { ApplyForJudicialConfirmationEndpoint.Apply(Jointly, mediation, Mediator, now) }.ShouldBeEvents(
            new JudicialConfirmationApplied(Id, "安澜县人民法院", new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 4), Mediator, now));
    }

    [Theory]
    [InlineData(3, 20, 15, 1)]     // the day it took effect
    [InlineData(4, 19, 23, 59)]    // the last minute of day 30, a Sunday
    [InlineData(4, 20, 23, 59)]    // the last minute of the next working day (民法典 Art. 203)
    public void applying_up_to_the_end_of_the_windows_last_day_is_within_the_window(int month, int day, int hour, int minute) =>
        ApplyForJudicialConfirmationEndpoint.Check(Jointly, CaseAfter(AgreedHistory()), At(month, day, hour, minute)).ShouldBeNoProblem();

    [Theory]
    [InlineData(4, 21, 0, 0)]
    [InlineData(5, 3, 10, 0)]
    public void applying_after_the_windows_last_day_is_a_conflict_naming_that_day(int month, int day, int hour, int minute)
    {
        var problem = ApplyForJudicialConfirmationEndpoint.Check(Jointly, CaseAfter(AgreedHistory()), At(month, day, hour, minute));

        problem.ShouldBeConflict("The window for judicial confirmation closed at the end of 2026-04-20 (China time)");
        problem.Detail!.ShouldStartWith("申请司法确认的期限已于 2026-04-20（北京时间）届满");
    }

    [Fact]
    public void the_window_closes_by_china_time_not_utc() =>
        ApplyForJudicialConfirmationEndpoint.Check(Jointly, CaseAfter(AgreedHistory()), new DateTimeOffset(2026, 4, 20, 16, 0, 0, TimeSpan.Zero))
            .ShouldBeConflict("closed at the end of 2026-04-20");

    [Theory]
    [InlineData(true, false, "respondentJoins")]
    [InlineData(false, true, "applicantJoins")]
    public void one_party_alone_cannot_apply(bool applicant, bool respondent, string field) =>
        ApplyForJudicialConfirmationEndpoint.Check(new ApplyForJudicialConfirmation("安澜县人民法院", applicant, respondent), CaseAfter(AgreedHistory()), At(4, 1))
            .ShouldRejectField(field, "Both parties must apply jointly.");

    [Fact]
    public void the_court_is_required() =>
        ApplyForJudicialConfirmationEndpoint.Check(Jointly with { Court = null }, CaseAfter(AgreedHistory()), At(4, 1)).ShouldRejectFields("court");

    [Fact]
    public void without_an_agreement_there_is_nothing_to_confirm() =>
        ApplyForJudicialConfirmationEndpoint.Check(Jointly, CaseAfter(ReadyHistory()), At(4, 1)).ShouldBeConflict("without an agreement");

    [Fact]
    public void applying_twice_is_a_conflict_naming_the_first_application() =>
        ApplyForJudicialConfirmationEndpoint.Check(Jointly, CaseAfter([.. AgreedHistory(), Applied(new DateOnly(2026, 3, 25))]), At(4, 1))
            .ShouldBeConflict("already applied for on 2026-03-25");

    [Fact]
    public void an_agreement_already_performed_may_still_be_confirmed_within_the_window() =>
        ApplyForJudicialConfirmationEndpoint.Check(Jointly, CaseAfter([.. AgreedHistory(), FollowedUp(PerformanceResult.Performed)]), At(4, 10))
            .ShouldBeNoProblem();
}
