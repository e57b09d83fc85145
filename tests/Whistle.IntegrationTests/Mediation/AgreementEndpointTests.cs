using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.FeeDisputes;
using Whistle.Mediation;

namespace Whistle.IntegrationTests.Mediation;

/// <summary>
/// Agreements and failures, the judicial-confirmation window played on demand, the court's dates, the performance
/// follow-up, and the outcome a fee dispute hears of.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class AgreementEndpointTests(AppFixture app) : MediationContext(app)
{
    [Fact]
    public async Task an_agreement_ends_mediation_and_schedules_the_day_20_reminder_and_the_windows_close()
    {
        var signedAt = Now;
        var (id, tracked) = await Agreed();

        var details = await CaseDetails(id);
        var lastDay = await WorkingDayFrom(Today.AddDays(30));
        details.Status.ShouldBe(MediationStatus.AgreementSigned);
        details.SignedAgreement!.PerformanceDeadline.ShouldBe(Today.AddDays(15));
        details.SignedAgreement.EffectiveAt.ShouldBe(signedAt);
        details.Confirmation!.WindowLastDay.ShouldBe(lastDay);
        var closesAt = MediationTimes.EndOf(lastDay);
        tracked.Scheduled.MessagesOf<JudicialConfirmationReminderDue>().ShouldHaveSingleItem()
            .ShouldBe(new JudicialConfirmationReminderDue(id, closesAt));
        tracked.Scheduled.MessagesOf<JudicialConfirmationWindowElapsed>().ShouldHaveSingleItem()
            .ShouldBe(new JudicialConfirmationWindowElapsed(id, closesAt));
        tracked.Scheduled.Envelopes().Select(e => e.ScheduledTime).ShouldBe(
            [MediationTimes.EndOf(Today.AddDays(19)).AddHours(9), closesAt], ignoreOrder: true);
        await Act(id, "sessions", Session(), 409);
        await Act(id, "fail", new RecordMediationFailure("反悔"), 409);
    }

    [Fact]
    public async Task a_window_whose_day_30_the_county_closes_runs_to_the_end_of_the_next_working_day()
    {
        var day30 = Today.AddDays(30);
        var county = await CountyClosedOn(day30);

        var (id, tracked) = await Agreed(county);

        (await CaseDetails(id, county: county)).Confirmation!.WindowLastDay.ShouldBe(day30.AddDays(1));
        tracked.Scheduled.MessagesOf<JudicialConfirmationWindowElapsed>().ShouldHaveSingleItem()
            .ShouldBe(new JudicialConfirmationWindowElapsed(id, MediationTimes.EndOf(day30.AddDays(1))));
        tracked.Scheduled.MessagesOf<JudicialConfirmationReminderDue>().ShouldHaveSingleItem();
        tracked.Scheduled.Envelopes().Select(e => e.ScheduledTime).ShouldContain(MediationTimes.EndOf(Today.AddDays(19)).AddHours(9));
    }

    [Fact]
    public async Task an_agreement_without_a_performance_deadline_is_400_and_appends_nothing()
    {
        var id = await InMediation();
        var before = (await EventsOf(id)).Count;

        var result = await Act(id, "agreement", Agreement() with { PerformanceDeadline = null }, 400);

        var problem = (await result.ReadAsJsonAsync<ValidationProblemDetails>())!;
        problem.Errors.Keys.ShouldBe(["performanceDeadline"]);
        problem.Errors["performanceDeadline"].Single().ShouldContain("deadline of performance");
        (await EventsOf(id)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task an_agreement_before_any_session_is_409()
    {
        var id = (await Open()).Id;
        await Accepted(id);
        await Act(id, "mediator", new AssignMediator("mediator", "吴调解", MediatorSelection.Appointed));

        var result = await Act(id, "agreement", Agreement(), 409);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("no session on record");
    }

    [Fact]
    public async Task the_reminder_on_day_20_is_sent_only_while_no_one_has_applied()
    {
        var (reminded, first) = await Agreed();
        var (applied, second) = await Agreed();
        await Act(applied, "judicial-confirmation", new ApplyForJudicialConfirmation("安澜县人民法院", true, true));
        App.Clock.Advance(TimeSpan.FromDays(20));

        await Play(first.Scheduled.MessagesOf<JudicialConfirmationReminderDue>().Single());
        await Play(second.Scheduled.MessagesOf<JudicialConfirmationReminderDue>().Single());

        (await CaseDetails(reminded)).Confirmation!.ReminderSentAt.ShouldBe(Now);
        (await CaseDetails(applied)).Confirmation!.ReminderSentAt.ShouldBeNull();
        (await EventsOf(applied)).ShouldNotContain(e => e.Data is JudicialConfirmationReminderSent);
    }

    [Fact]
    public async Task a_judicial_confirmation_applied_for_after_the_windows_last_day_is_409_naming_that_day()
    {
        var (id, tracked) = await Agreed();
        var lastDay = (await CaseDetails(id)).Confirmation!.WindowLastDay;
        App.Clock.Advance(MediationTimes.EndOf(lastDay) - Now);
        await Play(tracked.Scheduled.MessagesOf<JudicialConfirmationWindowElapsed>().Single());
        var before = (await EventsOf(id)).Count;

        var result = await Act(id, "judicial-confirmation", new ApplyForJudicialConfirmation("安澜县人民法院", true, true), 409);

        var detail = (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail!;
        detail.ShouldContain($"closed at the end of {MediationRules.Show(lastDay)} (China time)");
        detail.ShouldContain($"已于 {MediationRules.Show(lastDay)}（北京时间）届满");
        (await EventsOf(id)).Count.ShouldBe(before);
        var confirmation = (await CaseDetails(id)).Confirmation!;
        confirmation.WindowClosedAt.ShouldBe(Now);
        confirmation.AppliedOn.ShouldBeNull();
    }

    [Fact]
    public async Task a_joint_application_needs_both_parties()
    {
        var (id, _) = await Agreed();

        var result = await Act(id, "judicial-confirmation", new ApplyForJudicialConfirmation("安澜县人民法院", true, null), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["respondentJoins"]);
    }

    [Fact]
    public async Task the_details_show_each_court_due_date_and_whether_the_court_was_late()
    {
        var (id, _) = await Agreed();
        App.Clock.Advance(TimeSpan.FromDays(29));
        var appliedOn = Today;
        await Act(id, "judicial-confirmation", new ApplyForJudicialConfirmation("安澜县人民法院", true, true));
        await Act(id, "judicial-confirmation", new ApplyForJudicialConfirmation("安澜县人民法院", true, true), 409);
        App.Clock.Advance(TimeSpan.FromDays(40));

        await Act(id, "judicial-confirmation/acceptance", new RecordCourtAcceptance(appliedOn.AddDays(4), "(2026)安0523民特 12 号"));
        await Act(id, "judicial-confirmation/ruling", new RecordCourtRuling(JudicialRuling.Confirmed, appliedOn.AddDays(4 + 25), Extended: true));

        var confirmation = (await CaseDetails(id)).Confirmation!;
        confirmation.AppliedOn.ShouldBe(appliedOn);
        confirmation.AcceptanceDueOn.ShouldBe(appliedOn.AddDays(3));
        confirmation.AcceptedOn.ShouldBe(appliedOn.AddDays(4));
        confirmation.AcceptanceLate.ShouldBe(true);
        confirmation.CourtCaseNumber.ShouldBe("(2026)安0523民特 12 号");
        confirmation.Extended.ShouldBe(true);
        confirmation.RulingDueOn.ShouldBe(appliedOn.AddDays(4 + 25));
        confirmation.RulingLate.ShouldBe(false);
        confirmation.Ruling.ShouldBe(JudicialRuling.Confirmed);
    }

    [Fact]
    public async Task the_court_acceptance_cannot_precede_the_application_nor_lie_in_the_future()
    {
        var (id, _) = await Agreed();
        await Act(id, "judicial-confirmation/acceptance", new RecordCourtAcceptance(Today), 409);
        await Act(id, "judicial-confirmation", new ApplyForJudicialConfirmation("安澜县人民法院", true, true));

        await Act(id, "judicial-confirmation/acceptance", new RecordCourtAcceptance(Today.AddDays(-1)), 400);
        await Act(id, "judicial-confirmation/acceptance", new RecordCourtAcceptance(Today.AddDays(1)), 400);
        await Act(id, "judicial-confirmation/ruling", new RecordCourtRuling(JudicialRuling.Confirmed, Today), 409);
    }

    [Fact]
    public async Task a_performed_agreement_closes_the_case_and_leaves_the_docket()
    {
        var (id, _) = await Agreed();

        await Act(id, "follow-up", new RecordPerformanceFollowUp(PerformanceResult.Performed, "已修复并付款"));

        var details = await CaseDetails(id);
        details.Status.ShouldBe(MediationStatus.Performed);
        details.IsOpen.ShouldBeFalse();
        (await Get<MediationDocket>(Tokens.Mediator, "/api/mediation/docket")).Items.ShouldNotContain(i => i.MediationCaseId == id);
        await Act(id, "follow-up", new RecordPerformanceFollowUp(PerformanceResult.Performed), 409);
    }

    [Fact]
    public async Task a_breach_is_recorded_only_after_the_deadline_and_refers_the_parties_to_court()
    {
        var (id, _) = await Agreed();
        var early = await Act(id, "follow-up", new RecordPerformanceFollowUp(PerformanceResult.Breached, "未付款"), 409);
        (await early.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("has not passed");
        App.Clock.Advance(TimeSpan.FromDays(16));

        await Act(id, "follow-up", new RecordPerformanceFollowUp(PerformanceResult.Breached, "逾期未付赔偿款"));

        var details = await CaseDetails(id);
        details.Status.ShouldBe(MediationStatus.Breached);
        details.CourtReferralNotice.ShouldBe(MediationRules.LawsuitNotice);
        (await EventsOf(id))[^1].Data.ShouldBeOfType<CourtEnforcementReferred>().JudiciallyConfirmed.ShouldBeFalse();
    }

    [Fact]
    public async Task a_failed_mediation_ends_the_case_with_the_notice_of_other_routes()
    {
        var id = await InMediation();

        await Act(id, "fail", new RecordMediationFailure("双方对赔偿金额分歧过大"));

        var details = await CaseDetails(id);
        details.Status.ShouldBe(MediationStatus.Failed);
        details.OtherRoutesNotice.ShouldBe(MediationRules.FailedNotice);
        await Act(id, "agreement", Agreement(), 409);
    }

    [Fact]
    public async Task a_fee_dispute_referred_to_mediation_hears_that_mediation_failed()
    {
        var raised = (await (await Post(Tokens.Clerk, "/api/fee-disputes", new RaiseFeeDispute(
            DisputeRaiser.Company, "PC45", "CP010101", "5号楼1单元302", new OwnerInput("钱六", "13600004444"),
            new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 1800m), 201)).ReadAsJsonAsync<FeeDisputeRaisedResponse>())!;
        var started = (await (await Post(Tokens.Mediator, $"/api/fee-disputes/{raised.Id}/mediation", new ReferFeeDisputeToMediation(), 201))
            .ReadAsJsonAsync<MediationStarted>())!;
        var id = started.MediationCaseId;
        await Accepted(id);

        var tracked = await Tracked(() => Act(id, "fail", new RecordMediationFailure("业主坚持空置期全免")), 30_000);

        tracked.Executed.MessagesOf<MediationOutcomeReached>().ShouldHaveSingleItem()
            .ShouldBe(new MediationOutcomeReached(id, started.Number, MediationResult.Failed, raised.Id, MediatorActor, Now));
        (await Get<FeeDisputeDetails>(Tokens.Clerk, $"/api/fee-disputes/{raised.Id}")).MediationResult.ShouldBe(MediationResult.Failed);
    }

    [Fact]
    public async Task a_fee_dispute_case_whose_party_refuses_reports_not_mediated_and_other_cases_report_nothing()
    {
        var raised = (await (await Post(Tokens.Clerk, "/api/fee-disputes", new RaiseFeeDispute(
            DisputeRaiser.Company, "PC45", "CP010101", "5号楼1单元303", new OwnerInput("孙七", "13600005555"),
            new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 900m), 201)).ReadAsJsonAsync<FeeDisputeRaisedResponse>())!;
        var id = (await (await Post(Tokens.Mediator, $"/api/fee-disputes/{raised.Id}/mediation", new ReferFeeDisputeToMediation(), 201))
            .ReadAsJsonAsync<MediationStarted>())!.MediationCaseId;
        var other = (await Open()).Id;

        var refused = await Tracked(() => Act(id, "consent", new RecordConsent(PartySide.Respondent, false)), 30_000);
        var otherRefused = await Tracked(() => Act(other, "consent", new RecordConsent(PartySide.Respondent, false)), 30_000);

        refused.Executed.MessagesOf<MediationOutcomeReached>().ShouldHaveSingleItem().Result.ShouldBe(MediationResult.NotMediated);
        otherRefused.AllRecordsInOrder().Select(r => r.Message).OfType<MediationOutcomeReached>().ShouldBeEmpty();
    }
}
