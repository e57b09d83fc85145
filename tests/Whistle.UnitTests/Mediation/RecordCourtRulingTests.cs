using Shouldly;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class RecordCourtRulingTests
{
    private static readonly DateOnly AppliedOn = new(2026, 4, 1);
    private static readonly DateOnly AcceptedOn = new(2026, 4, 3);

    private static MediationCase AcceptedByCourt => CaseAfter([.. AgreedHistory(), Applied(AppliedOn), CourtAccepted(AppliedOn, AcceptedOn)]);

    [Theory]
    [InlineData(15, false, false)]   // day 15 is in time
    [InlineData(16, false, true)]
    [InlineData(16, true, false)]    // extended by the president: 25 days
    [InlineData(25, true, false)]
    [InlineData(26, true, true)]
    public void a_ruling_after_15_days_or_25_when_extended_is_late(int daysAfter, bool extended, bool late)
    {
        var ruledOn = AcceptedOn.AddDays(daysAfter);
        var command = new RecordCourtRuling(JudicialRuling.Confirmed, ruledOn, extended, " 调解协议有效 ");
        var now = At(5, 20);
        RecordCourtRulingEndpoint.Check(command, AcceptedByCourt, now).ShouldBeNoProblem();

        new object[] { RecordCourtRulingEndpoint.Rule(command, AcceptedByCourt, Mediator, now) }.ShouldBeEvents(
            new JudicialConfirmationRuled(Id, JudicialRuling.Confirmed, ruledOn, extended, AcceptedOn.AddDays(extended ? 25 : 15), late,
                "调解协议有效", Mediator, now));
    }

    [Fact]
    public void an_agreement_found_invalid_takes_the_case_off_the_docket()
    {
        object[] history = [.. AgreedHistory(), Applied(AppliedOn), CourtAccepted(AppliedOn, AcceptedOn), Ruled(AcceptedOn, JudicialRuling.Invalid)];

        CaseAfter(history).Status.ShouldBe(MediationStatus.AgreementInvalid);
        DetailsAfter(history).IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void a_ruling_before_the_court_accepted_is_a_conflict() =>
        RecordCourtRulingEndpoint.Check(new RecordCourtRuling(JudicialRuling.Confirmed, AppliedOn), CaseAfter([.. AgreedHistory(), Applied(AppliedOn)]), At(4, 5))
            .ShouldBeConflict("has not accepted an application");

    [Fact]
    public void a_second_ruling_is_a_conflict() =>
        RecordCourtRulingEndpoint.Check(new RecordCourtRuling(JudicialRuling.Invalid, AcceptedOn.AddDays(12)),
                CaseAfter([.. AgreedHistory(), Applied(AppliedOn), CourtAccepted(AppliedOn, AcceptedOn), Ruled(AcceptedOn)]), At(5, 1))
            .ShouldBeConflict("already ruled: Confirmed");

    [Fact]
    public void a_ruling_before_the_acceptance_or_in_the_future_is_a_bad_request()
    {
        RecordCourtRulingEndpoint.Check(new RecordCourtRuling(JudicialRuling.Confirmed, AcceptedOn.AddDays(-1)), AcceptedByCourt, At(4, 10))
            .ShouldRejectField("ruledOn", "The ruling cannot precede the acceptance.");
        RecordCourtRulingEndpoint.Check(new RecordCourtRuling(JudicialRuling.Confirmed, new DateOnly(2026, 4, 11)), AcceptedByCourt, At(4, 10))
            .ShouldRejectField("ruledOn", "cannot be in the future");
    }

    [Fact]
    public void the_ruling_and_its_day_are_required() =>
        RecordCourtRulingEndpoint.Check(new RecordCourtRuling(null, null), AcceptedByCourt, At(4, 10)).ShouldRejectFields("ruling", "ruledOn");
}
