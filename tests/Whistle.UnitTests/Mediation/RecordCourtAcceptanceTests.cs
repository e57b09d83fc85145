using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class RecordCourtAcceptanceTests
{
    private static readonly DateOnly AppliedOn = new(2026, 4, 1);

    private static MediationCase AppliedCase => CaseAfter([.. AgreedHistory(), Applied(AppliedOn)]);

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]   // the third day is still in time
    [InlineData(4, true)]
    [InlineData(9, true)]
    public void an_acceptance_after_the_third_day_is_late(int daysAfter, bool late)
    {
        var acceptedOn = AppliedOn.AddDays(daysAfter);
        var command = new RecordCourtAcceptance(acceptedOn, " (2026)安0523民特 12 号 ");
        RecordCourtAcceptanceEndpoint.Check(command, AppliedCase, At(4, 20)).ShouldBeNoProblem();

        new object[] { RecordCourtAcceptanceEndpoint.Accept(command, AppliedCase, Mediator, At(4, 20)) }.ShouldBeEvents(
            new JudicialConfirmationAccepted(Id, acceptedOn, "(2026)安0523民特 12 号", new DateOnly(2026, 4, 4), late,
                acceptedOn.AddDays(15), Mediator, At(4, 20)));
    }

    [Fact]
    public void without_an_application_there_is_nothing_to_accept() =>
        RecordCourtAcceptanceEndpoint.Check(new RecordCourtAcceptance(AppliedOn), CaseAfter(AgreedHistory()), At(4, 2))
            .ShouldBeConflict("has no application for judicial confirmation");

    [Fact]
    public void recording_the_acceptance_twice_is_a_conflict() =>
        RecordCourtAcceptanceEndpoint.Check(new RecordCourtAcceptance(AppliedOn), CaseAfter([.. AgreedHistory(), Applied(AppliedOn), CourtAccepted(AppliedOn, AppliedOn.AddDays(2))]), At(4, 5))
            .ShouldBeConflict("already accepted the application on 2026-04-03");

    [Fact]
    public void an_acceptance_before_the_application_is_a_bad_request() =>
        RecordCourtAcceptanceEndpoint.Check(new RecordCourtAcceptance(AppliedOn.AddDays(-1)), AppliedCase, At(4, 5))
            .ShouldRejectField("acceptedOn", "The court cannot accept before the application day.");

    [Fact]
    public void an_acceptance_in_the_future_is_a_bad_request() =>
        RecordCourtAcceptanceEndpoint.Check(new RecordCourtAcceptance(new DateOnly(2026, 4, 3)), AppliedCase, At(4, 2, 23, 59))
            .ShouldRejectField("acceptedOn", "cannot be in the future");

    [Fact]
    public void the_day_of_acceptance_is_required() =>
        RecordCourtAcceptanceEndpoint.Check(new RecordCourtAcceptance(null), AppliedCase, At(4, 2)).ShouldRejectFields("acceptedOn");
}
