using Shouldly;
using Whistle.Mediation;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

/// <summary>The one definition of an open mediation case, read alike by the write model, the details, the docket and the case list.</summary>
public class MediationStatusesTests
{
    private static readonly DateOnly AppliedOn = new(2026, 3, 23);

    [Fact]
    public void a_case_ends_not_mediated_failed_performed_breached_or_with_its_agreement_invalid() =>
        MediationStatuses.Final.ShouldBe(
            [MediationStatus.NotMediated, MediationStatus.Failed, MediationStatus.Performed, MediationStatus.Breached, MediationStatus.AgreementInvalid],
            ignoreOrder: true);

    [Theory]
    [InlineData(MediationStatus.AwaitingConsent, true)]
    [InlineData(MediationStatus.Consented, true)]
    [InlineData(MediationStatus.Accepted, true)]
    [InlineData(MediationStatus.AgreementSigned, true)]
    [InlineData(MediationStatus.NotMediated, false)]
    [InlineData(MediationStatus.Failed, false)]
    [InlineData(MediationStatus.Performed, false)]
    [InlineData(MediationStatus.Breached, false)]
    [InlineData(MediationStatus.AgreementInvalid, false)]
    public void the_write_model_and_the_details_agree_on_whether_a_case_is_open(MediationStatus status, bool open)
    {
        MediationStatuses.IsOpen(status).ShouldBe(open);
        CaseAfter(HistoryOf(status)).Status.ShouldBe(status);
        var details = DetailsAfter(HistoryOf(status));
        details.Status.ShouldBe(status);
        details.IsOpen.ShouldBe(open);
    }

    [Fact]
    public void an_agreement_the_court_confirmed_stays_open_until_its_performance_is_followed_up()
    {
        object[] confirmed = [.. AgreedHistory(), Applied(AppliedOn), CourtAccepted(AppliedOn, AppliedOn.AddDays(1)), Ruled(AppliedOn.AddDays(1))];

        DetailsAfter(confirmed).IsOpen.ShouldBeTrue();
        DetailsAfter([.. confirmed, FollowedUp(PerformanceResult.Performed)]).IsOpen.ShouldBeFalse();
    }

    private static object[] HistoryOf(MediationStatus status) => status switch
    {
        MediationStatus.AwaitingConsent => [Opened()],
        MediationStatus.Consented => ConsentedHistory(),
        MediationStatus.Accepted => AcceptedHistory(),
        MediationStatus.NotMediated => [Opened(), Refused(PartySide.Respondent)],
        MediationStatus.Failed => [.. ReadyHistory(), Failed()],
        MediationStatus.AgreementSigned => AgreedHistory(),
        MediationStatus.Performed => [.. AgreedHistory(), FollowedUp(PerformanceResult.Performed)],
        MediationStatus.Breached => [.. AgreedHistory(), FollowedUp(PerformanceResult.Breached)],
        MediationStatus.AgreementInvalid =>
            [.. AgreedHistory(), Applied(AppliedOn), CourtAccepted(AppliedOn, AppliedOn.AddDays(1)), Ruled(AppliedOn.AddDays(1), JudicialRuling.Invalid)],
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
