using Shouldly;
using Whistle.Mediation;

namespace Whistle.IntegrationTests.Mediation;

/// <summary>The docket per mediator: whose cases, the limit and days left, windows closing soon, overdue flags.</summary>
[Collection(SharedClock.Name)]
public sealed class MediationDocketEndpointTests(AppFixture app) : MediationContext(app)
{
    private async Task<MediationDocket.Item> Item(Guid id, Tokens.User user, string query = "") =>
        (await Get<MediationDocket>(user, "/api/mediation/docket" + query)).Items.Where(i => i.MediationCaseId == id).ShouldHaveSingleItem();

    [Fact]
    public async Task a_mediator_sees_the_next_session_and_the_days_left_of_the_one_month_limit()
    {
        var next = Now.AddDays(2);
        var id = await InMediation();
        await Act(id, "sessions", Session(next));
        App.Clock.Advance(TimeSpan.FromDays(10));

        var item = await Item(id, Tokens.Mediator);

        item.Status.ShouldBe(MediationStatus.Accepted);
        item.NextSessionAt.ShouldBe(next);
        item.LimitLastDay.ShouldBe(await WorkingDayFrom(Today.AddDays(-10).AddMonths(1)));
        item.LimitDaysLeft.ShouldBe(item.LimitLastDay!.Value.DayNumber - Today.DayNumber);
        item.Overdue.ShouldBeFalse();
        item.Parties.ShouldBe(["王**", "李**"]);
    }

    [Fact]
    public async Task an_overdue_case_is_flagged_on_the_docket()
    {
        var id = (await Open()).Id;
        var accepted = await Accepted(id);
        await Act(id, "mediator", new AssignMediator("mediator", "吴调解", MediatorSelection.Appointed));
        var elapsed = accepted.Scheduled.MessagesOf<MediationMonthElapsed>().Single();
        App.Clock.Advance(elapsed.DueAt - Now);

        await Play(elapsed);

        var item = await Item(id, Tokens.Mediator);
        item.Overdue.ShouldBeTrue();
        item.LimitDaysLeft.ShouldBe(-1);
    }

    [Fact]
    public async Task a_confirmation_window_with_ten_days_or_fewer_left_is_closing_soon()
    {
        var signedOn = Today;
        var (id, _) = await Agreed();
        var lastDay = await WorkingDayFrom(signedOn.AddDays(30));
        (await Item(id, Tokens.Mediator)).ConfirmationClosingSoon.ShouldBeFalse();
        App.Clock.Advance(TimeSpan.FromDays(lastDay.DayNumber - 10 - signedOn.DayNumber));

        var item = await Item(id, Tokens.Mediator);

        item.ConfirmationLastDay.ShouldBe(lastDay);
        item.ConfirmationDaysLeft.ShouldBe(10);
        item.ConfirmationClosingSoon.ShouldBeTrue();
        item.PerformanceDeadline.ShouldBe(signedOn.AddDays(15));
        item.FollowUpDue.ShouldBeTrue();
    }

    [Fact]
    public async Task a_mediator_reads_only_their_own_docket()
    {
        var mine = await InMediation();
        var theirs = await InMediation(mediator: Tokens.Mediator2);

        var docket = await Get<MediationDocket>(Tokens.Mediator, "/api/mediation/docket");

        docket.Mediator.ShouldBe("mediator");
        docket.Items.ShouldContain(i => i.MediationCaseId == mine);
        docket.Items.ShouldNotContain(i => i.MediationCaseId == theirs);
        docket.Items.ShouldAllBe(i => i.MediatorId == "mediator");
        await Send(Tokens.Mediator, x => x.Get.Url("/api/mediation/docket?mediator=mediator2"), 404);
        (await Get<MediationDocket>(Tokens.Mediator, "/api/mediation/docket?mediator=mediator")).Items.ShouldContain(i => i.MediationCaseId == mine);
    }

    [Fact]
    public async Task every_mediation_reader_reads_any_mediators_docket_and_area_workers_are_refused()
    {
        var theirs = await InMediation(mediator: Tokens.Mediator2);
        var unassigned = (await Open()).Id;

        (await Item(theirs, Tokens.Office, "?mediator=mediator2")).MediatorId.ShouldBe("mediator2");
        (await Item(theirs, Tokens.Clerk, "?mediator=mediator2")).MediatorId.ShouldBe("mediator2");
        var centre = await Get<MediationDocket>(Tokens.Admin, "/api/mediation/docket");
        centre.Items.ShouldContain(i => i.MediationCaseId == theirs);
        centre.Items.ShouldContain(i => i.MediationCaseId == unassigned);
        (await Get<MediationDocket>(Tokens.Clerk, "/api/mediation/docket")).Items.ShouldContain(i => i.MediationCaseId == unassigned);
        await Send(Tokens.Community, x => x.Get.Url("/api/mediation/docket"), 403);
        await Send(Tokens.SubDistrict, x => x.Get.Url("/api/mediation/docket"), 403);
    }
}
