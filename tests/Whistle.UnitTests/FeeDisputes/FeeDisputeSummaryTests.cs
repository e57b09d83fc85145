using Shouldly;
using Whistle.FeeDisputes;
using Whistle.Mediation;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.FeeDisputes.FeeDisputeHistory;

namespace Whistle.UnitTests.FeeDisputes;

public class FeeDisputeSummaryTests
{
    private const string OtherCompany = "PC02";
    private const string OtherCompound = "CP010102";  // 锦绣家园

    /// <summary>A dispute as the details projection holds it, at one company and compound, after these events.</summary>
    private static FeeDisputeDetails Dispute(int n, string company, string compound, params object[] events)
    {
        var raised = RaisedDetails();
        (raised.Id, raised.PropertyCompanyCode, raised.CompoundCode) = (Guid.Parse($"019c0a10-2000-7000-8000-{n:D12}"), company, compound);
        return Applied(raised, events);
    }

    /// <summary>
    /// 东盛 (PC01) has six disputes at 东关花园: one open with two reasons, one reduced by a waiver, one settled, one in
    /// court, one paying its plan, one defaulted twice and referred to the credit record; 锦绣家园 has one more of
    /// PC01's and one of PC02's.
    /// </summary>
    private static readonly FeeDisputeDetails[] County =
    [
        Dispute(1, CompanyCode, CompoundCode, ReasonsRecorded(OwnerReason.ServiceDefect, OwnerReason.Price)),
        Dispute(2, CompanyCode, CompoundCode, ReasonsRecorded(OwnerReason.Price), Waived(400m, 2000m)),
        Dispute(3, CompanyCode, CompoundCode, ReasonsRecorded(OwnerReason.Vacancy), Paid(AmountOwed, 0m)),
        Dispute(4, CompanyCode, CompoundCode, ReasonsRecorded(OwnerReason.Price), ReferredToCourt()),
        Dispute(5, CompanyCode, CompoundCode, PlanAgreed(), InstalmentPaid(1)),
        Dispute(6, CompanyCode, CompoundCode,
            PlanAgreed(), Missed(1), Defaulted(1), PlanAgreed(plan: 2), Missed(1, 2), Defaulted(1, 2),
            ReferredToMediation(), MediationEnded(MediationResult.Failed), CreditReferred()),
        Dispute(7, CompanyCode, OtherCompound, ReasonsRecorded(OwnerReason.Hardship), Paid(1000m, 1400m)),
        Dispute(8, OtherCompany, OtherCompound, ReasonsRecorded(OwnerReason.Hardship), ReferredToMediation()),
    ];

    private static IReadOnlyList<FeeDisputeSummary> ByCompany(params FeeDisputeDetails[] disputes) =>
        FeeDisputeSummaryEndpoint.Summarise(disputes, d => d.PropertyCompanyCode);

    [Fact]
    public void each_company_shows_what_is_in_dispute_why_and_how_its_plans_fare() =>
        ByCompany(County).ShouldBeEvents(
            new FeeDisputeSummary(CompanyCode, 7, 5, 2400m + 2000m + 1600m + 2400m + 1400m,
                new Dictionary<OwnerReason, int> { [OwnerReason.ServiceDefect] = 1, [OwnerReason.Vacancy] = 1, [OwnerReason.Price] = 3, [OwnerReason.Hardship] = 1 },
                1, 2, 1, 1),
            new FeeDisputeSummary(OtherCompany, 1, 1, 2400m, new Dictionary<OwnerReason, int> { [OwnerReason.Hardship] = 1 }, 0, 0, 0, 0));

    [Fact]
    public void each_compound_is_summed_on_its_own() =>
        FeeDisputeSummaryEndpoint.Summarise(County, d => d.CompoundCode).ShouldBeEvents(
            new FeeDisputeSummary(CompoundCode, 6, 4, 2400m + 2000m + 1600m + 2400m,
                new Dictionary<OwnerReason, int> { [OwnerReason.ServiceDefect] = 1, [OwnerReason.Vacancy] = 1, [OwnerReason.Price] = 3 },
                1, 2, 1, 1),
            new FeeDisputeSummary(OtherCompound, 2, 2, 1400m + 2400m, new Dictionary<OwnerReason, int> { [OwnerReason.Hardship] = 2 }, 0, 0, 0, 0));

    [Fact]
    public void settled_and_court_disputes_count_no_amount_in_dispute()
    {
        var summary = ByCompany(County[2], County[3]).ShouldHaveSingleItem();

        (summary.Disputes, summary.Open, summary.AmountInDispute, summary.Settled).ShouldBe((2, 0, 0m, 1));
    }

    [Fact]
    public void a_dispute_in_mediation_or_after_a_default_is_still_in_dispute() =>
        ByCompany(County[5], Dispute(9, CompanyCode, CompoundCode, ReferredToMediation())).ShouldHaveSingleItem()
            .AmountInDispute.ShouldBe(4800m);

    [Fact]
    public void a_withdrawn_credit_referral_is_not_counted() =>
        ByCompany(Dispute(9, CompanyCode, CompoundCode, CreditReferred(), CreditWithdrawn())).ShouldHaveSingleItem()
            .CreditReferrals.ShouldBe(0);

    [Fact]
    public void a_dispute_without_reasons_counts_none() =>
        ByCompany(County[4]).ShouldHaveSingleItem().Reasons.ShouldBeEmpty();

    [Fact]
    public void companies_are_listed_by_code() =>
        ByCompany(County[7], County[0]).Select(s => s.Key).ShouldBe([CompanyCode, OtherCompany]);

    [Fact]
    public void no_disputes_no_summary() => ByCompany().ShouldBeEmpty();

    [Theory]
    [InlineData("company")]
    [InlineData("compound")]
    public void a_summary_is_grouped_by_company_or_compound(string groupBy) =>
        FeeDisputeSummaryEndpoint.Validate(groupBy).ShouldBeNoProblem();

    [Theory]
    [InlineData(null)]
    [InlineData("community")]
    [InlineData("Company")]
    public void any_other_grouping_is_rejected(string? groupBy) =>
        FeeDisputeSummaryEndpoint.Validate(groupBy).ShouldRejectField("groupBy", "company or compound");

    [Theory]
    [InlineData(null)]
    [InlineData("Open")]
    [InlineData("planInProgress")]
    [InlineData("incourt")]
    public void the_list_filters_by_any_stage_in_any_case(string? stage) =>
        FeeDisputeListEndpoint.Validate(stage).ShouldBeNoProblem();

    [Fact]
    public void the_list_rejects_an_unknown_stage() =>
        FeeDisputeListEndpoint.Validate("Closed").ShouldRejectField("stage", "Unknown stage");
}
