using Alba;
using Shouldly;
using Whistle.County.Staff;
using Whistle.JointMeetings.Worklist;
using Whistle.Kernel;
using Whistle.Whistles;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests.JointMeetings;

/// <summary>
/// The joint-meeting office's worklist over HTTP, built by the real async daemon: each step is followed by a wait
/// until the daemon has handled every event it committed (never a sleep), so the list read next holds what the step appended. Each test has a county of
/// its own; deadlines are the messages the service scheduled, delivered on demand with the shared clock moved.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class JointMeetingWorklistEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private const string Url = "/api/joint-meeting/worklist";
    private static readonly RejectAssignment Reject = new("《城市道路管理条例》第二十七条", "小区内部道路不属城市道路");

    /// <summary>An illegal-parking whistle (公安 leads, 城管 co-handles) blown by the community of the compound, and its sign-for deadlines.</summary>
    private async Task<(Guid Whistle, IReadOnlyList<WhistleDeadlineReached> SignFor)> Blown(string county, Tokens.User community, string compound)
    {
        var lodged = await Lodge(community, NewComplaint(compound, "illegal-parking"), county);
        await Post(community, $"/api/complaints/{lodged.Id}/accept", new { }, county: county);
        IScenarioResult blown = null!;
        var tracked = await AfterDaemon(async () =>
            blown = await Post(community, $"/api/complaints/{lodged.Id}/whistle", new BlowWhistle("请公安、城管到现场处置"), 201, county));
        var whistle = (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        // The tracked session sees the whole host: other tests' whistles schedule their deadlines in it too.
        return (whistle, [.. tracked.Scheduled.MessagesOf<WhistleDeadlineReached>().Where(m => m.WhistleId == whistle && m.Kind == DeadlineKind.SignFor)]);
    }

    private Task<ITrackedSession> Deliver(string county, object message) =>
        AfterDaemon(bus => bus.InvokeForTenantAsync(county, message));

    private void MoveClockTo(DateTimeOffset at) => App.Clock.Advance(at - App.Clock.GetUtcNow());

    private async Task<IReadOnlyList<JointMeetingWorklist.Item>> Items(Tokens.User user, string county, string query = "") =>
        (await Get<JointMeetingWorklist>(user, Url + query, county)).Items;

    private static IEnumerable<(WorklistKind, Guid, string?)> Keys(IEnumerable<JointMeetingWorklist.Item> items) =>
        items.Select(i => (i.Kind, i.WhistleId, i.Department));

    /// <summary>
    /// 东关 (SD01): both departments miss the sign-for, the whistle climbs to the sub-district. 西城 (SD02): 城管 rejects,
    /// awaiting the office's ruling.
    /// </summary>
    private async Task<(Guid East, Guid West, IReadOnlyList<WhistleDeadlineReached> EastSignFor)> OverdueAndAwaitingRuling(string county)
    {
        var (east, eastSignFor) = await Blown(county, Tokens.Community, "CP010101");
        var (west, _) = await Blown(county, Tokens.OtherCommunity, "CP020101");
        await AfterDaemon(() => Post(Tokens.Chengguan, $"/api/whistles/{west}/assignments/chengguan/reject", Reject, county: county));
        MoveClockTo(eastSignFor[0].DueAt.AddMinutes(90));
        foreach (var missed in eastSignFor) await Deliver(county, missed);
        return (east, west, eastSignFor);
    }

    [Fact]
    public async Task the_office_sees_every_open_item_county_wide_with_how_long_it_is_overdue_and_an_item_leaves_when_answered()
    {
        var county = await App.NewCountyAsync();
        var (east, west, eastSignFor) = await OverdueAndAwaitingRuling(county);
        var westDetails = await Get<WhistleDetails>(Tokens.Office, $"/api/whistles/{west}", county);
        var rejection = westDetails.Find("chengguan")!.Pauses.Single();

        var items = await Items(Tokens.Office, county);

        Keys(items).ShouldBe(
        [
            (WorklistKind.AwaitingRuling, west, "chengguan"),
            (WorklistKind.Overdue, east, "chengguan"),
            (WorklistKind.Overdue, east, "gongan"),
        ], ignoreOrder: true);
        var ruling = items.Single(i => i.Kind == WorklistKind.AwaitingRuling);
        (ruling.Since, ruling.DueAt, ruling.Level, ruling.SubDistrictCode, ruling.CommunityCode, ruling.Link)
            .ShouldBe((rejection.From, (DateTimeOffset?)rejection.RulingDue, WhistleLevel.Community, "SD02", "CM0201", $"/api/whistles/{west}"));
        var now = App.Clock.GetUtcNow();
        ruling.OverdueMinutes.ShouldBe(now > rejection.RulingDue ? (long)(now - rejection.RulingDue).TotalMinutes : null);
        ruling.ComplaintNumber.ShouldBe(westDetails.ComplaintNumber);
        var gongan = items.Single(i => i.Department == "gongan");
        (gongan.Missed, gongan.DueAt, gongan.OverdueMinutes, gongan.Level, gongan.SubDistrictCode)
            .ShouldBe(((DeadlineKind?)DeadlineKind.SignFor, (DateTimeOffset?)eastSignFor[0].DueAt, (long?)90, WhistleLevel.SubDistrict, "SD01"));
        items.Select(i => i.Since).ShouldBeInOrder();

        // Read later, the same item is overdue longer: the duration is computed at read time.
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        (await Items(Tokens.Office, county, "?department=gongan")).Single().OverdueMinutes.ShouldBe(120);

        // 公安 signs for late: its overdue item leaves; 城管's stays.
        await AfterDaemon(() => Post(Tokens.Gongan, $"/api/whistles/{east}/assignments/gongan/sign-for", new { }, county: county));
        Keys(await Items(Tokens.Office, county, "?kind=Overdue")).ShouldBe([(WorklistKind.Overdue, east, "chengguan")]);

        // The office overrules 城管's rejection: the ruling item leaves.
        await AfterDaemon(() => Post(Tokens.Office, $"/api/whistles/{west}/assignments/chengguan/arbitrate",
            new ArbitrateRejection(ArbitrationRuling.Overruled, "属本部门职责。", null), county: county));
        Keys(await Items(Tokens.Supervisor, county)).ShouldBe([(WorklistKind.Overdue, east, "chengguan")]);
    }

    [Fact]
    public async Task a_whistle_climbing_to_the_joint_meeting_its_breach_notice_and_a_department_without_officers_are_listed()
    {
        var county = await App.NewCountyAsync();
        var (east, signFor) = await Blown(county, Tokens.Community, "CP010101");
        var firstDue = signFor.Single(m => m.Department == "gongan");

        // 公安 misses its sign-for: the whistle climbs to the sub-district, a renewed sign-for and a notice are scheduled.
        MoveClockTo(firstDue.DueAt.AddMinutes(1));
        var missed = await Deliver(county, firstDue);
        var next = missed.Scheduled.MessagesOf<WhistleDeadlineReached>().Where(m => m.WhistleId == east && m.Department == "gongan" && m.Kind == DeadlineKind.SignFor)
            .Select(m => (At: m.DueAt.AddMinutes(1), Message: (object)m))
            .Concat(missed.Scheduled.MessagesOf<BreachNoticeDue>().Select(m => (At: m.NoticeAt, Message: (object)m)))
            .OrderBy(m => m.At).ToList();
        next.Count.ShouldBe(2);
        // Missed again it climbs to the joint meeting; still uncured, the first miss is published.
        foreach (var (at, message) in next)
        {
            MoveClockTo(at);
            await Deliver(county, message);
        }
        var notice = next.Select(m => m.Message).OfType<BreachNoticeDue>().Single();
        var climbedAt = next.Single(m => m.Message is WhistleDeadlineReached).At;

        var items = (await Items(Tokens.Office, county)).Where(i => i.WhistleId == east).ToList();
        items.Select(i => (i.Kind, i.Department, i.Since, i.DueAt)).ShouldBe(
        [
            (WorklistKind.Overdue, "gongan", firstDue.DueAt.AddMinutes(1), firstDue.DueAt),
            (WorklistKind.AtCountyLevel, null, climbedAt, null),
            (WorklistKind.BreachNotice, "gongan", notice.NoticeAt, firstDue.DueAt),
        ], ignoreOrder: true);
        items.ShouldAllBe(i => i.Level == WhistleLevel.JointMeeting);
        (await Items(Tokens.Office, county, "?level=JointMeeting&kind=AtCountyLevel")).Select(i => i.WhistleId).ShouldBe([east]);

        // 公安 signs for: what it missed is done, its overdue and breach items leave; the whistle stays at the joint meeting.
        await AfterDaemon(() => Post(Tokens.Gongan, $"/api/whistles/{east}/assignments/gongan/sign-for", new { }, county: county));
        Keys(await Items(Tokens.Office, county, "?department=gongan")).ShouldBeEmpty();
        Keys(await Items(Tokens.Office, county, "?kind=AtCountyLevel")).ShouldBe([(WorklistKind.AtCountyLevel, east, (string?)null)]);

        // A whistle on 住建, with no active officer, is listed until an officer of it acts.
        await Send(Tokens.Admin, x => x.Put.Json(new RecordStaffMember("周科长", Roles.Department, DepartmentCode: "zhujian", Active: false),
            JsonStyle.MinimalApi).ToUrl("/api/staff/zhujian"), 200, county);
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"), county);
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", new { }, county: county);
        IScenarioResult blown = null!;
        await AfterDaemon(async () => blown = await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/whistle",
            new BlowWhistle("楼体开裂，请住建鉴定", Lead: "zhujian", CoHandling: ["chengguan"], DepartureReason: "房屋安全属住建职责"), 201, county));
        var unstaffed = (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        var details = await Get<WhistleDetails>(Tokens.Office, $"/api/whistles/{unstaffed}", county);
        var without = (await Items(Tokens.Office, county, "?kind=WithoutActiveOfficer")).ShouldHaveSingleItem();
        (without.WhistleId, without.Department, without.Since, without.DueAt)
            .ShouldBe((unstaffed, "zhujian", details.BlownAt, (DateTimeOffset?)details.Find("zhujian")!.SignForDue));
    }

    [Fact]
    public async Task the_filters_narrow_the_list_in_the_query_and_a_malformed_one_is_400()
    {
        var county = await App.NewCountyAsync();
        var (east, west, _) = await OverdueAndAwaitingRuling(county);

        Keys(await Items(Tokens.Office, county, "?kind=awaitingRuling")).ShouldBe([(WorklistKind.AwaitingRuling, west, "chengguan")]);
        Keys(await Items(Tokens.Office, county, "?department=chengguan")).ShouldBe(
            [(WorklistKind.AwaitingRuling, west, "chengguan"), (WorklistKind.Overdue, east, "chengguan")], ignoreOrder: true);
        Keys(await Items(Tokens.Office, county, "?kind=Overdue&department=gongan")).ShouldBe([(WorklistKind.Overdue, east, "gongan")]);
        Keys(await Items(Tokens.Office, county, "?subDistrictCode=SD02")).ShouldBe([(WorklistKind.AwaitingRuling, west, "chengguan")]);
        (await Items(Tokens.Office, county, "?level=SubDistrict")).Select(i => i.WhistleId).Distinct().ShouldBe([east]);
        (await Items(Tokens.Office, county, "?level=JointMeeting")).ShouldBeEmpty();
        (await Items(Tokens.Office, county, "?kind=BreachNotice")).ShouldBeEmpty();

        foreach (var (query, field) in new[] { ("?kind=Late", "kind"), ("?level=4", "level"), ("?department=%E5%9F%8E%E7%AE%A1", "department"), ("?subDistrictCode=SD%2001", "subDistrictCode") })
        {
            var problem = await Send(Tokens.Office, x => x.Get.Url(Url + query), 400, county);
            (await problem.ReadAsTextAsync()).ShouldContain($"\"{field}\"");
        }
    }

    [Fact]
    public async Task a_sub_district_officer_sees_only_its_own_sub_districts_items_and_departments_and_communities_are_refused()
    {
        var county = await App.NewCountyAsync();
        var (east, _, _) = await OverdueAndAwaitingRuling(county);

        Keys(await Items(Tokens.SubDistrict, county)).ShouldBe(
            [(WorklistKind.Overdue, east, "chengguan"), (WorklistKind.Overdue, east, "gongan")], ignoreOrder: true);
        (await Items(Tokens.SubDistrict, county, "?subDistrictCode=SD02")).ShouldBeEmpty();
        foreach (var countyWide in new[] { Tokens.Clerk, Tokens.Analyst, Tokens.Admin, Tokens.Supervisor })
            (await Items(countyWide, county)).Count.ShouldBe(3);
        await Send(Tokens.Chengguan, x => x.Get.Url(Url), 403, county);
        await Send(Tokens.Community, x => x.Get.Url(Url), 403, county);
        await Send(Tokens.Mediator, x => x.Get.Url(Url), 403, county);
        await Send(null, x => x.Get.Url(Url), 401, county);
    }
}
