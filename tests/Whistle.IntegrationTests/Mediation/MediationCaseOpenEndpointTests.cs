using Shouldly;
using Whistle.Cases;
using Whistle.Mediation;

namespace Whistle.IntegrationTests.Mediation;

/// <summary>One definition of an open mediation case: its details, the mediator's docket and the shared case list agree.</summary>
[Collection(SharedClock.Name)]
public sealed class MediationCaseOpenEndpointTests(AppFixture app) : MediationContext(app)
{
    [Fact]
    public async Task an_agreement_awaiting_confirmation_and_follow_up_is_open_everywhere_and_a_performed_one_closed_everywhere()
    {
        var county = await App.NewCountyAsync();
        var (agreed, _) = await Agreed(county);
        await Act(agreed, "judicial-confirmation", new ApplyForJudicialConfirmation("安澜县人民法院", true, true), county: county);
        var (performed, _) = await Agreed(county);
        await Act(performed, "follow-up", new RecordPerformanceFollowUp(PerformanceResult.Performed, "已修复并付款"), county: county);
        var failed = await InMediation(county: county);
        await Act(failed, "fail", new RecordMediationFailure("分歧过大"), county: county);

        var open = await Get<CasePage>(Tokens.Office, "/api/cases?kind=mediation&open=true", county);
        var closed = await Get<CasePage>(Tokens.Office, "/api/cases?kind=mediation&open=false", county);
        var all = await Get<CasePage>(Tokens.Office, "/api/cases?kind=mediation", county);
        var docket = await Get<MediationDocket>(Tokens.Mediator, "/api/mediation/docket", county);

        open.Items.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            i => i.Id.ShouldBe(agreed),
            i => i.Status.ShouldBe(nameof(MediationStatus.AgreementSigned)),
            i => i.Open.ShouldBeTrue());
        closed.Items.Select(i => (i.Id, i.Open)).ShouldBe([(failed, false), (performed, false)], ignoreOrder: true);
        all.Items.Select(i => (i.Id, i.Open)).ShouldBe([(agreed, true), (performed, false), (failed, false)], ignoreOrder: true);
        docket.Items.Select(i => i.MediationCaseId).ShouldBe([agreed]);
        (await CaseDetails(agreed, county: county)).IsOpen.ShouldBeTrue();
        (await CaseDetails(performed, county: county)).IsOpen.ShouldBeFalse();
        (await CaseDetails(failed, county: county)).IsOpen.ShouldBeFalse();
    }
}
