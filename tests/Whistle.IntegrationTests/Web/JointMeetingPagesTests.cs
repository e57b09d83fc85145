using System.Net;
using Alba;
using Shouldly;
using Whistle.JointMeetings.Meetings;
using Whistle.Kernel;
using Whistle.JointMeetings.Worklist;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.Web;

/// <summary>
/// The joint-meeting office's pages: the worklist, the meetings, one meeting and its printable minutes. They read with
/// the API's own queries (a role the API answers 403 meets the 404 page), and each form runs the API's own command
/// (PageCommands): what it appends is read back through the API, what the API refuses the page refuses with the same
/// status and nothing appended. The worklist is built by the async daemon: a step it must see is followed by a wait for
/// the daemon, never a sleep. A rejection must come within its window, so the class runs apart from the tests that move
/// the shared clock.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class JointMeetingPagesTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly RejectAssignment Reject = new("《城市道路管理条例》第二条", "小区内部道路属物业管理区域，不属城市道路。");

    /// <summary>An accepted illegal-parking complaint in 东关社区, whistled: 公安 (lead) and 城管.</summary>
    private async Task<Guid> BlownWhistle()
    {
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"));
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", new { });
        IScenarioResult blown = null!;
        await AfterDaemon(async () =>
            blown = await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/whistle", new BlowWhistle("请公安、城管到现场处置占用消防通道车辆"), 201));
        return (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
    }

    /// <summary>A whistle whose 城管 assignment is rejected, the worklist caught up with it.</summary>
    private async Task<Guid> RejectedByChengguan()
    {
        var whistle = await BlownWhistle();
        await AfterDaemon(() => Post(Tokens.Chengguan, $"/api/whistles/{whistle}/assignments/chengguan/reject", Reject));
        return whistle;
    }

    private async Task<Guid> Convened(string venue = "县政府三楼会议室")
    {
        var result = await Post(Tokens.Office, "/api/joint-meetings",
            new ConveneJointMeeting(App.Clock.GetUtcNow().AddHours(2), "县联席办主任", ["chengguan", "gongan"], venue), 201);
        return (await result.ReadAsJsonAsync<JointMeetingConvenedResponse>())!.Id;
    }

    private Task<JointMeetingDetails> Meeting(Guid id) => Get<JointMeetingDetails>(Tokens.Office, $"/api/joint-meetings/{id}");

    /// <summary>The rejections of 城管 awaiting a ruling, the newest last: the page that holds them, last page first.</summary>
    private const string ChengguanRulings = "/joint-meetings/worklist?kind=AwaitingRuling&department=chengguan&pageSize=100&page=1000";

    [Fact]
    public async Task the_worklist_lists_a_rejection_awaiting_a_ruling_linking_its_whistle_with_a_ruling_form()
    {
        var whistle = await RejectedByChengguan();
        var browser = await SignedIn("office");

        var (response, html) = await browser.GetAsync(ChengguanRulings);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<h1>联席办待办</h1>");
        html.ShouldContain($"<tr data-whistle=\"{whistle}\" data-kind=\"AwaitingRuling\" data-department=\"chengguan\">");
        html.ShouldContain($"href=\"/whistles/{whistle}\"");
        html.ShouldContain($"id=\"{WorklistPage.FormName(whistle, "chengguan")}\"");
        html.ShouldContain($"href=\"{ChengguanRulings.Replace("&", "&amp;", StringComparison.Ordinal)}#{WorklistPage.FormName(whistle, "chengguan")}\"");
        html.ShouldContain("退单待审定");
    }

    [Fact]
    public async Task the_office_overrules_a_rejection_from_the_worklist_and_the_api_shows_the_department_handling_it_again()
    {
        var whistle = await RejectedByChengguan();
        var browser = await SignedIn("office");
        var (_, page) = await browser.GetAsync(ChengguanRulings);

        var (posted, _) = await browser.PostFormAsync(ChengguanRulings, page, WorklistPage.FormName(whistle, "chengguan"),
            ("Ruling", "Overruled"), ("Reason", "占道停车属城管执法事项。"), ("ReassignTo", ""));

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.PathAndQuery.ShouldBe("/joint-meetings/worklist?done=overruled");
        var chengguan = (await Get<WhistleDetails>(Tokens.Office, $"/api/whistles/{whistle}")).Find("chengguan")!;
        chengguan.Status.ShouldNotBe(AssignmentStatus.Rejected);
        var ruled = (await EventsOf(whistle)).Select(e => e.Data).OfType<RejectionArbitrated>().ShouldHaveSingleItem();
        (ruled.Department, ruled.Ruling, ruled.Reason).ShouldBe(("chengguan", ArbitrationRuling.Overruled, "占道停车属城管执法事项。"));
    }

    [Fact]
    public async Task an_upheld_ruling_without_the_department_to_reassign_to_is_the_apis_400_and_nothing_is_appended()
    {
        var whistle = await RejectedByChengguan();
        var browser = await SignedIn("office");
        var (_, page) = await browser.GetAsync(ChengguanRulings);
        var before = (await EventsOf(whistle)).Count;

        var (refused, html) = await browser.PostFormAsync(ChengguanRulings, page, WorklistPage.FormName(whistle, "chengguan"),
            ("Ruling", "Upheld"), ("Reason", "属物业管理区域。"), ("ReassignTo", ""));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("role=\"alert\"");
        html.ShouldContain("class=\"field-error\"");
        html.ShouldContain("aria-invalid=\"true\"");
        (await EventsOf(whistle)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task a_department_officer_meets_the_404_page_where_the_api_answers_403()
    {
        var meeting = await Convened();
        var browser = await SignedIn("chengguan");

        foreach (var url in new[] { "/joint-meetings/worklist", "/joint-meetings", $"/joint-meetings/{meeting}" })
        {
            var (response, html) = await browser.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            html.ShouldContain("页面不存在");
        }
        await Send(Tokens.Chengguan, s => s.Get.Url($"/api/joint-meetings/{meeting}"), 403);
    }

    [Fact]
    public async Task a_supervisor_reads_the_worklist_and_the_meeting_without_any_form()
    {
        var meeting = await Convened();
        var browser = await SignedIn("supervisor");

        var (list, listHtml) = await browser.GetAsync("/joint-meetings/worklist");
        var (one, html) = await browser.GetAsync($"/joint-meetings/{meeting}");

        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        listHtml.ShouldNotContain("name=\"Ruling\"");
        one.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("县政府三楼会议室");
        html.ShouldContain("待召开");
        html.ShouldNotContain("name=\"_handler\"");
    }

    [Fact]
    public async Task the_office_convenes_a_meeting_on_the_page_at_a_china_time_and_the_api_reads_it()
    {
        var venue = $"县政府会议室 {Guid.NewGuid():N}";
        var browser = await SignedIn("office");
        var (_, page) = await browser.GetAsync("/joint-meetings");

        var (posted, _) = await browser.PostFormAsync("/joint-meetings", page, "convene",
            ("ScheduledAt", "2026-12-10T09:00"), ("Chair", "县联席办主任"), ("Venue", venue), ("Members", "chengguan"), ("Members", "zhujian"));

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var path = posted.Headers.Location!.PathAndQuery;
        path.ShouldStartWith("/joint-meetings/");
        path.ShouldEndWith("?done=convened");
        var meeting = await Meeting(Guid.Parse(path["/joint-meetings/".Length..^"?done=convened".Length]));
        (meeting.ScheduledAt, meeting.Chair, meeting.Venue).ShouldBe((new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(8)), "县联席办主任", venue));
        meeting.Members.ShouldBe(["chengguan", "zhujian"]);
        var (_, after) = await browser.GetAsync(path);
        after.ShouldContain("已召集会议。");
        after.ShouldContain("2026-12-10 09:00");
    }

    [Fact]
    public async Task a_convene_form_without_members_is_the_apis_400_and_no_meeting_is_convened()
    {
        var venue = $"县政府会议室 {Guid.NewGuid():N}";
        var browser = await SignedIn("office");
        var (_, page) = await browser.GetAsync("/joint-meetings");

        var (refused, html) = await browser.PostFormAsync("/joint-meetings", page, "convene",
            ("ScheduledAt", "2026-12-10T09:00"), ("Chair", "县联席办主任"), ("Venue", venue));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("至少一个成员单位。At least one member department.");
        html.ShouldContain("id=\"convene-members-error\"");
        (await Get<List<JointMeetingSummary>>(Tokens.Office, "/api/joint-meetings")).ShouldNotContain(m => m.Venue == venue);
    }

    [Fact]
    public async Task the_office_runs_a_meeting_on_its_page_from_the_agenda_to_the_printable_minutes()
    {
        var whistle = await BlownWhistle();
        var id = await Convened();
        var browser = await SignedIn("office");
        var url = $"/joint-meetings/{id}";
        async Task<string> Step(string form, string done, params (string, string)[] values)
        {
            var (_, page) = await browser.GetAsync(url);
            var (posted, html) = await browser.PostFormAsync(url, page, form, values);
            posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, html);
            posted.Headers.Location!.PathAndQuery.ShouldBe($"{url}?done={done}");
            return (await browser.GetAsync(posted.Headers.Location.PathAndQuery)).Html;
        }

        await Step("add-item", "added", ("WhistleId", whistle.ToString()), ("RejectionOf", ""), ("Reason", "群众多次反映，需多部门协调。"));
        var held = await Step("hold", "held", ("Present-chengguan", "true"), ("Attendee-chengguan", "城管局副局长"),
            ("Present-gongan", "false"), ("Attendee-gongan", ""), ("Absence-gongan", "公务外出"));
        held.ShouldNotContain("name=\"_handler\" value=\"hold\"");
        held.ShouldNotContain("name=\"_handler\" value=\"add-item\"");
        var deadline = MeetingForms.LocalValue(App.Clock.GetUtcNow().AddDays(5));
        await Step("adopt", "adopted", ("ItemNumber", "1"), ("Lead", "chengguan"), ("CoHandling", "gongan"),
            ("Action", "三日内清理消防通道并设置隔离桩"), ("Deadline", deadline), ("Basis", "《消防法》第二十八条"));
        var resolution = (await Meeting(id)).Resolutions.ShouldHaveSingleItem();
        await Step("correct", "corrected", ("ResolutionId", resolution.Id.ToString()), ("Correction", "隔离桩改为地面划线"), ("Reason", "消防车道需保持通行"));
        await Step("record-action", "action-recorded", ("ResolutionId", resolution.Id.ToString()), ("DoneText", "已清理，现场复查通道畅通。"));
        var published = await Step("publish", "published");

        var meeting = await Meeting(id);
        meeting.Items.ShouldHaveSingleItem().WhistleId.ShouldBe(whistle);
        meeting.Attendance.ShouldBe([new MemberAttendance("chengguan", true, "城管局副局长", null), new MemberAttendance("gongan", false, null, "公务外出")]);
        var adopted = meeting.Resolutions.ShouldHaveSingleItem();
        (adopted.Lead, adopted.CoHandling.Single(), adopted.Action, adopted.Deadline, adopted.Basis)
            .ShouldBe(("chengguan", "gongan", "三日内清理消防通道并设置隔离桩", CountyTime.ParseLocal(deadline)!.Value, "《消防法》第二十八条"));
        adopted.Corrections.ShouldHaveSingleItem().Correction.ShouldBe("隔离桩改为地面划线");
        adopted.Actions.ShouldHaveSingleItem().Done.ShouldBe("已清理，现场复查通道畅通。");
        meeting.MinutesPublishedAt.ShouldNotBeNull();
        published.ShouldContain($"href=\"/joint-meetings/{id}/minutes\"");
        published.ShouldContain($"href=\"/whistles/{adopted.WhistleId}\"");

        var (minutes, minutesHtml) = await browser.GetAsync($"/joint-meetings/{id}/minutes");
        minutes.StatusCode.ShouldBe(HttpStatusCode.OK);
        minutesHtml.ShouldContain("<h1>联席会议纪要</h1>");
        minutesHtml.ShouldContain("城管局副局长");
        minutesHtml.ShouldContain("公务外出");
        minutesHtml.ShouldContain("三日内清理消防通道并设置隔离桩");
        minutesHtml.ShouldContain("隔离桩改为地面划线");
        minutesHtml.ShouldContain("已清理，现场复查通道畅通。");
        minutesHtml.ShouldContain("class=\"minutes-sheet\"");
    }

    [Fact]
    public async Task the_office_proposes_the_agenda_from_its_worklist_on_the_meeting_page()
    {
        var whistle = await RejectedByChengguan();
        var id = await Convened();
        var browser = await SignedIn("office");
        var (_, page) = await browser.GetAsync($"/joint-meetings/{id}");
        page.ShouldContain($"value=\"{whistle}:chengguan\"");

        var (posted, _) = await browser.PostFormAsync($"/joint-meetings/{id}", page, "propose", ("Candidates", $"{whistle}:chengguan"));

        posted.Headers.Location!.PathAndQuery.ShouldBe($"/joint-meetings/{id}?done=proposed");
        var item = (await Meeting(id)).Items.ShouldHaveSingleItem();
        (item.WhistleId, item.RejectionOf, item.FromWorklist).ShouldBe((whistle, "chengguan", true));
    }

    [Fact]
    public async Task a_present_member_without_its_attendee_is_the_apis_400_beside_the_field_and_the_meeting_is_not_held()
    {
        var id = await Convened();
        var browser = await SignedIn("office");
        var (_, page) = await browser.GetAsync($"/joint-meetings/{id}");
        var before = (await EventsOf(id)).Count;

        var (refused, html) = await browser.PostFormAsync($"/joint-meetings/{id}", page, "hold",
            ("Present-chengguan", "true"), ("Attendee-chengguan", ""), ("Present-gongan", "false"), ("Attendee-gongan", ""), ("Absence-gongan", ""));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"hold-attendee-chengguan-error\"");
        html.ShouldContain("role=\"alert\"");
        (await EventsOf(id)).Count.ShouldBe(before);
        (await Meeting(id)).HeldAt.ShouldBeNull();
    }

    [Fact]
    public async Task a_meeting_page_read_before_another_change_is_refused_with_409_and_appends_nothing()
    {
        var whistle = await BlownWhistle();
        var id = await Convened();
        var browser = await SignedIn("office");
        var (_, stale) = await browser.GetAsync($"/joint-meetings/{id}");
        await Post(Tokens.Office, $"/api/joint-meetings/{id}/agenda/items", new AddAgendaItem(whistle, null, "群众多次反映"));
        var before = (await EventsOf(id)).Count;

        var (refused, html) = await browser.PostFormAsync($"/joint-meetings/{id}", stale, "hold",
            ("Present-chengguan", "true"), ("Attendee-chengguan", "城管局副局长"), ("Present-gongan", "true"), ("Attendee-gongan", "公安局副局长"));

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        html.ShouldContain("role=\"alert\"");
        (await EventsOf(id)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task the_minutes_page_is_404_until_the_minutes_are_published()
    {
        var id = await Convened();
        var browser = await SignedIn("office");

        var (response, html) = await browser.GetAsync($"/joint-meetings/{id}/minutes");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("页面不存在");
    }
}
