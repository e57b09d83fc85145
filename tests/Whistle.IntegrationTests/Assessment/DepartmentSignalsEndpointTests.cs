using Shouldly;
using Whistle.Assessment;
using Whistle.Assessment.Signals;
using Whistle.Complaints;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.Assessment;

/// <summary>
/// The gaming signals over the real pipeline: the whistle's commands, the async daemon (paused, then caught up on
/// demand — never a sleep), the endpoints with the scorecard's scope, and bad input. Each test works in a county of its own.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class DepartmentSignalsEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    /// <summary>An illegal-parking whistle (公安 lead, 城管 co-handling) that 公安 signs for and then rejects.</summary>
    private async Task<(Guid Whistle, string Month)> SignedForThenRejected(string county)
    {
        var complaint = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"), county);
        await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/accept", Empty, county: county);
        var blown = await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/whistle", new BlowWhistle("请公安、城管到现场处置乱停车辆"), 201, county);
        var whistle = (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/sign-for", Empty, county: county);
        await AfterDaemon(() => Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/reject",
            new RejectAssignment("《道路交通安全法》第九十三条", "小区内部道路不属公安交管职责。"), county: county));
        var events = await EventsOf(whistle, county);
        var month = AssessmentMonth.Of(((WhistleBlown)events[0].Data).Assignments.Single(a => a.Department == "gongan").Deadlines.SignForDue);
        return (whistle, month);
    }

    [Fact]
    public async Task signing_for_then_rejecting_shows_as_a_signal_with_its_events_and_as_a_count_beside_the_score()
    {
        var county = await App.NewCountyAsync();
        var (whistle, month) = await SignedForThenRejected(county);

        var signals = await Get<MonthSignals>(Tokens.Office, $"/api/assessment/departments/{month}/signals", county);

        // Every department with an assignment of the month is listed, with or without a signal.
        signals.Departments.Select(d => (d.Department, d.Counts.Total)).ShouldBe([("chengguan", 0), ("gongan", 1)]);
        var gongan = signals.Departments.Single(d => d.Department == "gongan");
        (gongan.Department, gongan.Month, gongan.Counts).ShouldBe(("gongan", month, new SignalCounts(1, 0, 0, 0)));
        var signal = gongan.Signals.ShouldHaveSingleItem();
        (signal.Kind, signal.WhistleId).ShouldBe((SignalKind.SignedForThenRejected, whistle));
        signal.Events.Select(e => (e.Type, e.StreamId)).ShouldBe([(nameof(AssignmentSignedFor), whistle), (nameof(AssignmentRejected), whistle)]);

        var scorecards = await Get<MonthScorecards>(Tokens.Office, $"/api/assessment/departments/{month}", county);
        scorecards.Scorecards.Single(s => s.Department == "gongan").Signals.ShouldBe(new SignalCounts(1, 0, 0, 0));
        scorecards.Scorecards.Single(s => s.Department == "chengguan").Signals.ShouldBe(SignalCounts.None);
        (await Get<DepartmentSignalsView>(Tokens.Analyst, $"/api/assessment/departments/{month}/gongan/signals", county)).Counts.Total.ShouldBe(1);
    }

    [Fact]
    public async Task a_department_officer_sees_only_its_own_departments_signals()
    {
        var county = await App.NewCountyAsync();
        var (_, month) = await SignedForThenRejected(county);

        (await Get<MonthSignals>(Tokens.Gongan, $"/api/assessment/departments/{month}/signals", county)).Departments
            .ShouldHaveSingleItem().Department.ShouldBe("gongan");
        (await Get<MonthSignals>(Tokens.Chengguan, $"/api/assessment/departments/{month}/signals", county)).Departments
            .ShouldHaveSingleItem().Counts.ShouldBe(SignalCounts.None);
        await Send(Tokens.Chengguan, x => x.Get.Url($"/api/assessment/departments/{month}/gongan/signals"), 404, county);
        var own = await Get<DepartmentSignalsView>(Tokens.Chengguan, $"/api/assessment/departments/{month}/chengguan/signals", county);
        (own.Department, own.Counts, own.Signals.Count).ShouldBe(("chengguan", SignalCounts.None, 0));
    }

    /// <summary>
    /// One document per department on the whistle, composed per month when read: 城管 rejects and is replaced by 住建
    /// (the ruling's assignment, in the month of its own first sign-for due time), 公安 and 住建 reply, the complaint is
    /// resolved and reopened after an unsatisfied follow-up. The reopening reaches the assignments through the whistle's
    /// departments and charges 公安 only: 住建's assignment came from the ruling, which does not carry the complaint.
    /// </summary>
    [Fact]
    public async Task a_reopening_is_charged_to_the_department_whose_reply_stood_and_a_reassigned_department_has_its_own_month()
    {
        var county = await App.NewCountyAsync();
        var complaint = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"), county);
        await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/accept", Empty, county: county);
        var blown = await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/whistle", new BlowWhistle("请公安、城管到现场处置乱停车辆"), 201, county);
        var whistle = (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        await Post(Tokens.Chengguan, $"/api/whistles/{whistle}/assignments/chengguan/reject",
            new RejectAssignment("《城市道路管理条例》第二十七条", "小区内部道路不属城市道路"), county: county);
        await Post(Tokens.Office, $"/api/whistles/{whistle}/assignments/chengguan/arbitrate",
            new ArbitrateRejection(ArbitrationRuling.Upheld, "属物业管理区域，改派住建", "zhujian"), county: county);
        foreach (var (officer, department) in new[] { (Tokens.Gongan, "gongan"), (Tokens.Zhujian, "zhujian") })
        {
            await Post(officer, $"/api/whistles/{whistle}/assignments/{department}/sign-for", Empty, county: county);
            await Post(officer, $"/api/whistles/{whistle}/assignments/{department}/reply", new ReplyToAssignment("已到场处置"), county: county);
        }
        await Post(Tokens.Community, $"/api/whistles/{whistle}/conclude", new ConcludeWhistle([new("gongan", 4, null), new("zhujian", 4, null)]), county: county);
        await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/resolve", new ResolveComplaint("部门已处置完毕"), county: county);
        await Post(Tokens.Community, $"/api/complaints/{complaint.Id}/follow-up", new RecordFollowUp(Satisfaction.Unsatisfied, "车辆仍在"), county: county);
        await AfterDaemon(() => Post(Tokens.Community, $"/api/complaints/{complaint.Id}/reopen", new ReopenComplaint("回访不满意"), county: county));
        var events = await EventsOf(whistle, county);
        var month = AssessmentMonth.Of(((WhistleBlown)events[0].Data).Assignments.Single(a => a.Department == "gongan").Deadlines.SignForDue);
        var zhujianMonth = AssessmentMonth.Of(events.Select(e => e.Data).OfType<RejectionArbitrated>().Single().Reassignment!.Deadlines.SignForDue);

        var signals = await Get<MonthSignals>(Tokens.Office, $"/api/assessment/departments/{month}/signals", county);

        signals.Departments.Select(d => d.Department).ShouldBe(zhujianMonth == month ? ["chengguan", "gongan", "zhujian"] : ["chengguan", "gongan"]);
        var signal = signals.Departments.Single(d => d.Department == "gongan").Signals.ShouldHaveSingleItem();
        (signal.Kind, signal.WhistleId, signal.ComplaintId).ShouldBe((SignalKind.ReopenedSoonAfterClosure, whistle, complaint.Id));
        signal.Events.Select(e => (e.Type, e.StreamId)).ShouldBe(
            [(nameof(AssignmentReplied), whistle), ("ComplaintResolved", complaint.Id), ("ComplaintReopened", complaint.Id)]);
        signals.Departments.Where(d => d.Department != "gongan").ShouldAllBe(d => d.Counts.Total == 0);
        var zhujian = await Get<DepartmentSignalsView>(Tokens.Zhujian, $"/api/assessment/departments/{zhujianMonth}/zhujian/signals", county);
        (zhujian.Department, zhujian.Month, zhujian.Counts).ShouldBe(("zhujian", zhujianMonth, SignalCounts.None));
        (await Get<MonthSignals>(Tokens.Zhujian, $"/api/assessment/departments/{zhujianMonth}/signals", county)).Departments
            .ShouldHaveSingleItem().Department.ShouldBe("zhujian");
        (await Get<MonthScorecards>(Tokens.Office, $"/api/assessment/departments/{month}", county)).Scorecards
            .Single(s => s.Department == "gongan").Signals.ShouldBe(new SignalCounts(0, 0, 0, 1));
    }

    [Fact]
    public async Task an_unknown_department_is_404_a_malformed_month_400_and_roles_without_the_assessment_403()
    {
        await Send(Tokens.Office, x => x.Get.Url("/api/assessment/departments/2026-11/nosuch/signals"), 404);
        await Send(Tokens.Office, x => x.Get.Url("/api/assessment/departments/2026-13/signals"), 400);
        await Send(Tokens.Office, x => x.Get.Url("/api/assessment/departments/november/gongan/signals"), 400);
        await Send(Tokens.Community, x => x.Get.Url("/api/assessment/departments/2026-11/signals"), 403);
        await Send(Tokens.SubDistrict, x => x.Get.Url("/api/assessment/departments/2026-11/gongan/signals"), 403);
        await Send(null, x => x.Get.Url("/api/assessment/departments/2026-11/signals"), 401);
    }
}
