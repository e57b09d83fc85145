using Alba;
using Shouldly;
using Whistle.JointMeetings.Meetings;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.JointMeetings;

/// <summary>A joint meeting over HTTP: from an item on the agenda to the minutes, and a resolution's whistle worked by its department.</summary>
[Collection(SharedClock.Name)]
public sealed class JointMeetingEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    /// <summary>An illegal-parking whistle of 东关社区, led by 公安 with 城管.</summary>
    private async Task<(Guid Complaint, Guid Whistle)> Whistled()
    {
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"));
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", Empty);
        var blown = await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/whistle", new BlowWhistle("请公安、城管处置占用消防通道车辆"), 201);
        return (lodged.Id, (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId);
    }

    private async Task<Guid> Convened()
    {
        var result = await Post(Tokens.Office, "/api/joint-meetings",
            new ConveneJointMeeting(App.Clock.GetUtcNow().AddHours(2), "县联席办主任", ["chengguan", "gongan"], "县政府三楼会议室"), 201);
        return (await result.ReadAsJsonAsync<JointMeetingConvenedResponse>())!.Id;
    }

    private Task<IScenarioResult> Hold(Guid meeting, int status = 200) =>
        Post(Tokens.Office, $"/api/joint-meetings/{meeting}/hold", new HoldJointMeeting(
            [new AttendanceInput("chengguan", true, "城管局副局长"), new AttendanceInput("gongan", false, AbsenceReason: "公务外出")]), status);

    private AdoptResolution Resolution(string lead = "chengguan") =>
        new(1, lead, [], "三日内清理消防通道并设置隔离桩", App.Clock.GetUtcNow().AddDays(5), "《消防法》第二十八条");

    [Fact]
    public async Task a_meeting_goes_from_its_agenda_to_minutes_and_its_resolutions_whistle_is_worked_by_the_department()
    {
        var (complaint, whistle) = await Whistled();
        var meeting = await Convened();
        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/agenda/items", new AddAgendaItem(whistle, null, "群众多次反映"));
        await Hold(meeting);

        var adopted = await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/resolutions", Resolution(), 201);
        var dispatched = (await adopted.ReadAsJsonAsync<ResolutionDispatchedResponse>())!;

        var resolutionWhistle = await Get<WhistleDetails>(Tokens.Office, $"/api/whistles/{dispatched.WhistleId}");
        resolutionWhistle.Origin.ShouldBe(new WhistleOrigin(meeting, 1, dispatched.ResolutionId));
        resolutionWhistle.Level.ShouldBe(WhistleLevel.JointMeeting);
        resolutionWhistle.ComplaintId.ShouldBe(complaint);
        resolutionWhistle.Assignments.Select(a => a.Department).ShouldBe(["chengguan"]);
        (await Get<WhistleDetails>(Tokens.Office, $"/api/whistles/{whistle}")).TakenOver.ShouldHaveSingleItem().ByWhistleId.ShouldBe(dispatched.WhistleId);

        var complaintEvents = (await EventsOf(complaint)).Count;
        await Post(Tokens.Chengguan, $"/api/whistles/{dispatched.WhistleId}/assignments/chengguan/sign-for", Empty);
        await Post(Tokens.Chengguan, $"/api/whistles/{dispatched.WhistleId}/assignments/chengguan/reply", new ReplyToAssignment("已清理并设置隔离桩"));
        await Post(Tokens.Community, $"/api/whistles/{dispatched.WhistleId}/conclude",
            new ConcludeWhistle([new DepartmentRating("chengguan", 5, null)]), 404);
        await Post(Tokens.Office, $"/api/whistles/{dispatched.WhistleId}/conclude", new ConcludeWhistle([new DepartmentRating("chengguan", 5, null)]));
        (await EventsOf(complaint)).Count.ShouldBe(complaintEvents);

        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/resolutions/corrections",
            new CorrectResolution(dispatched.ResolutionId, "隔离桩改为划线", "消防车道需保持通行"));
        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/resolutions/actions", new RecordResolutionAction(dispatched.ResolutionId, "已办结"));
        await Send(Tokens.Office, x => x.Get.Url($"/api/joint-meetings/{meeting}/minutes"), 404);
        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/minutes", new PublishMinutes());

        var minutes = await Get<JointMeetingDetails>(Tokens.Analyst, $"/api/joint-meetings/{meeting}/minutes");
        var resolution = minutes.Resolutions.ShouldHaveSingleItem();
        resolution.Action.ShouldBe("三日内清理消防通道并设置隔离桩");
        resolution.Corrections.ShouldHaveSingleItem().Correction.ShouldBe("隔离桩改为划线");
        resolution.Actions.ShouldHaveSingleItem().Done.ShouldBe("已办结");
        minutes.Attendance.Select(a => (a.Department, a.Present)).ShouldBe([("chengguan", true), ("gongan", false)]);
        var page = await Send(Tokens.Supervisor, x => x.Get.Url($"/api/joint-meetings/{meeting}/minutes.html"), 200);
        var html = await page.ReadAsTextAsync();
        html.ShouldContain("<html lang=\"zh-CN\">");
        html.ShouldContain("城管局副局长");
        html.ShouldContain("三日内清理消防通道并设置隔离桩");
        (await Get<IReadOnlyList<JointMeetingSummary>>(Tokens.Office, "/api/joint-meetings")).ShouldContain(m => m.Id == meeting && m.MinutesPublished);
    }

    [Fact]
    public async Task bad_resolutions_are_refused_and_nothing_is_appended()
    {
        var (_, whistle) = await Whistled();
        var meeting = await Convened();
        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/agenda/items", new AddAgendaItem(whistle, null, "群众多次反映"));
        var before = (await EventsOf(meeting)).Count;

        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/resolutions", Resolution(), 409);
        await Hold(meeting);
        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/resolutions", Resolution("nowhere"), 400);
        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/resolutions", Resolution() with { Deadline = null }, 400);
        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/resolutions", Resolution() with { Deadline = App.Clock.GetUtcNow().AddHours(-1) }, 400);
        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/resolutions", Resolution() with { ItemNumber = 9 }, 404);
        await Post(Tokens.Office, $"/api/joint-meetings/{Guid.NewGuid()}/resolutions", Resolution(), 404);

        (await EventsOf(meeting)).Count.ShouldBe(before + 1);
        (await EventsOf(whistle)).Select(e => e.Data).OfType<WhistleTakenOverByMeeting>().ShouldBeEmpty();
    }

    [Fact]
    public async Task an_agenda_item_for_a_concluded_whistle_is_a_conflict()
    {
        var (_, whistle) = await Whistled();
        await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/sign-for", Empty);
        await Post(Tokens.Chengguan, $"/api/whistles/{whistle}/assignments/chengguan/sign-for", Empty);
        await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/reply", new ReplyToAssignment("已处理"));
        await Post(Tokens.Chengguan, $"/api/whistles/{whistle}/assignments/chengguan/reply", new ReplyToAssignment("已处理"));
        await Post(Tokens.Community, $"/api/whistles/{whistle}/conclude",
            new ConcludeWhistle([new DepartmentRating("gongan", 4, null), new DepartmentRating("chengguan", 4, null)]));
        var meeting = await Convened();

        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/agenda", new ProposeAgenda([new AgendaCandidate(whistle)]), 409);
        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/agenda/items", new AddAgendaItem(whistle, null, "复议"), 409);
        (await EventsOf(meeting)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_department_officer_can_neither_see_nor_run_meetings()
    {
        var meeting = await Convened();

        await Send(Tokens.Chengguan, x => x.Get.Url("/api/joint-meetings"), 403);
        await Send(Tokens.Chengguan, x => x.Get.Url($"/api/joint-meetings/{meeting}"), 403);
        await Post(Tokens.Chengguan, "/api/joint-meetings", new ConveneJointMeeting(App.Clock.GetUtcNow(), "某", ["chengguan"], "某地"), 403);
        await Post(Tokens.Chengguan, $"/api/joint-meetings/{meeting}/hold", new HoldJointMeeting([]), 403);
        await Send(Tokens.Office, x => x.Get.Url($"/api/joint-meetings/{Guid.NewGuid()}"), 404);
        (await EventsOf(meeting)).Count.ShouldBe(1);
    }
}
