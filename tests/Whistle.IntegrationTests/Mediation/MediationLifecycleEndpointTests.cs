using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Mediation;

namespace Whistle.IntegrationTests.Mediation;

/// <summary>Consent, acceptance, the one-month limit played on demand, extension, mediator and sessions, over HTTP.</summary>
[Collection(SharedClock.Name)]
public sealed class MediationLifecycleEndpointTests(AppFixture app) : MediationContext(app)
{
    [Fact]
    public async Task both_consents_then_acceptance_start_the_one_month_limit()
    {
        var id = (await Open()).Id;
        await Act(id, "accept", Empty, 409);
        await Consented(id);
        (await CaseDetails(id)).Status.ShouldBe(MediationStatus.Consented);

        var tracked = await Tracked(() => Act(id, "accept", Empty), 30_000);

        var lastDay = await WorkingDayFrom(Today.AddMonths(1));
        var details = await CaseDetails(id);
        details.Status.ShouldBe(MediationStatus.Accepted);
        details.LimitLastDay.ShouldBe(lastDay);
        details.Parties.ShouldAllBe(p => p.Consented == true);
        tracked.Scheduled.MessagesOf<MediationMonthElapsed>().ShouldHaveSingleItem()
            .ShouldBe(new MediationMonthElapsed(id, MediationTimes.EndOf(lastDay)));
        tracked.Scheduled.Envelopes().Single().ScheduledTime.ShouldBe(MediationTimes.EndOf(lastDay));
        tracked.Scheduled.Envelopes().Single().TenantId.ShouldBe(AppFixture.County);
    }

    [Fact]
    public async Task a_month_ending_on_a_day_the_county_closes_runs_to_the_end_of_the_next_working_day()
    {
        var month = Today.AddMonths(1);
        var county = await CountyClosedOn(month);
        var id = (await Open(county: county)).Id;

        var tracked = await Accepted(id, county);

        (await CaseDetails(id, county: county)).LimitLastDay.ShouldBe(month.AddDays(1));
        tracked.Scheduled.MessagesOf<MediationMonthElapsed>().ShouldHaveSingleItem()
            .ShouldBe(new MediationMonthElapsed(id, MediationTimes.EndOf(month.AddDays(1))));
    }

    [Fact]
    public async Task accepting_twice_appends_once_and_schedules_once()
    {
        var id = (await Open()).Id;
        await Accepted(id);

        var again = await Tracked(() => Act(id, "accept", Empty), 30_000);

        again.Scheduled.MessagesOf<MediationMonthElapsed>().ShouldBeEmpty();
        (await EventsOf(id)).Count(e => e.Data is MediationCaseAccepted).ShouldBe(1);
    }

    [Fact]
    public async Task a_refusal_ends_the_case_not_mediated_with_the_notice_of_other_routes()
    {
        var id = (await Open()).Id;
        await Act(id, "consent", new RecordConsent(PartySide.Applicant, true));

        await Act(id, "consent", new RecordConsent(PartySide.Respondent, false, "不愿与对方见面"));

        var details = await CaseDetails(id);
        details.Status.ShouldBe(MediationStatus.NotMediated);
        details.OtherRoutesNotice.ShouldBe(MediationRules.NotMediatedNotice);
        details.OtherRoutesNotice!.ShouldContain("仲裁、行政、司法");
        details.Parties.Single(p => p.Side == PartySide.Respondent).RefusalReason.ShouldBe("不愿与对方见面");
        details.IsOpen.ShouldBeFalse();
        await Act(id, "accept", Empty, 409);
        await Act(id, "consent", new RecordConsent(PartySide.Respondent, true), 409);
    }

    [Fact]
    public async Task a_session_on_a_case_without_both_consents_is_409_and_appends_nothing()
    {
        var id = (await Open()).Id;
        await Act(id, "consent", new RecordConsent(PartySide.Applicant, true));

        var result = await Act(id, "sessions", Session(), 409);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("lacks both parties' consent");
        (await EventsOf(id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_session_on_a_consented_case_not_yet_accepted_is_409()
    {
        var id = (await Open()).Id;
        await Consented(id);

        var result = await Act(id, "sessions", Session(), 409);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("has not been accepted");
        (await EventsOf(id)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task sessions_record_participants_invitees_minutes_and_the_next_session()
    {
        var id = (await Open()).Id;
        await Accepted(id);
        var next = Now.AddDays(3);

        await Act(id, "sessions", Session(next));

        var session = (await CaseDetails(id)).Sessions.ShouldHaveSingleItem();
        session.Participants.ShouldBe(["王**", "李**"]);
        session.Invited.ShouldHaveSingleItem().ShouldBe(new Invitee("张**", InviteeRole.Expert, "防水工程师"));
        var clear = await Unmasked($"/api/mediation/cases/{id}", Tokens.Mediator);
        (clear["sessions[0].participants[0]"], clear["sessions[0].participants[1]"], clear["sessions[0].invited[0].name"])
            .ShouldBe(("王大妈", "李先生", "张师傅"));
        session.BatchId.ShouldBeNull();
        (await CaseDetails(id)).NextSessionAt.ShouldBe(next);
    }

    [Fact]
    public async Task a_session_dated_in_the_future_or_without_minutes_is_400()
    {
        var id = (await Open()).Id;
        await Accepted(id);

        var result = await Act(id, "sessions", Session() with { HeldAt = Now.AddHours(2), Minutes = " ", Participants = [] }, 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["heldAt", "minutes", "participants"], ignoreOrder: true);
        (await EventsOf(id)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task the_mediator_is_chosen_or_appointed_and_the_case_joins_their_docket()
    {
        var id = (await Open()).Id;

        await Act(id, "mediator", new AssignMediator("mediator2", "郑调解", MediatorSelection.ChosenByParties));
        await Act(id, "mediator", new AssignMediator("mediator2", "郑调解", MediatorSelection.ChosenByParties));

        var details = await CaseDetails(id);
        details.MediatorId.ShouldBe("mediator2");
        details.MediatorSelection.ShouldBe(MediatorSelection.ChosenByParties);
        (await EventsOf(id)).Count(e => e.Data is MediatorAssigned).ShouldBe(1);
        (await Get<MediationDocket>(Tokens.Mediator2, "/api/mediation/docket")).Items.ShouldContain(i => i.MediationCaseId == id);
        var bad = await Act(id, "mediator", new AssignMediator(null, "郑调解", null), 400);
        (await bad.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["mediatorId", "how"], ignoreOrder: true);
    }

    [Fact]
    public async Task the_month_elapsing_flags_the_case_overdue_once()
    {
        var id = (await Open()).Id;
        var accepted = await Accepted(id);
        var elapsed = accepted.Scheduled.MessagesOf<MediationMonthElapsed>().Single();
        App.Clock.Advance(TimeSpan.FromDays(32));

        await Play(elapsed);
        await Play(elapsed);

        var details = await CaseDetails(id);
        details.Overdue.ShouldBeTrue();
        (await EventsOf(id)).Count(e => e.Data is MediationOverdue).ShouldBe(1);
    }

    [Fact]
    public async Task an_extension_with_both_consents_moves_the_limit_and_the_old_message_goes_stale()
    {
        var id = (await Open()).Id;
        var accepted = await Accepted(id);
        var original = accepted.Scheduled.MessagesOf<MediationMonthElapsed>().Single();
        var newEnd = Today.AddMonths(1).AddDays(20);

        var extended = await Tracked(
            () => Act(id, "extend", new ExtendMediation(newEnd, true, true, "需等待漏水鉴定结果")), 30_000);
        App.Clock.Advance(TimeSpan.FromDays(32));
        await Play(original);

        var details = await CaseDetails(id);
        details.LimitLastDay.ShouldBe(newEnd);
        details.Overdue.ShouldBeFalse();
        details.Extensions.ShouldHaveSingleItem().ConsentedBy.ShouldBe([PartySide.Applicant, PartySide.Respondent]);
        var renewed = extended.Scheduled.MessagesOf<MediationMonthElapsed>().ShouldHaveSingleItem();
        renewed.DueAt.ShouldBe(MediationTimes.EndOf(newEnd));
        App.Clock.Advance(TimeSpan.FromDays(21));
        await Play(renewed);
        (await CaseDetails(id)).Overdue.ShouldBeTrue();
    }

    [Fact]
    public async Task an_extension_without_both_consents_or_before_the_current_limit_is_400()
    {
        var id = (await Open()).Id;
        await Accepted(id);

        var result = await Act(id, "extend", new ExtendMediation(Today.AddMonths(2), true, false), 400);
        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["respondentConsents"]);
        var early = await Act(id, "extend", new ExtendMediation(Today.AddDays(5), true, true), 400);
        (await early.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["newEndDate"]);
        (await EventsOf(id)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task a_command_answers_with_the_case_as_it_stands_after_it_and_the_next_expected_version()
    {
        var opened = await Open();

        var first = await Act(opened.Id, "consent", new RecordConsent(PartySide.Applicant, true));
        var second = await Act(opened.Id, "consent", new RecordConsent(PartySide.Respondent, true, ExpectedVersion: 2));

        (await first.ReadAsJsonAsync<MediationCaseAnswer>()).ShouldBe(new MediationCaseAnswer(
            opened.Id, opened.Number, 2, MediationStatus.AwaitingConsent, "待当事人同意", null, null, false, null, null));
        (await second.ReadAsJsonAsync<MediationCaseAnswer>())!.ShouldSatisfyAllConditions(
            a => a.Version.ShouldBe(3), a => a.Status.ShouldBe(MediationStatus.Consented), a => a.StatusLabel.ShouldBe("双方同意待受理"));
    }

    [Fact]
    public async Task a_stale_expected_version_is_409_with_the_current_version()
    {
        var id = (await Open()).Id;

        var result = await Act(id, "consent", new RecordConsent(PartySide.Applicant, true, ExpectedVersion: 5), 409);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Extensions["currentVersion"]!.ToString().ShouldBe("1");
    }
}
