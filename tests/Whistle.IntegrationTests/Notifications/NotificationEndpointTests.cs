using Alba;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Complaints;
using Whistle.County.Staff;
using Whistle.Kernel;
using Whistle.Notifications;
using Whistle.Whistles;
using Wolverine;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests.Notifications;

/// <summary>
/// Who is told, over the real pipeline: the event, the notification subscription (each step followed by a wait until
/// the daemon has handled its events and what they set off — never a sleep), the notifications, the outbound notices through the fake provider.
/// Each test works in a county of its own, whose sample staff have the users.tsv contacts.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class NotificationEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    /// <summary>An accepted illegal-parking complaint in 东关社区: the catalogue routes it to 公安 (lead) and 城管.</summary>
    private async Task<LodgedComplaint> AcceptedComplaint(string county)
    {
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"), county);
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", Empty, county: county);
        return lodged;
    }

    /// <summary>Blows a whistle on a new complaint and waits until everyone it tells has been told.</summary>
    private async Task<(Guid Whistle, string Number, ITrackedSession Tracked)> Blow(string county, Tokens.User? by = null, BlowWhistle? command = null)
    {
        var complaint = await AcceptedComplaint(county);
        IScenarioResult result = null!;
        var tracked = await AfterDaemon(async () => result = await Post(by ?? Tokens.Community, $"/api/complaints/{complaint.Id}/whistle",
            command ?? new BlowWhistle("请公安、城管到现场处置占用消防通道车辆"), 201, county));
        return ((await result.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId, complaint.Number, tracked);
    }

    private Task<NotificationPage> Page(Tokens.User user, string county, string query = "") =>
        Get<NotificationPage>(user, "/api/me/notifications" + query, county);

    private async Task<List<Notification>> About(Guid whistle, Tokens.User user, string county) =>
        [.. (await Page(user, county, "?pageSize=100")).Items.Where(n => n.CaseId == whistle)];

    [Fact]
    public async Task the_officers_of_the_departments_a_whistle_is_blown_on_find_it_and_mark_it_read()
    {
        var county = await App.NewCountyAsync();

        var (whistle, number, tracked) = await Blow(county);

        tracked.Executed.MessagesOf<NotifyAudience>().Where(n => n.CaseId == whistle).ShouldHaveSingleItem().Told
            .ShouldBe([Audience.Officers("gongan"), Audience.Officers("chengguan")]);
        var page = await Page(Tokens.Gongan, county);
        (page.Total, page.Unread).ShouldBe((1, 1));
        var notification = page.Items.ShouldHaveSingleItem();
        notification.Kind.ShouldBe(NoticeKind.Assigned);
        (notification.CaseId, notification.Link).ShouldBe((whistle, $"/api/whistles/{whistle}"));
        notification.Title.ShouldBe($"新派单：{number}");
        notification.Body.ShouldStartWith("社区吹哨（日常哨），由县公安局牵头，县城市管理局配合办理，请于 ");
        notification.Delivery.ShouldBe(new NoticeDelivery(NoticeChannel.Sms, notification.CreatedAt, 1));
        (await About(whistle, Tokens.Chengguan, county)).ShouldHaveSingleItem().Kind.ShouldBe(NoticeKind.Assigned);
        (await Page(Tokens.Community, county)).Items.ShouldBeEmpty();
        App.Gateway.CallsTo("13800000006").Where(c => c.Text.Contains(whistle.ToString(), StringComparison.Ordinal))
            .ShouldHaveSingleItem().Text.ShouldStartWith($"【吹哨报到】新派单：{number}。社区吹哨（日常哨），由县公安局牵头");

        var read = await Post(Tokens.Gongan, $"/api/me/notifications/{notification.Id}/read", Empty, county: county);
        var readAt = (await read.ReadAsJsonAsync<Notification>())!.ReadAt.ShouldNotBeNull();
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = await Post(Tokens.Gongan, $"/api/me/notifications/{notification.Id}/read", Empty, county: county);

        (await again.ReadAsJsonAsync<Notification>())!.ReadAt.ShouldBe(readAt);
        (await Page(Tokens.Gongan, county, "?unread=true")).ShouldSatisfyAllConditions(p => p.Items.ShouldBeEmpty(), p => p.Unread.ShouldBe(0));
        (await Page(Tokens.Gongan, county, "?unread=false")).Items.ShouldHaveSingleItem().ReadAt.ShouldBe(readAt);
    }

    [Fact]
    public async Task an_escalation_to_the_joint_meeting_tells_the_office_and_the_next_one_the_county_supervisors()
    {
        var county = await App.NewCountyAsync();
        var (whistle, number, blown) = await Blow(county, Tokens.SubDistrict);
        var signFor = blown.DeadlinesOf(whistle).Single(m => m.Department == "gongan" && m.Kind == DeadlineKind.SignFor);
        await Post(Tokens.Chengguan, $"/api/whistles/{whistle}/assignments/chengguan/sign-for", Empty, county: county);
        App.Clock.Advance(TimeSpan.FromHours(25));

        var escalation = await AfterDaemon(() => Host.MessageBus().InvokeForTenantAsync(county, signFor));

        var office = (await About(whistle, Tokens.Office, county)).ShouldHaveSingleItem();
        office.Kind.ShouldBe(NoticeKind.Escalated);
        office.Title.ShouldBe($"升级：{number} 已升至联席会议");
        office.Body.ShouldStartWith("县公安局未按时签收，吹哨由街道升至联席会议；新的签收时限为 ");
        (await About(whistle, Tokens.Gongan, county)).Select(n => n.Kind).ShouldBe([NoticeKind.Escalated, NoticeKind.Assigned]);
        (await About(whistle, Tokens.Supervisor, county)).ShouldBeEmpty();

        var renewed = escalation.DeadlinesOf(whistle).ShouldHaveSingleItem();
        App.Clock.Advance(TimeSpan.FromHours(25));
        await AfterDaemon(() => Host.MessageBus().InvokeForTenantAsync(county, renewed));

        (await About(whistle, Tokens.Supervisor, county)).ShouldHaveSingleItem().Title.ShouldBe($"升级：{number} 已升至县级督办");
        (await About(whistle, Tokens.Office, county)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_failing_gateway_is_retried_and_never_fails_or_waits_for_the_command()
    {
        var county = await App.NewCountyAsync();
        var phone = "1390" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Send(Tokens.Admin, x => x.Put.Json(new RecordStaffMember("冯警官", Roles.Department, DepartmentCode: "gongan", Phone: phone),
            JsonStyle.MinimalApi).ToUrl("/api/staff/gongan-feng"), 200, county);
        App.Gateway.FailFirst(phone, 2);
        var complaint = await AcceptedComplaint(county);
        var callsWhenAnswered = -1;

        IScenarioResult blown = null!;
        await AfterDaemon(async () =>
        {
            blown = await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/whistle", new BlowWhistle("请公安到场"), 201, county);
            // The notice goes out through the daemon, a notification and a queued send, all after the command's commit:
            // when the command has answered, no provider has been called yet.
            callsWhenAnswered = App.Gateway.CallsTo(phone).Count;
        });

        callsWhenAnswered.ShouldBe(0);
        App.Gateway.CallsTo(phone).Select(c => c.Failed).ShouldBe([true, true, false]);
        var feng = new Tokens.User("gongan-feng", Roles.Department, Department: "gongan");
        var whistle = (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        (await About(whistle, feng, county)).ShouldHaveSingleItem().Delivery.ShouldNotBeNull()
            .ShouldSatisfyAllConditions(d => d.Channel.ShouldBe(NoticeChannel.Sms), d => d.Attempts.ShouldBe(3));
    }

    [Fact]
    public async Task the_same_event_handled_twice_makes_one_notification_per_user_and_sends_once()
    {
        var county = await App.NewCountyAsync();
        var (whistle, _, _) = await Blow(county);
        var notice = WhistleNotices.Of((await EventsOf(whistle, county))[0]).ShouldNotBeNull();

        await Tracked(bus => bus.InvokeForTenantAsync(county, notice), 30_000);
        await Tracked(bus => bus.InvokeForTenantAsync(county, notice), 30_000);

        (await About(whistle, Tokens.Gongan, county)).ShouldHaveSingleItem().Id.ShouldBe(Notification.IdFor(notice.EventId, "gongan"));
        (await About(whistle, Tokens.Chengguan, county)).Count.ShouldBe(1);
        App.Gateway.CallsTo("13800000012").Count(c => c.Text.Contains(whistle.ToString(), StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task a_user_sees_and_marks_only_their_own_notifications()
    {
        var county = await App.NewCountyAsync();
        var (whistle, _, _) = await Blow(county);
        var chengguans = (await About(whistle, Tokens.Chengguan, county)).ShouldHaveSingleItem();

        await Send(Tokens.Gongan, x => x.Post.Json(Empty, JsonStyle.MinimalApi).ToUrl($"/api/me/notifications/{chengguans.Id}/read"), 404, county);
        await Send(Tokens.Chengguan, x => x.Post.Json(Empty, JsonStyle.MinimalApi).ToUrl($"/api/me/notifications/{chengguans.Id}/read"), 404);

        (await Page(Tokens.Gongan, county)).Items.ShouldNotContain(n => n.Id == chengguans.Id);
        (await Page(Tokens.Office, county)).Items.ShouldBeEmpty();
        (await About(whistle, Tokens.Chengguan, county)).ShouldHaveSingleItem().ReadAt.ShouldBeNull();
    }

    [Fact]
    public async Task a_reminder_tells_the_department_again_newest_first_and_read_all_marks_both()
    {
        var county = await App.NewCountyAsync();
        var (whistle, number, blown) = await Blow(county);
        var reminder = blown.Scheduled.MessagesOf<WhistleReminderDue>().Single(m => m.WhistleId == whistle && m.Department == "gongan" && m.Kind == DeadlineKind.SignFor);
        App.Clock.Advance(TimeSpan.FromHours(18));

        await AfterDaemon(() => Host.MessageBus().InvokeForTenantAsync(county, reminder));

        var first = await Page(Tokens.Gongan, county, "?pageSize=1");
        (first.Total, first.Unread, first.Items.Single().Kind).ShouldBe((2, 2, NoticeKind.Reminder));
        first.Items.Single().Title.ShouldBe($"催办：{number} 待签收");
        (await Page(Tokens.Gongan, county, "?pageSize=1&page=2")).Items.Single().Kind.ShouldBe(NoticeKind.Assigned);

        var marked = await Post(Tokens.Gongan, "/api/me/notifications/read-all", Empty, county: county);
        var again = await Post(Tokens.Gongan, "/api/me/notifications/read-all", Empty, county: county);

        (await marked.ReadAsJsonAsync<NotificationsRead>())!.Marked.ShouldBe(2);
        (await again.ReadAsJsonAsync<NotificationsRead>())!.Marked.ShouldBe(0);
        (await Page(Tokens.Gongan, county)).Unread.ShouldBe(0);
        (await About(whistle, Tokens.Chengguan, county)).ShouldHaveSingleItem().ReadAt.ShouldBeNull();
    }

    [Fact]
    public async Task a_whistle_on_a_department_with_no_active_officer_is_blown_flagged_and_tells_nobody_there()
    {
        var county = await App.NewCountyAsync();
        await Send(Tokens.Admin, x => x.Put.Json(new RecordStaffMember("周科长", Roles.Department, DepartmentCode: "zhujian", Active: false),
            JsonStyle.MinimalApi).ToUrl("/api/staff/zhujian"), 200, county);

        var (whistle, _, _) = await Blow(county, command: new BlowWhistle("楼体开裂，请住建鉴定", Lead: "zhujian", CoHandling: ["chengguan"],
            DepartureReason: "房屋安全属住建职责"));

        var details = await Get<WhistleDetails>(Tokens.Office, $"/api/whistles/{whistle}", county);
        details.Assignments.Select(a => (a.Department, a.WithoutActiveOfficer)).ShouldBe([("zhujian", true), ("chengguan", false)]);
        (await EventsOf(whistle, county))[0].Data.ShouldBeOfType<WhistleBlown>().WithoutActiveOfficer.ShouldBe(["zhujian"]);
        (await Page(Tokens.Zhujian, county)).Items.ShouldBeEmpty();
        (await About(whistle, Tokens.Chengguan, county)).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?pageSize=0", "pageSize")]
    public async Task a_page_out_of_range_is_400_naming_it(string query, string field)
    {
        var result = await Send(Tokens.Gongan, x => x.Get.Url("/api/me/notifications" + query), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task malformed_or_unknown_notifications_are_400_or_404_problem_details_and_anonymous_callers_401()
    {
        await Send(Tokens.Gongan, x => x.Get.Url("/api/me/notifications?unread=maybe"), 400);
        var unknown = await Send(Tokens.Gongan, x => x.Post.Json(Empty, JsonStyle.MinimalApi).ToUrl($"/api/me/notifications/{Guid.NewGuid()}/read"), 404);
        await Send(Tokens.Gongan, x => x.Post.Json(Empty, JsonStyle.MinimalApi).ToUrl("/api/me/notifications/not-a-guid/read"), 404);
        await Send(null, x => x.Get.Url("/api/me/notifications"), 401);

        unknown.Context.Response.ContentType.ShouldBe("application/problem+json");
    }
}
