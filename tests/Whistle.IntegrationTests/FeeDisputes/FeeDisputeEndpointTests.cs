using Alba;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Complaints;
using Whistle.FeeDisputes;
using Whistle.Mediation;

namespace Whistle.IntegrationTests.FeeDisputes;

/// <summary>Fee disputes over HTTP, against the real PostgreSQL; time windows moved on the shared clock.</summary>
[Collection(SharedClock.Name)]
public sealed class FeeDisputeEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private DateOnly Today => DateOnly.FromDateTime(App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static RaiseFeeDispute Dispute(decimal owed = 2400m) => new(
        DisputeRaiser.Company, "PC45", "CP010101", "3号楼2单元501", new OwnerInput("赵五", "13700001234"),
        new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), owed);

    private async Task<FeeDisputeRaisedResponse> Raise(RaiseFeeDispute? dispute = null, int status = 201) =>
        (await (await Post(Tokens.Clerk, "/api/fee-disputes", dispute ?? Dispute(), status)).ReadAsJsonAsync<FeeDisputeRaisedResponse>())!;

    private Task<IScenarioResult> Act(Guid dispute, string action, object body, int status = 200) =>
        Post(Tokens.Mediator, $"/api/fee-disputes/{dispute}/{action}", body, status);

    private async Task<FeeDisputeDetails> Details(Guid dispute) => await Get<FeeDisputeDetails>(Tokens.Clerk, $"/api/fee-disputes/{dispute}");

    [Fact]
    public async Task raising_a_dispute_numbers_it_and_shows_the_compound()
    {
        var raised = await Raise();

        raised.Number.ShouldStartWith($"WY-{Today.Year}-");
        (await EventsOf(raised.Id)).Single().Data.ShouldBeOfType<FeeDisputeRaised>().CompoundName.ShouldBe("东关花园");
        var details = await Details(raised.Id);
        details.CompoundName.ShouldBe("东关花园");
        details.Outstanding.ShouldBe(2400m);
        details.Stage.ShouldBe(FeeDisputeStage.Open);
    }

    [Fact]
    public async Task bad_input_is_400_with_each_field_named()
    {
        var result = await Post(Tokens.Clerk, "/api/fee-disputes", Dispute(owed: -5m) with { CompoundCode = "CP999999", PropertyCompanyCode = "PC99" }, 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys
            .ShouldBe(["amountOwed", "compoundCode", "propertyCompanyCode"], ignoreOrder: true);
    }

    [Fact]
    public async Task a_company_that_does_not_serve_the_compound_is_400_naming_the_company()
    {
        var result = await Post(Tokens.Clerk, "/api/fee-disputes", Dispute() with { PropertyCompanyCode = "PC41" }, 400);

        var errors = (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors;
        errors.Keys.ShouldBe(["propertyCompanyCode"]);
        errors["propertyCompanyCode"].ShouldHaveSingleItem().ShouldBe(
            "PC41 不为小区 CP010101 提供物业服务（目录登记为 PC45）。PC41 does not serve compound CP010101; the directory names PC45.");
    }

    [Fact]
    public async Task an_instalment_plan_whose_sum_differs_from_the_settled_amount_is_400_and_nothing_is_appended()
    {
        var raised = await Raise();

        var result = await Act(raised.Id, "payment-plan", new AgreePaymentPlan(2400m,
            [new(1000m, Today.AddDays(30)), new(1000m, Today.AddDays(60))]), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["instalments"]);
        (await EventsOf(raised.Id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_waiver_then_a_plan_paid_in_full_settles_the_dispute()
    {
        var raised = await Raise();
        await Act(raised.Id, "reasons", new RecordOwnerReasons([OwnerReason.Vacancy], Statement: "房屋空置半年"));
        await Act(raised.Id, "waiver", new GrantWaiver(600m, "空置期减免 6 个月的一半"));

        var agreed = await Tracked(() => Act(raised.Id, "payment-plan",
            new AgreePaymentPlan(1800m, [new(900m, Today.AddDays(30)), new(900m, Today.AddDays(60))], 10)), 30_000);
        await Act(raised.Id, "instalments/1/pay", new PayInstalment(900m));
        var paid = (await (await Act(raised.Id, "instalments/2/pay", new PayInstalment(900m))).ReadAsJsonAsync<FeeDisputeAnswer>())!;

        (paid.Id, paid.Version, paid.Stage, paid.StageLabel, paid.Outstanding).ShouldBe((raised.Id, 7L, FeeDisputeStage.Settled, "结清", 0m));
        paid.Instalments.Select(i => i.Paid).ShouldBe([true, true]);
        (await EventsOf(raised.Id)).Count.ShouldBe(7);
        agreed.Scheduled.MessagesOf<InstalmentDue>().Select(m => m.Number).ShouldBe([1, 2]);
        var details = await Details(raised.Id);
        details.Stage.ShouldBe(FeeDisputeStage.Settled);
        details.Outstanding.ShouldBe(0m);
        details.Waived.ShouldBe(600m);
        details.Plan!.Completed.ShouldBeTrue();
    }

    [Fact]
    public async Task a_missed_instalment_reminds_and_after_the_grace_period_the_plan_defaults()
    {
        var raised = await Raise();
        var agreed = await Tracked(() => Act(raised.Id, "payment-plan",
            new AgreePaymentPlan(2400m, [new(1200m, Today.AddDays(1)), new(1200m, Today.AddDays(31))], 5)), 30_000);
        var first = agreed.Scheduled.MessagesOf<InstalmentDue>().Single(m => m.Number == 1);

        var missed = await Tracked(bus => bus.InvokeForTenantAsync(AppFixture.County, first), 30_000);
        var grace = missed.Scheduled.MessagesOf<InstalmentGraceExpired>().ShouldHaveSingleItem();
        grace.GraceEndsOn.ShouldBe(Today.AddDays(6));
        await Tracked(bus => bus.InvokeForTenantAsync(AppFixture.County, grace), 30_000);

        var details = await Details(raised.Id);
        details.Stage.ShouldBe(FeeDisputeStage.PlanDefaulted);
        details.Plan!.Instalments[0].Missed.ShouldBeTrue();
        details.Defaults.ShouldBe(1);
    }

    [Fact]
    public async Task a_credit_referral_names_the_missing_step_and_succeeds_after_a_failed_mediation_and_a_passed_demand()
    {
        var raised = await Raise();
        var refused = await Act(raised.Id, "credit-referral", new ReferToCreditRecord("拒不缴费"), 409);
        (await refused.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("no failed mediation; no formal demand");

        await Act(raised.Id, "demand", new IssueDemand(2400m, Today.AddDays(10)));
        var mediation = await (await Act(raised.Id, "mediation", new ReferFeeDisputeToMediation(), 201)).ReadAsJsonAsync<MediationStarted>();
        var ended = new MediationOutcomeReached(mediation!.MediationCaseId, mediation.Number, MediationResult.Failed, raised.Id,
            new Whistle.Kernel.Actor("mediator", "吴调解", "mediator"), App.Clock.GetUtcNow());
        await Tracked(bus => bus.InvokeForTenantAsync(AppFixture.County, ended), 30_000);
        var early = await Act(raised.Id, "credit-referral", new ReferToCreditRecord("拒不缴费"), 409);
        (await early.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("has not passed");

        App.Clock.Advance(TimeSpan.FromDays(11));
        await Act(raised.Id, "credit-referral", new ReferToCreditRecord("调解不成且催告期满仍拒不缴费"));

        var details = await Details(raised.Id);
        details.CreditReferred.ShouldBeTrue();
        details.MediationResult.ShouldBe(MediationResult.Failed);
    }

    [Fact]
    public async Task a_credit_referral_right_after_the_mediation_failed_passes_the_mediation_check()
    {
        var raised = await Raise();
        await Act(raised.Id, "demand", new IssueDemand(2400m, Today.AddDays(10)));
        var mediation = (await (await Act(raised.Id, "mediation", new ReferFeeDisputeToMediation(), 201)).ReadAsJsonAsync<MediationStarted>())!;
        var mediationCase = $"/api/mediation/cases/{mediation.MediationCaseId}";
        await Post(Tokens.Mediator, $"{mediationCase}/consent", new RecordConsent(PartySide.Applicant, true));
        await Post(Tokens.Mediator, $"{mediationCase}/consent", new RecordConsent(PartySide.Respondent, true));
        await Post(Tokens.Mediator, $"{mediationCase}/accept", new { });
        App.Clock.Advance(TimeSpan.FromDays(11));

        await Post(Tokens.Mediator, $"{mediationCase}/fail", new RecordMediationFailure("双方对欠费金额分歧过大"));
        // Back to back: the dispute reads the mediation case itself, whether or not it has heard of the failure yet.
        var referred = (await (await Act(raised.Id, "credit-referral", new ReferToCreditRecord("调解不成且催告期满仍拒不缴费")))
            .ReadAsJsonAsync<FeeDisputeAnswer>())!;

        (referred.CreditReferred, referred.MediationFailed, referred.Stage).ShouldBe((true, true, FeeDisputeStage.Open));
    }

    [Fact]
    public async Task a_dispute_goes_back_to_mediation_right_after_the_first_failed_and_records_that_end_once()
    {
        var raised = await Raise();
        var first = (await (await Act(raised.Id, "mediation", new ReferFeeDisputeToMediation(), 201)).ReadAsJsonAsync<MediationStarted>())!;
        var firstCase = $"/api/mediation/cases/{first.MediationCaseId}";
        await Post(Tokens.Mediator, $"{firstCase}/consent", new RecordConsent(PartySide.Applicant, true));
        await Post(Tokens.Mediator, $"{firstCase}/consent", new RecordConsent(PartySide.Respondent, true));
        await Post(Tokens.Mediator, $"{firstCase}/accept", new { });

        await Post(Tokens.Mediator, $"{firstCase}/fail", new RecordMediationFailure("双方对欠费金额分歧过大"));
        // Back to back: the dispute reads the failed case itself and records its end before going back.
        var second = (await (await Act(raised.Id, "mediation", new ReferFeeDisputeToMediation("再次调解"), 201)).ReadAsJsonAsync<MediationStarted>())!;
        // The case's own message about the failure, delivered (again) after the second referral, changes nothing.
        var late = new MediationOutcomeReached(first.MediationCaseId, first.Number, MediationResult.Failed, raised.Id,
            new Whistle.Kernel.Actor("mediator", "吴调解", "mediator"), App.Clock.GetUtcNow());
        await Tracked(bus => bus.InvokeForTenantAsync(AppFixture.County, late), 30_000);

        var ends = (await EventsOf(raised.Id)).Select(e => e.Data).OfType<FeeDisputeMediationEnded>().ToList();
        ends.Select(e => (e.MediationCaseId, e.Result, e.By.UserId)).ShouldBe([(first.MediationCaseId, MediationResult.Failed, "mediator")]);
        var details = await Details(raised.Id);
        (details.Stage, details.MediationCaseId).ShouldBe((FeeDisputeStage.InMediation, second.MediationCaseId));
    }

    [Fact]
    public async Task a_credit_referral_while_the_mediation_case_still_runs_is_409()
    {
        var raised = await Raise();
        await Act(raised.Id, "demand", new IssueDemand(2400m, Today.AddDays(10)));
        await Act(raised.Id, "mediation", new ReferFeeDisputeToMediation(), 201);
        App.Clock.Advance(TimeSpan.FromDays(11));

        var refused = await Act(raised.Id, "credit-referral", new ReferToCreditRecord("拒不缴费"), 409);

        (await refused.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("while mediation runs");
    }

    [Fact]
    public async Task referring_to_mediation_starts_a_mediation_case_naming_the_dispute()
    {
        var raised = await Raise();

        var started = await Act(raised.Id, "mediation", new ReferFeeDisputeToMediation(), 201);

        var mediation = (await started.ReadAsJsonAsync<MediationStarted>())!;
        mediation.Number.ShouldStartWith($"TJ-{Today.Year}-");
        var opened = (await EventsOf(mediation.MediationCaseId)).Single().Data.ShouldBeOfType<MediationCaseOpened>();
        opened.SourceCaseId.ShouldBe(raised.Id);
        opened.PropertyCompanyCode.ShouldBe("PC45");
        opened.Parties.Select(p => p.Side).ShouldBe([PartySide.Applicant, PartySide.Respondent]);
        (await Details(raised.Id)).MediationNumber.ShouldBe(mediation.Number);
        await Act(raised.Id, "mediation", new ReferFeeDisputeToMediation(), 409);
    }

    [Fact]
    public async Task a_resolved_defect_complaint_is_recorded_on_the_disputes_that_cite_it()
    {
        var complaint = await LodgeAndMove(("accept", new { }));
        var raised = await Raise();
        var cited = await Tracked(() => Act(raised.Id, "reasons", new RecordOwnerReasons([OwnerReason.ServiceDefect], [complaint])), 30_000);
        cited.Executed.MessagesOf<CiteComplaint>().ShouldHaveSingleItem().ComplaintId.ShouldBe(complaint);

        await Tracked(() => Post(Tokens.Clerk, $"/api/complaints/{complaint}/resolve", new ResolveComplaint("电梯已修复")), 30_000);

        var details = await Details(raised.Id);
        details.ResolvedDefectComplaints.ShouldBe([complaint]);
        details.DefectsResolved.ShouldBeTrue();
    }

    [Fact]
    public async Task a_complaint_resolved_before_the_dispute_cites_it_is_recorded_as_resolved()
    {
        var complaint = await LodgeAndMove(("accept", new { }), ("resolve", new ResolveComplaint("电梯已修复")));
        var raised = await Raise();

        await Tracked(() => Act(raised.Id, "reasons", new RecordOwnerReasons([OwnerReason.ServiceDefect], [complaint])), 30_000);

        var details = await Details(raised.Id);
        details.ResolvedDefectComplaints.ShouldBe([complaint]);
        details.DefectsResolved.ShouldBeTrue();
    }

    [Fact]
    public async Task a_court_referral_ends_the_dispute()
    {
        var raised = await Raise();

        await Act(raised.Id, "court", new ReferFeeDisputeToCourt("安澜县人民法院", "(2026)安民初 123 号"));
        await Act(raised.Id, "payments", new RecordFeePayment(100m), 409);

        (await Details(raised.Id)).Stage.ShouldBe(FeeDisputeStage.InCourt);
    }

    [Fact]
    public async Task disputes_are_summed_per_company_and_per_compound()
    {
        var county = await App.NewCountyAsync();
        await Post(Tokens.Clerk, "/api/fee-disputes", Dispute(1000m) with { PropertyCompanyCode = "PC01", CompoundCode = "CP040301" }, 201, county);
        await Post(Tokens.Clerk, "/api/fee-disputes", Dispute(500m) with { PropertyCompanyCode = "PC01", CompoundCode = "CP040501" }, 201, county);

        var byCompany = await Get<List<FeeDisputeSummary>>(Tokens.Analyst, "/api/fee-disputes/summary?groupBy=company", county);
        var byCompound = await Get<List<FeeDisputeSummary>>(Tokens.Analyst, "/api/fee-disputes/summary?groupBy=compound", county);
        var list = await Get<List<FeeDisputeDetails>>(Tokens.Clerk, "/api/fee-disputes?propertyCompanyCode=PC01", county);

        byCompany.ShouldHaveSingleItem().AmountInDispute.ShouldBe(1500m);
        byCompound.Select(s => (s.Key, s.AmountInDispute)).ShouldBe([("CP040301", 1000m), ("CP040501", 500m)]);
        list.Count.ShouldBe(2);
        list.ShouldAllBe(d => d.OwnerName == "赵*");
        await Send(Tokens.Analyst, x => x.Get.Url("/api/fee-disputes/summary?groupBy=street"), 400, county);
    }

    [Fact]
    public async Task an_unknown_dispute_is_404_and_a_department_officer_may_not_read_disputes()
    {
        await Send(Tokens.Clerk, x => x.Get.Url($"/api/fee-disputes/{Guid.NewGuid()}"), 404);
        await Send(Tokens.Chengguan, x => x.Get.Url("/api/fee-disputes"), 403);
    }

    [Fact]
    public async Task a_command_answers_with_the_dispute_after_it_and_a_stale_expected_version_is_409()
    {
        var raised = await Raise();

        var demanded = (await (await Act(raised.Id, "demand", new IssueDemand(2400m, Today.AddDays(10), ExpectedVersion: 1)))
            .ReadAsJsonAsync<FeeDisputeAnswer>())!;

        (demanded.Id, demanded.Number, demanded.Version, demanded.Stage, demanded.DemandPayBy)
            .ShouldBe((raised.Id, raised.Number, 2L, FeeDisputeStage.Open, (DateOnly?)Today.AddDays(10)));
        await Act(raised.Id, "waiver", new GrantWaiver(100m, "空置", ExpectedVersion: 1), 409);
    }

    [Fact]
    public async Task a_dispute_is_handled_inside_its_community_and_does_not_exist_outside_it()
    {
        var raised = await Raise();

        await Post(Tokens.OtherCommunity, $"/api/fee-disputes/{raised.Id}/payments", new RecordFeePayment(100m), 404);
        await Send(Tokens.OtherCommunity, x => x.Get.Url($"/api/fee-disputes/{raised.Id}"), 404);
        await Post(Tokens.SubDistrict, $"/api/fee-disputes/{raised.Id}/payments", new RecordFeePayment(100m), 403);
        (await Get<FeeDisputeDetails>(Tokens.SubDistrict, $"/api/fee-disputes/{raised.Id}")).Id.ShouldBe(raised.Id);
        var paid = (await (await Post(Tokens.Community, $"/api/fee-disputes/{raised.Id}/payments", new RecordFeePayment(100m)))
            .ReadAsJsonAsync<FeeDisputeAnswer>())!;
        paid.Outstanding.ShouldBe(2300m);
        (await Get<List<FeeDisputeDetails>>(Tokens.OtherCommunity, "/api/fee-disputes")).ShouldNotContain(d => d.Id == raised.Id);
    }
}
