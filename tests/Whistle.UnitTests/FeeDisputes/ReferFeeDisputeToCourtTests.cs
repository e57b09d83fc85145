using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.FeeDisputes;
using Whistle.UnitTests.Whistles;
using Xunit;
using static Whistle.UnitTests.FeeDisputes.FeeDisputeHistory;

namespace Whistle.UnitTests.FeeDisputes;

public class ReferFeeDisputeToCourtTests
{
    private static readonly ReferFeeDisputeToCourt County = new("  安澜县人民法院 ", " (2026)浙1101民初123号 ");

    /// <summary>Every command on a dispute, each otherwise valid for a dispute in its plan's first month.</summary>
    private static readonly Dictionary<string, Func<FeeDispute, ProblemDetails>> Commands = new()
    {
        ["RecordOwnerReasons"] = d => RecordOwnerReasonsEndpoint.Validate(new([OwnerReason.Price]), d, new([]), Users.Clerk),
        ["IssueDemand"] = d => IssueDemandEndpoint.Check(new(100m, Today.AddDays(30)), d, Users.Clerk, Now),
        ["RecordFeePayment"] = d => RecordFeePaymentEndpoint.Validate(new(100m), d, Users.Clerk),
        ["GrantWaiver"] = d => GrantWaiverEndpoint.Validate(new(100m, "空置"), d, Users.Clerk),
        ["AgreePaymentPlan"] = d => AgreePaymentPlanEndpoint.Check(
            new(d.Outstanding, [new(d.Outstanding - 100m, Today.AddDays(30)), new(100m, Today.AddDays(60))]), d, Users.Clerk, Now),
        ["PayInstalment"] = d => PayInstalmentEndpoint.Validate(new(800m), d, 1, Users.Clerk),
        ["ReferFeeDisputeToMediation"] = d => ReferFeeDisputeToMediationEndpoint.Check(new(), d, Users.Clerk),
        ["ReferToCreditRecord"] = d => ReferToCreditRecordEndpoint.Check(new("拒不缴纳"), d, Users.Clerk, Now),
        ["ReferFeeDisputeToCourt"] = d => ReferFeeDisputeToCourtEndpoint.Validate(new("安澜县人民法院"), d, Users.Clerk),
    };

    public static TheoryData<string> CommandNames => [.. Commands.Keys];

    [Fact]
    public void the_dispute_goes_to_court_and_ends_there()
    {
        var (_, events) = ReferFeeDisputeToCourtEndpoint.Post(County, DisputeAfter(Raised()), Users.Clerk, Now);

        events.ShouldBeEvents(new FeeDisputeReferredToCourt(Id, "安澜县人民法院", "(2026)浙1101民初123号", Users.ClerkActor, Now));
        var dispute = DisputeAfter([Raised(), .. events]);
        (dispute.Stage, dispute.IsClosed).ShouldBe((FeeDisputeStage.InCourt, true));
    }

    [Fact]
    public void a_court_reference_is_optional()
    {
        ReferFeeDisputeToCourtEndpoint.Validate(new("安澜县人民法院"), DisputeAfter(Raised()), Users.Clerk).ShouldBeNoProblem();

        ReferFeeDisputeToCourtEndpoint.Post(new("安澜县人民法院"), DisputeAfter(Raised()), Users.Clerk, Now).Item2
            .ShouldBeEvents(new FeeDisputeReferredToCourt(Id, "安澜县人民法院", null, Users.ClerkActor, Now));
    }

    [Theory]
    [InlineData(FeeDisputeStage.Open)]
    [InlineData(FeeDisputeStage.InMediation)]
    [InlineData(FeeDisputeStage.PlanInProgress)]
    [InlineData(FeeDisputeStage.PlanDefaulted)]
    public void a_dispute_goes_to_court_from_any_stage_still_open(FeeDisputeStage stage) =>
        ReferFeeDisputeToCourtEndpoint.Validate(County, DisputeThatIs(stage), Users.Clerk).ShouldBeNoProblem();

    [Fact]
    public void the_court_is_required()
    {
        ReferFeeDisputeToCourtEndpoint.Validate(new(null), DisputeAfter(Raised()), Users.Clerk).ShouldRejectField("court", "Required");
        ReferFeeDisputeToCourtEndpoint.Validate(new("  "), DisputeAfter(Raised()), Users.Clerk).ShouldRejectField("court", "Required");
    }

    [Fact]
    public void the_court_and_its_reference_are_at_most_a_hundred_characters() =>
        ReferFeeDisputeToCourtEndpoint.Validate(new(new string('法', 101), new string('号', 101)), DisputeAfter(Raised()), Users.Clerk)
            .ShouldRejectFields("court", "reference");

    [Fact]
    public void a_dispute_outside_the_workers_community_is_not_found() =>
        ReferFeeDisputeToCourtEndpoint.Validate(County, DisputeAfter(Raised()), Users.CommunityWorker(OtherCommunityCode, SubDistrictCode))
            .ShouldBeNotFound();

    [Fact]
    public void a_stale_expected_version_is_a_conflict() =>
        ReferFeeDisputeToCourtEndpoint.Validate(County with { ExpectedVersion = 5 }, DisputeAfter(Raised()), Users.Clerk).ShouldBeStaleVersion(5, 1);

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void every_command_passes_before_the_dispute_goes_to_court(string command)
    {
        var dispute = command is "PayInstalment" ? DisputeThatIs(FeeDisputeStage.PlanInProgress) : DisputeThatIs(FeeDisputeStage.Open);
        if (command is "ReferToCreditRecord") dispute = DisputeAfter(ReadyForCreditReferral);

        Commands[command](dispute).ShouldBeNoProblem();
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void after_court_every_command_is_a_conflict(string command) =>
        Commands[command](DisputeAfter(Raised(), PlanAgreed(), ReferredToCourt()))
            .ShouldBeConflict("The dispute is InCourt; nothing more can be done on it.");
}
