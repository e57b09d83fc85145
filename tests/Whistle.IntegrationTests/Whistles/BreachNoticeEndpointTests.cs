using Alba;
using Shouldly;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Whistle.Whistles;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests.Whistles;

/// <summary>
/// 通报 over HTTP, in a county of the test's own: a missed sign-for schedules its notice the policy's interval after the
/// miss; played then, a breach still uncured is published and listed for the office, one cured is not. Deadlines are the
/// messages the service scheduled, delivered on demand with the shared clock moved.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class BreachNoticeEndpointTests(AppFixture app) : IntegrationContext(app)
{
    /// <summary>An illegal-parking whistle (公安 leads, 城管 co-handles) blown by the community of the compound, and its sign-for deadlines.</summary>
    private async Task<(Guid Whistle, IReadOnlyList<WhistleDeadlineReached> SignFor)> Blown(string county, Tokens.User community, string compound)
    {
        var lodged = await Lodge(community, NewComplaint(compound, "illegal-parking"), county);
        await Post(community, $"/api/complaints/{lodged.Id}/accept", new { }, county: county);
        IScenarioResult blown = null!;
        var tracked = await Tracked(async () =>
            blown = await Post(community, $"/api/complaints/{lodged.Id}/whistle", new BlowWhistle("请公安、城管到现场处置"), 201, county), 30_000);
        var whistle = (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        return (whistle, [.. tracked.DeadlinesOf(whistle).Where(m => m.Kind == DeadlineKind.SignFor)]);
    }

    private Task<ITrackedSession> Deliver(string county, object message) =>
        Tracked(bus => bus.InvokeForTenantAsync(county, message), 30_000);

    private void MoveClockTo(DateTimeOffset at) => App.Clock.Advance(at - App.Clock.GetUtcNow());

    [Fact]
    public async Task a_breach_still_uncured_is_published_and_listed_newest_first_within_scope_and_a_cured_one_is_not()
    {
        var county = await App.NewCountyAsync();
        var (east, eastSignFor) = await Blown(county, Tokens.Community, "CP010101");
        var (west, westSignFor) = await Blown(county, Tokens.OtherCommunity, "CP020101");
        MoveClockTo(eastSignFor[0].DueAt.AddMinutes(1));

        // Both departments of both whistles miss the sign-for; each miss schedules its notice.
        var notices = new List<BreachNoticeDue>();
        foreach (var missed in eastSignFor.Concat(westSignFor))
            notices.AddRange((await Deliver(county, missed)).Scheduled.MessagesOf<BreachNoticeDue>());
        notices.Count.ShouldBe(4);
        var overdueAt = App.Clock.GetUtcNow();
        await using (var session = App.Store.QuerySession(county))
        {
            var notice = WhistleWindows.BreachNoticeAt(WhistleType.Routine, overdueAt,
                await DeadlinePolicy.CurrentAsync(session, CancellationToken.None), await CountyCalendar.CurrentAsync(session, CancellationToken.None));
            notices.ShouldAllBe(n => n.NoticeAt == notice && n.OverdueSince == overdueAt && n.PolicyVersion == 1);
        }

        // 城管 of the east whistle cures its breach by signing for late; the others stay uncured.
        await Post(Tokens.Chengguan, $"/api/whistles/{east}/assignments/chengguan/sign-for", new { }, county: county);
        MoveClockTo(notices[0].NoticeAt);
        foreach (var notice in notices.Where(n => n.WhistleId == east)) await Deliver(county, notice);
        var westPublishedAt = new List<DateTimeOffset>();
        foreach (var department in new[] { "gongan", "chengguan" })
        {
            App.Clock.Advance(TimeSpan.FromMinutes(5));
            westPublishedAt.Add(App.Clock.GetUtcNow());
            await Deliver(county, notices.Single(n => n.WhistleId == west && n.Department == department));
        }
        // Delivered again, a notice already published does nothing.
        await Deliver(county, notices.First(n => n.WhistleId == west));

        var published = (await EventsOf(east, county)).Select(e => e.Data).OfType<BreachNoticePublished>().ShouldHaveSingleItem();
        (published.Department, published.Missed, published.DueAt, published.OverdueSince, published.At)
            .ShouldBe(("gongan", DeadlineKind.SignFor, eastSignFor[0].DueAt, overdueAt, notices[0].NoticeAt));
        published.Told.ShouldBe([Audience.Office, Audience.Officers("gongan")]);
        (await EventsOf(west, county)).Count(e => e.Data is BreachNoticePublished).ShouldBe(2);

        var all = await Get<List<BreachNotice>>(Tokens.Office, "/api/breach-notices", county);
        all.Select(n => (n.WhistleId, n.Department, n.PublishedAt)).ShouldBe(
            [(west, "chengguan", westPublishedAt[1]), (west, "gongan", westPublishedAt[0]), (east, "gongan", notices[0].NoticeAt)]);
        all.Select(n => n.SubDistrictCode).ShouldBe(["SD02", "SD02", "SD01"]);
        (all[2].MissedLabel, all[2].DueAt, all[2].OverdueSince).ShouldBe(("未按时签收", eastSignFor[0].DueAt, overdueAt));
        all[2].ComplaintNumber.ShouldStartWith("TS-");
        (await Get<List<BreachNotice>>(Tokens.SubDistrict, "/api/breach-notices", county)).Select(n => n.WhistleId).ShouldBe([east]);
        (await Get<List<BreachNotice>>(Tokens.Analyst, "/api/breach-notices", county)).Count.ShouldBe(3);
        await Send(Tokens.Community, x => x.Get.Url("/api/breach-notices"), 403, county);
        await Send(Tokens.Gongan, x => x.Get.Url("/api/breach-notices"), 403, county);

        var details = await Get<WhistleDetails>(Tokens.Office, $"/api/whistles/{east}", county);
        details.BreachNotices.ShouldBe([new WhistleDetails.BreachNoticeView("gongan", DeadlineKind.SignFor, eastSignFor[0].DueAt, overdueAt, notices[0].NoticeAt)]);
    }
}
