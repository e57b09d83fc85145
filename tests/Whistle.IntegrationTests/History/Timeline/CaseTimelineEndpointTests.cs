using Alba;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Complaints;
using Whistle.FeeDisputes;
using Whistle.History.Timeline;
using Whistle.JointMeetings.Meetings;
using Whistle.Mediation;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.History.Timeline;

/// <summary>A case's timeline over HTTP: every stream that belongs to it, in store order, a sentence per event, paged and scoped.</summary>
[Collection(SharedClock.Name)]
public sealed class CaseTimelineEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    private static string Url(Guid id, string query = "") => $"/api/history/cases/{id}/timeline{query}";

    private Task<TimelinePage> Timeline(Tokens.User user, Guid id, string query = "") => Get<TimelinePage>(user, Url(id, query));

    private static string Local(DateTimeOffset at) => Sentences.Time(at);

    [Fact]
    public async Task a_complaints_timeline_holds_its_whistle_signed_for_replied_and_a_sign_for_the_clock_found_missed()
    {
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"));
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", Empty);
        IScenarioResult blown = null!;
        var tracked = await Tracked(async () =>
            blown = await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/whistle", new BlowWhistle("请公安、城管到现场处置占用消防通道车辆"), 201), 30_000);
        var whistle = (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        var signedAt = App.Clock.GetUtcNow();
        await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/sign-for", Empty);
        await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/reply", new ReplyToAssignment("已清理通道"));
        var missed = tracked.Scheduled.MessagesOf<WhistleDeadlineReached>().Single(m => m.WhistleId == whistle && m.Department == "chengguan" && m.Kind == DeadlineKind.SignFor);
        App.Clock.Advance(TimeSpan.FromHours(25));
        await Tracked(bus => bus.InvokeForTenantAsync(AppFixture.County, missed), 30_000);

        var page = await Timeline(Tokens.Office, lodged.Id);

        page.Number.ShouldBe(lodged.Number);
        page.Streams.Select(s => (s.Id, s.Kind, s.Version)).ShouldBe([(lodged.Id, StreamKind.Complaint, 3L), (whistle, StreamKind.Whistle, 5L)]);
        page.Entries.Select(e => e.EventType).ShouldBe(
        [
            nameof(ComplaintLodged), nameof(ComplaintAccepted), nameof(ComplaintWhistled), nameof(WhistleBlown),
            nameof(AssignmentSignedFor), nameof(AssignmentReplied), nameof(AssignmentOverdue), nameof(WhistleEscalated),
        ]);
        page.Entries.Select(e => e.Sequence).ShouldBeInOrder();
        page.Total.ShouldBe(8);
        page.Entries[4].Zh.ShouldBe($"{Local(signedAt)} 部门经办人 gongan 测试 签收哨单 {lodged.Number}/1中 gongan 的任务（第 2 版）。");
        page.Entries[4].En.ShouldBe($"{Local(signedAt)} Department officer gongan 测试 signed for gongan's part of whistle {lodged.Number}/1 (version 2).");
        var overdue = page.Entries[6];
        (overdue.Actor, overdue.StreamId, overdue.Version, overdue.At).ShouldBe((null, whistle, 4L, App.Clock.GetUtcNow()));
        overdue.Zh.ShouldStartWith($"{Local(App.Clock.GetUtcNow())} 系统（时限） 记录哨单 {lodged.Number}/1中 chengguan 的签收超期");
        var deadlines = (await EventsOf(whistle))[0].Data.ShouldBeOfType<WhistleBlown>().Assignments[0].Deadlines;
        (page.Entries[3].PolicyVersion, page.Entries[3].CalendarVersion).ShouldBe((deadlines.PolicyVersion, deadlines.CalendarVersion));
        page.Entries[3].Zh.ShouldEndWith($"（第 1 版；时限政策第 {deadlines.PolicyVersion} 版，工作日历第 {deadlines.CalendarVersion} 版）。");
    }

    private async Task<(LodgedComplaint Complaint, Guid Whistle)> Whistled()
    {
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"));
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", Empty);
        var blown = await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/whistle", new BlowWhistle("请公安、城管处置占用消防通道车辆"), 201);
        return (lodged, (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId);
    }

    [Fact]
    public async Task a_whistle_a_joint_meeting_took_over_brings_the_meetings_item_and_resolution_on_it_and_the_whistle_it_dispatched()
    {
        var (complaint, whistle) = await Whistled();
        var (_, otherWhistle) = await Whistled();
        var convened = await Post(Tokens.Office, "/api/joint-meetings",
            new ConveneJointMeeting(App.Clock.GetUtcNow().AddHours(2), "县联席办主任", ["chengguan", "gongan"], "县政府三楼会议室"), 201);
        var meeting = (await convened.ReadAsJsonAsync<JointMeetingConvenedResponse>())!.Id;
        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/agenda/items", new AddAgendaItem(whistle, null, "群众多次反映"));
        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/agenda/items", new AddAgendaItem(otherWhistle, null, "另一件"));
        await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/hold", new HoldJointMeeting(
            [new AttendanceInput("chengguan", true, "城管局副局长"), new AttendanceInput("gongan", false, AbsenceReason: "公务外出")]));
        var adopted = await Post(Tokens.Office, $"/api/joint-meetings/{meeting}/resolutions",
            new AdoptResolution(1, "chengguan", [], "三日内清理消防通道", App.Clock.GetUtcNow().AddDays(5), "《消防法》第二十八条"), 201);
        var dispatched = (await adopted.ReadAsJsonAsync<ResolutionDispatchedResponse>())!.WhistleId;
        await Post(Tokens.Chengguan, $"/api/whistles/{dispatched}/assignments/chengguan/sign-for", Empty);

        var office = await Timeline(Tokens.Office, complaint.Id);
        var community = await Timeline(Tokens.Community, complaint.Id);

        office.Streams.Select(s => (s.Id, s.Kind, s.Zh)).ShouldBe(
        [
            (complaint.Id, StreamKind.Complaint, $"投诉 {complaint.Number}"),
            (whistle, StreamKind.Whistle, $"哨单 {complaint.Number}/1"),
            (dispatched, StreamKind.Whistle, $"哨单 {complaint.Number}/2"),
            (meeting, StreamKind.JointMeeting, $"联席会议（{Local(App.Clock.GetUtcNow().AddHours(2))[..10]}）"),
        ]);
        office.Streams[3].Version.ShouldBe(6);
        office.Entries.Where(e => e.StreamId == meeting).Select(e => (e.EventType, e.Version)).ShouldBe(
            [(nameof(AgendaItemAdded), 2L), (nameof(ResolutionAdopted), 5L), (nameof(ResolutionDispatched), 6L)]);
        office.Entries.Where(e => e.StreamId == whistle).Select(e => e.EventType).ShouldBe([nameof(WhistleBlown), nameof(WhistleTakenOverByMeeting)]);
        office.Entries.Where(e => e.StreamId == dispatched).Select(e => e.EventType).ShouldBe([nameof(WhistleBlown), nameof(AssignmentSignedFor)]);
        office.Entries.Select(e => e.Sequence).ShouldBeInOrder();
        community.Streams.Select(s => s.Kind).ShouldBe([StreamKind.Complaint, StreamKind.Whistle, StreamKind.Whistle]);
        community.Total.ShouldBe(office.Total - 3);
    }

    [Fact]
    public async Task a_case_number_finds_its_case_from_the_events()
    {
        var lodged = await Lodge();
        await using var session = App.Store.QuerySession(AppFixture.County);

        (await CaseTimeline.FindByNumberAsync(session, lodged.Number, CancellationToken.None)).ShouldBe(lodged.Id);
        (await CaseTimeline.FindByNumberAsync(session, "TS-1999-000001", CancellationToken.None)).ShouldBeNull();
        (await CaseTimeline.FindByNumberAsync(session, "XX-2026-000001", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task a_fee_disputes_timeline_holds_the_mediation_case_it_was_referred_to_and_the_mediation_case_holds_the_dispute()
    {
        var raised = (await (await Post(Tokens.Clerk, "/api/fee-disputes", new RaiseFeeDispute(
            DisputeRaiser.Company, "PC45", "CP010101", "3号楼2单元501", new OwnerInput("赵五", "13700001234"),
            new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), 2400m), 201)).ReadAsJsonAsync<FeeDisputeRaisedResponse>())!;
        var mediation = (await (await Post(Tokens.Mediator, $"/api/fee-disputes/{raised.Id}/mediation", new ReferFeeDisputeToMediation(), 201))
            .ReadAsJsonAsync<MediationStarted>())!;
        await Post(Tokens.Mediator, $"/api/mediation/cases/{mediation.MediationCaseId}/consent", new RecordConsent(PartySide.Applicant, true));

        var dispute = await Timeline(Tokens.Clerk, raised.Id);
        var mediated = await Timeline(Tokens.Mediator, mediation.MediationCaseId);

        dispute.Streams.Select(s => (s.Id, s.Kind)).ShouldBe([(raised.Id, StreamKind.FeeDispute), (mediation.MediationCaseId, StreamKind.Mediation)]);
        dispute.Entries.Select(e => e.EventType).Order().ShouldBe(
            [nameof(ConsentGiven), nameof(FeeDisputeRaised), nameof(FeeDisputeReferredToMediation), nameof(MediationCaseOpened)]);
        dispute.Entries[0].EventType.ShouldBe(nameof(FeeDisputeRaised));
        dispute.Entries[^1].EventType.ShouldBe(nameof(ConsentGiven));
        dispute.Entries.Single(e => e.EventType == nameof(FeeDisputeReferredToMediation)).En
            .ShouldContain($"referred fee dispute {dispute.Number} to mediation (mediation case {mediation.Number})");
        mediated.Streams.Select(s => s.Kind).ShouldBe([StreamKind.FeeDispute, StreamKind.Mediation]);
        mediated.Entries.Select(e => e.Sequence).ShouldBe(dispute.Entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task a_user_who_sees_the_dispute_but_not_mediation_reads_the_disputes_own_stream_only()
    {
        var raised = (await (await Post(Tokens.Clerk, "/api/fee-disputes", new RaiseFeeDispute(
            DisputeRaiser.Company, "PC45", "CP010101", "3号楼2单元502", new OwnerInput("钱六", "13700004321"),
            new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), 1200m), 201)).ReadAsJsonAsync<FeeDisputeRaisedResponse>())!;
        await Post(Tokens.Mediator, $"/api/fee-disputes/{raised.Id}/mediation", new ReferFeeDisputeToMediation(), 201);

        var page = await Timeline(Tokens.Community, raised.Id);

        page.Streams.Select(s => s.Kind).ShouldBe([StreamKind.FeeDispute]);
        page.Entries.Select(e => e.EventType).ShouldBe([nameof(FeeDisputeRaised), nameof(FeeDisputeReferredToMediation)]);
        page.Total.ShouldBe(2);
    }

    [Fact]
    public async Task a_long_history_is_paged_oldest_first()
    {
        var lodged = await Lodge();
        for (var n = 1; n <= 24; n++)
            await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/notes", new AddComplaintNote($"第 {n} 次联系", NoteVisibility.Internal));

        var second = await Timeline(Tokens.Clerk, lodged.Id, "?page=2&pageSize=10");
        var last = await Timeline(Tokens.Clerk, lodged.Id, "?page=3&pageSize=10");
        var beyond = await Timeline(Tokens.Clerk, lodged.Id, "?page=4&pageSize=10");

        (second.Page, second.PageSize, second.Total).ShouldBe((2, 10, 25));
        second.Entries.Select(e => e.Version).ShouldBe([11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L]);
        second.Entries[0].En.ShouldEndWith($"added an internal note to complaint {lodged.Number}: 第 10 次联系 (version 11).");
        last.Entries.Select(e => e.Version).ShouldBe([21L, 22L, 23L, 24L, 25L]);
        beyond.Entries.ShouldBeEmpty();
        beyond.Total.ShouldBe(25);
    }

    [Fact]
    public async Task a_case_outside_the_users_scope_or_unknown_is_404_in_both_languages()
    {
        var lodged = await Lodge(Tokens.Community);
        var unknown = Guid.NewGuid();

        var outside = await Send(Tokens.OtherCommunity, x => x.Get.Url(Url(lodged.Id)), 404);
        var missing = await Send(Tokens.Clerk, x => x.Get.Url(Url(unknown)), 404);
        await Send(Tokens.Gongan, x => x.Get.Url(Url(lodged.Id)), 403);

        (await outside.ReadAsJsonAsync<ProblemDetails>())!.Detail.ShouldBe($"没有编号为 {lodged.Id} 的案件。 No case {lodged.Id}.");
        (await missing.ReadAsJsonAsync<ProblemDetails>())!.Detail.ShouldBe($"没有编号为 {unknown} 的案件。 No case {unknown}.");
    }

    [Fact]
    public async Task a_whistle_or_a_meeting_is_no_case_of_its_own_here()
    {
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"));
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", Empty);
        var blown = await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/whistle", new BlowWhistle("请到现场处置"), 201);
        var whistle = (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;

        await Send(Tokens.Office, x => x.Get.Url(Url(whistle)), 404);
    }

    [Fact]
    public async Task every_reader_reads_the_complainant_masked()
    {
        var lodged = await Lodge(Tokens.Clerk, NewComplaint() with { Complainant = new ComplainantInput("张三", "13812345678", "东关花园3号楼2单元") });

        var analyst = await Timeline(Tokens.Analyst, lodged.Id);
        var clerk = await Timeline(Tokens.Clerk, lodged.Id);

        analyst.Entries[0].Zh.ShouldContain("投诉人 张*，电话 138****5678");
        analyst.Entries[0].En.ShouldContain("complainant 张*, phone 138****5678");
        analyst.Entries[0].Zh.ShouldNotContain("张三");
        clerk.Entries[0].Zh.ShouldContain("投诉人 张*，电话 138****5678");
    }

    [Fact]
    public async Task bad_paging_is_400_naming_the_field()
    {
        var lodged = await Lodge();

        var zero = await Send(Tokens.Clerk, x => x.Get.Url(Url(lodged.Id, "?page=0")), 400);
        var huge = await Send(Tokens.Clerk, x => x.Get.Url(Url(lodged.Id, "?pageSize=500")), 400);

        (await zero.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["page"]);
        (await huge.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["pageSize"]);
    }
}
