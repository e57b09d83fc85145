using Alba;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Whistle.Whistles;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests.Whistles;

/// <summary>
/// A rejection over HTTP: only within the assignment's window; it pauses the department's clock, and the office's
/// ruling is reminded and, missed, escalated to county supervision — by the messages the rejection scheduled, played
/// on demand with the shared clock moved, never by waiting.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class RejectionEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly RejectAssignment Reject = new("《城市道路管理条例》第二十七条", "小区内部道路不属城市道路");

    /// <summary>An illegal-parking whistle of 东关社区: 公安 leads, 城管 co-handles.</summary>
    private async Task<Guid> Blown()
    {
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"));
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", new { });
        var blown = await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/whistle", new BlowWhistle("请公安、城管到现场处置"), 201);
        return (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
    }

    private Task<IScenarioResult> RejectAs(Tokens.User officer, Guid whistle, string department, int status = 200) =>
        Post(officer, $"/api/whistles/{whistle}/assignments/{department}/reject", Reject, status);

    private async Task<WhistleDetails> Details(Guid whistle) => await Get<WhistleDetails>(Tokens.Office, $"/api/whistles/{whistle}");

    private Task<ITrackedSession> Deliver(object message) =>
        Tracked(bus => bus.InvokeForTenantAsync(AppFixture.County, message), 30_000);

    /// <summary>What the policy and calendar in force give: the times the tests expect.</summary>
    private async Task<(DeadlinePolicy Policy, CountyCalendar Calendar)> InForce()
    {
        await using var session = App.Store.QuerySession(AppFixture.County);
        return (await DeadlinePolicy.CurrentAsync(session, CancellationToken.None), await CountyCalendar.CurrentAsync(session, CancellationToken.None));
    }

    [Fact]
    public async Task a_rejection_after_the_window_is_409_naming_its_end_and_appends_nothing()
    {
        var blownAt = App.Clock.GetUtcNow();
        var whistle = await Blown();
        var (policy, calendar) = await InForce();
        var end = WhistleWindows.RejectionWindowEnd(WhistleType.Routine, blownAt, policy, calendar);
        (await Details(whistle)).Find("chengguan")!.RejectionWindowEnd.ShouldBe(end);
        App.Clock.Advance(end - App.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));

        var result = await RejectAs(Tokens.Chengguan, whistle, "chengguan", 409);

        var problem = (await result.ReadAsJsonAsync<ProblemDetails>())!;
        problem.Detail!.ShouldContain($"The rejection window closed at {CountyTime.Local(end):yyyy-MM-dd HH:mm zzz}");
        DateTimeOffset.Parse(problem.Extensions["rejectionWindowEnd"]!.ToString()!, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(end);
        (await EventsOf(whistle)).Count.ShouldBe(1);
        (await Details(whistle)).Find("chengguan")!.Status.ShouldBe(AssignmentStatus.Awaiting);
    }

    [Fact]
    public async Task within_the_window_a_rejection_pauses_the_departments_clock_visibly_and_schedules_the_ruling()
    {
        var whistle = await Blown();
        var rejectedAt = App.Clock.GetUtcNow();
        var (policy, calendar) = await InForce();
        var ruling = WhistleWindows.Ruling(WhistleType.Routine, rejectedAt, policy, calendar);

        var tracked = await Tracked(() => RejectAs(Tokens.Chengguan, whistle, "chengguan"), 30_000);

        tracked.Scheduled.MessagesOf<RulingReminderDue>().ShouldHaveSingleItem().ShouldBe(new RulingReminderDue(whistle, "chengguan", ruling.Due));
        tracked.Scheduled.MessagesOf<RulingDeadlineReached>().ShouldHaveSingleItem().ShouldBe(new RulingDeadlineReached(whistle, "chengguan", ruling.Due));
        var events = await EventsOf(whistle);
        events[^2].Data.ShouldBeOfType<AssignmentRejected>().Told.ShouldBe([Audience.Office]);
        events[^1].Data.ShouldBeOfType<AssignmentPaused>().Ruling.ShouldBe(ruling);
        var chengguan = (await Details(whistle)).Find("chengguan")!;
        chengguan.Pauses.ShouldBe([new WhistleDetails.Pause(rejectedAt, null, PauseReason.AwaitingRuling, ruling.Due, ruling.Reminder)]);
        chengguan.PausedSince.ShouldBe(rejectedAt);
        var item = (await Get<DepartmentInbox>(Tokens.Chengguan, "/api/departments/chengguan/inbox")).Items.Single(i => i.WhistleId == whistle);
        (item.Status, item.PausedSince, item.RulingDue, item.PastDue).ShouldBe((AssignmentStatus.Rejected, (DateTimeOffset?)rejectedAt, (DateTimeOffset?)ruling.Due, false));
    }

    [Fact]
    public async Task a_ruling_reminded_then_missed_sends_the_whistle_to_county_supervision_once_and_a_late_ruling_ends_the_pause()
    {
        var whistle = await Blown();
        var rejection = await Tracked(() => RejectAs(Tokens.Chengguan, whistle, "chengguan"), 30_000);
        var reminder = rejection.Scheduled.MessagesOf<RulingReminderDue>().Single();
        var deadline = rejection.Scheduled.MessagesOf<RulingDeadlineReached>().Single();
        var rejected = (AssignmentPaused)(await EventsOf(whistle))[^1].Data;

        App.Clock.Advance(rejected.Ruling.Reminder - App.Clock.GetUtcNow());
        await Deliver(reminder);
        App.Clock.Advance(rejected.Ruling.Due - App.Clock.GetUtcNow());
        await Deliver(deadline);
        await Deliver(deadline);

        var events = (await EventsOf(whistle)).Select(e => e.Data).ToList();
        events.OfType<RulingReminderSent>().ShouldHaveSingleItem().Told.ShouldBe([Audience.Office]);
        events.OfType<RulingOverdue>().ShouldHaveSingleItem().Told.ShouldBe([Audience.Supervisors, Audience.Office]);
        var opened = events.OfType<SupervisionOpened>().ShouldHaveSingleItem();
        (opened.From, opened.To, opened.Department, opened.RulingDue, opened.At)
            .ShouldBe((WhistleLevel.Community, WhistleLevel.CountySupervision, "chengguan", rejected.Ruling.Due, rejected.Ruling.Due));
        (await EventsOf(whistle)).Where(e => e.Data is RulingOverdue or SupervisionOpened or RulingReminderSent)
            .ShouldAllBe(e => e.UserName == ITimePassed.Clock);
        var details = await Details(whistle);
        details.Level.ShouldBe(WhistleLevel.CountySupervision);
        details.Escalations.ShouldHaveSingleItem().RulingOverdue.ShouldBeTrue();
        details.Find("chengguan")!.Pauses.Single().ShouldBe(new WhistleDetails.Pause(
            rejected.At, null, PauseReason.AwaitingRuling, rejected.Ruling.Due, rejected.Ruling.Reminder, RulingReminded: true, RulingOverdue: true));

        App.Clock.Advance(TimeSpan.FromHours(1));
        var ruledAt = App.Clock.GetUtcNow();
        await Post(Tokens.Office, $"/api/whistles/{whistle}/assignments/chengguan/arbitrate",
            new ArbitrateRejection(ArbitrationRuling.Overruled, "占用消防通道属城管配合职责"));

        var chengguan = (await Details(whistle)).Find("chengguan")!;
        (chengguan.Status, chengguan.PausedSince, chengguan.Pauses.Single().To)
            .ShouldBe((AssignmentStatus.SignedFor, (DateTimeOffset?)null, (DateTimeOffset?)ruledAt));
        var (policy, calendar) = await InForce();
        chengguan.ReplyDue.ShouldBe(WhistleDeadlines.Compute(WhistleType.Routine, ruledAt, policy, calendar).ReplyDue);
    }
}
