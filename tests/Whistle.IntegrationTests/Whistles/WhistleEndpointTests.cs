using Alba;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.Whistles;
using Wolverine;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests.Whistles;

/// <summary>The whistle over HTTP: blowing it, each department's part, rulings, deadlines played on demand, conclusion.</summary>
[Collection(SharedClock.Name)]
public sealed class WhistleEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    /// <summary>An accepted illegal-parking complaint in 东关社区: the catalogue routes it to 公安 (lead) and 城管.</summary>
    private async Task<Guid> AcceptedComplaint()
    {
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"));
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", Empty);
        return lodged.Id;
    }

    private async Task<(Guid Complaint, Guid Whistle, ITrackedSession Tracked)> Blown(BlowWhistle? command = null)
    {
        var complaint = await AcceptedComplaint();
        IScenarioResult result = null!;
        var tracked = await Tracked(async () =>
            result = await Post(Tokens.Community, $"/api/complaints/{complaint}/whistle",
                command ?? new BlowWhistle("请公安、城管到现场处置占用消防通道车辆"), 201), 30_000);
        return (complaint, (await result.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId, tracked);
    }

    private Task<IScenarioResult> Act(Tokens.User user, Guid whistle, string department, string action, object body, int status = 200) =>
        Post(user, $"/api/whistles/{whistle}/assignments/{department}/{action}", body, status);

    private async Task<WhistleDetails> Details(Guid whistle) => await Get<WhistleDetails>(Tokens.Office, $"/api/whistles/{whistle}");

    private async Task<IReadOnlyList<IEvent>> WhistleEvents(Guid whistle) => await EventsOf(whistle);

    [Fact]
    public async Task blowing_a_whistle_routes_it_by_the_catalogue_and_times_it_by_the_policy_in_force()
    {
        var now = App.Clock.GetUtcNow();
        var (complaint, whistle, tracked) = await Blown();

        var details = await Details(whistle);
        details.Type.ShouldBe(WhistleType.Routine);
        details.Level.ShouldBe(WhistleLevel.Community);
        details.Assignments.Select(a => (a.Department, a.Role)).ShouldBe([("gongan", AssignmentRole.Lead), ("chengguan", AssignmentRole.CoHandling)]);
        details.CatalogueVersion.ShouldBe(1);
        details.PolicyVersion.ShouldBe(1);
        details.Assignments[0].SignForDue.ShouldBe(now.AddHours(24));
        details.OpenDepartments.ShouldBe(["gongan", "chengguan"]);
        (await EventsOf(complaint))[^1].Data.ShouldBeOfType<ComplaintWhistled>().WhistleId.ShouldBe(whistle);
        var deadlines = tracked.DeadlinesOf(whistle);
        deadlines.Count.ShouldBe(4);
        deadlines.ShouldContain(new WhistleDeadlineReached(whistle, "gongan", DeadlineKind.SignFor, now.AddHours(24)));
        tracked.Scheduled.MessagesOf<WhistleReminderDue>().Count().ShouldBe(4);
        tracked.Scheduled.Envelopes().ShouldAllBe(e => e.TenantId == AppFixture.County);
    }

    [Fact]
    public async Task choosing_other_departments_than_the_catalogue_needs_a_reason()
    {
        var complaint = await AcceptedComplaint();

        var result = await Post(Tokens.Community, $"/api/complaints/{complaint}/whistle",
            new BlowWhistle("请住建处理", Lead: "zhujian", CoHandling: []), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["departureReason"]);
        (await EventsOf(complaint)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_whistle_on_a_closed_complaint_is_409_and_appends_nothing()
    {
        var id = await LodgeAndMove(
            ("accept", Empty), ("resolve", new ResolveComplaint("已处理")),
            ("follow-up", new RecordFollowUp(Satisfaction.Satisfied, null)), ("close", Empty));

        await Post(Tokens.Community, $"/api/complaints/{id}/whistle", new BlowWhistle("再吹哨"), 409);

        (await EventsOf(id)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task only_the_complaints_own_community_blows_its_whistle()
    {
        var complaint = await AcceptedComplaint();

        await Post(Tokens.OtherCommunity, $"/api/complaints/{complaint}/whistle", new BlowWhistle("不是我们的"), 404);
        await Post(Tokens.Clerk, $"/api/complaints/{complaint}/whistle", new BlowWhistle("受理员不吹哨"), 403);
    }

    [Fact]
    public async Task a_department_signs_for_once_and_other_departments_cannot()
    {
        var (_, whistle, _) = await Blown();

        await Act(Tokens.Gongan, whistle, "gongan", "sign-for", Empty);
        await Act(Tokens.Gongan, whistle, "gongan", "sign-for", Empty);
        await Act(Tokens.Chengguan, whistle, "gongan", "sign-for", Empty, 404);

        (await WhistleEvents(whistle)).Count(e => e.Data is AssignmentSignedFor).ShouldBe(1);
        (await Details(whistle)).Assignments[0].Status.ShouldBe(AssignmentStatus.SignedFor);
    }

    [Fact]
    public async Task replying_before_signing_for_is_409_with_a_sentence_saying_why()
    {
        var (_, whistle, _) = await Blown();

        var result = await Act(Tokens.Gongan, whistle, "gongan", "reply", new ReplyToAssignment("已处理"), 409);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("sign for it before replying");
        (await WhistleEvents(whistle)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_rejection_needs_a_legal_basis()
    {
        var (_, whistle, _) = await Blown();

        var result = await Act(Tokens.Chengguan, whistle, "chengguan", "reject", new RejectAssignment(null, "不属本部门职责"), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["legalBasis"]);
        (await WhistleEvents(whistle)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task an_upheld_rejection_moves_the_assignment_to_another_department()
    {
        var (complaint, whistle, _) = await Blown();
        await Act(Tokens.Chengguan, whistle, "chengguan", "reject",
            new RejectAssignment("《城市道路管理条例》第二十七条", "小区内部道路不属城市道路"));

        await Act(Tokens.Office, whistle, "chengguan", "arbitrate",
            new ArbitrateRejection(ArbitrationRuling.Upheld, "属物业管理区域，改派住建", "zhujian"));

        var details = await Details(whistle);
        details.Assignments.Select(a => (a.Department, a.Status)).ShouldBe([
            ("gongan", AssignmentStatus.Awaiting), ("chengguan", AssignmentStatus.Reassigned), ("zhujian", AssignmentStatus.Awaiting)]);
        details.OpenDepartments.ShouldBe(["gongan", "zhujian"]);
        (await Get<DepartmentInbox>(Tokens.Zhujian, "/api/departments/zhujian/inbox")).Items.ShouldContain(i => i.WhistleId == whistle);
        // The ruling's own transaction updated the complaint: its summary names the new department at once.
        (await Get<ComplaintDetails>(Tokens.Community, $"/api/complaints/{complaint}")).Whistles.Single().Departments
            .ShouldBe(["gongan", "zhujian"]);
        (await EventsOf(complaint))[^1].Data.ShouldBeOfType<ComplaintWhistleReassigned>().Departments.ShouldBe(["gongan", "zhujian"]);
    }

    [Fact]
    public async Task an_overruled_rejection_makes_the_department_handle_it_with_a_fresh_due_time()
    {
        var (_, whistle, _) = await Blown();
        await Act(Tokens.Chengguan, whistle, "chengguan", "reject", new RejectAssignment("某条例", "不属本部门"));
        App.Clock.Advance(TimeSpan.FromHours(2));

        IScenarioResult ruling = null!;
        var tracked = await Tracked(async () => ruling = await Act(Tokens.Office, whistle, "chengguan", "arbitrate",
            new ArbitrateRejection(ArbitrationRuling.Overruled, "占用消防通道属城管配合职责")), 30_000);

        var assignment = (await Details(whistle)).Find("chengguan")!;
        assignment.Status.ShouldBe(AssignmentStatus.SignedFor);
        assignment.Ruling.ShouldBe("Overruled");
        tracked.DeadlinesOf(whistle).ShouldHaveSingleItem().DueAt.ShouldBe(assignment.ReplyDue);
    }

    [Fact]
    public async Task a_missed_sign_for_marks_the_assignment_overdue_and_escalates_the_whistle_one_level()
    {
        var (_, whistle, tracked) = await Blown();
        var signFor = tracked.DeadlinesOf(whistle).First(m => m.Department == "chengguan" && m.Kind == DeadlineKind.SignFor);
        var replyDue = (await Details(whistle)).Find("chengguan")!.ReplyDue;
        await Act(Tokens.Gongan, whistle, "gongan", "sign-for", Empty);
        App.Clock.Advance(TimeSpan.FromHours(25));

        var escalation = await Tracked(bus => bus.InvokeForTenantAsync(AppFixture.County, signFor), 30_000);

        var details = await Details(whistle);
        details.Level.ShouldBe(WhistleLevel.SubDistrict);
        details.Escalations.ShouldHaveSingleItem().Department.ShouldBe("chengguan");
        var chengguan = details.Find("chengguan")!;
        chengguan.Overdue.ShouldBeTrue();
        chengguan.SignForDue.ShouldBe(App.Clock.GetUtcNow().AddHours(24));
        chengguan.ReplyDue.ShouldBe(replyDue);
        escalation.DeadlinesOf(whistle).ShouldHaveSingleItem().Kind.ShouldBe(DeadlineKind.SignFor);
        var inbox = await Get<DepartmentInbox>(Tokens.Chengguan, "/api/departments/chengguan/inbox");
        inbox.Items.Single(i => i.WhistleId == whistle).Overdue.ShouldBeTrue();
        (await WhistleEvents(whistle)).Single(e => e.Data is AssignmentOverdue).UserName.ShouldBe(Whistle.Kernel.ITimePassed.Clock);
    }

    /// <summary>Delivers these deadlines together on the durable local queue, as the scheduler does when they fall due at once.</summary>
    private Task<ITrackedSession> DeliverTogether(IEnumerable<WhistleDeadlineReached> deadlines)
    {
        async Task Publish(IMessageContext bus)
        {
            foreach (var deadline in deadlines) await bus.PublishAsync(deadline, new DeliveryOptions { TenantId = AppFixture.County });
        }
        return Host.OneAtATimeAsync(() =>
            Host.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).DoNotAssertOnExceptionsDetected().ExecuteAndWaitAsync(Publish));
    }

    [Fact]
    public async Task two_departments_missing_the_same_due_time_raise_the_whistle_one_level_per_round()
    {
        var (_, whistle, blown) = await Blown();
        var round = blown.DeadlinesOf(whistle).Where(m => m.Kind == DeadlineKind.SignFor).ToList();
        round.Select(m => m.Department).ShouldBe(["gongan", "chengguan"], ignoreOrder: true);
        round.Select(m => m.DueAt).Distinct().ShouldHaveSingleItem();
        var replyDue = (await Details(whistle)).Assignments.Select(a => a.ReplyDue).ToList();
        App.Clock.Advance(TimeSpan.FromHours(25));

        var first = await DeliverTogether(round);

        var details = await Details(whistle);
        (details.Level, details.Escalations.Count).ShouldBe((WhistleLevel.SubDistrict, 1));
        details.Assignments.ShouldAllBe(a => a.Overdue);
        details.Assignments.Select(a => a.SignForDue).Distinct().ShouldHaveSingleItem().ShouldBe(App.Clock.GetUtcNow().AddHours(24));
        details.Assignments.Select(a => a.ReplyDue).ShouldBe(replyDue);
        var events = await WhistleEvents(whistle);
        events.Select(e => e.Data).OfType<AssignmentOverdue>().Select(e => e.Department).ShouldBe(["gongan", "chengguan"], ignoreOrder: true);
        events.Select(e => e.Data).OfType<AssignmentDeadlinesRenewed>().ShouldHaveSingleItem().Level.ShouldBe(WhistleLevel.SubDistrict);

        var next = first.DeadlinesOf(whistle);
        next.Count.ShouldBe(2);
        next.Select(m => m.DueAt).Distinct().ShouldHaveSingleItem();
        App.Clock.Advance(TimeSpan.FromHours(25));
        await DeliverTogether(next);

        details = await Details(whistle);
        (details.Level, details.Escalations.Count).ShouldBe((WhistleLevel.JointMeeting, 2));
        (await WhistleEvents(whistle)).Count(e => e.Data is AssignmentOverdue).ShouldBe(4);
    }

    [Fact]
    public async Task a_deadline_made_stale_by_a_sign_for_or_an_extension_does_nothing()
    {
        var (_, whistle, tracked) = await Blown();
        await Act(Tokens.Gongan, whistle, "gongan", "sign-for", Empty);
        await Act(Tokens.Gongan, whistle, "gongan", "extension-request",
            new RequestExtension(App.Clock.GetUtcNow().AddDays(20), "需协调车主所在单位"));
        await Act(Tokens.Community, whistle, "gongan", "extension/grant", Empty);

        var played = await tracked.PlayScheduledMessagesAsync(TimeSpan.FromSeconds(30));

        played.Executed.MessagesOf<WhistleDeadlineReached>().Count().ShouldBe(4);
        var events = await WhistleEvents(whistle);
        events.Where(e => e.Data is AssignmentOverdue).Select(e => ((AssignmentOverdue)e.Data).Department)
            .ShouldBe(["chengguan", "chengguan"]);
        events.ShouldNotContain(e => e.Data is AssignmentOverdue && ((AssignmentOverdue)e.Data).Department == "gongan");
    }

    [Fact]
    public async Task an_extension_asked_after_the_due_time_is_409()
    {
        var (_, whistle, _) = await Blown();
        await Act(Tokens.Gongan, whistle, "gongan", "sign-for", Empty);
        App.Clock.Advance(TimeSpan.FromDays(30));

        var result = await Act(Tokens.Gongan, whistle, "gongan", "extension-request",
            new RequestExtension(App.Clock.GetUtcNow().AddDays(5), "太忙"), 409);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("before the due time");
        (await WhistleEvents(whistle)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task replies_ratings_and_conclusion_let_the_complaint_be_resolved()
    {
        var (complaint, whistle, _) = await Blown();
        await Post(Tokens.Community, $"/api/complaints/{complaint}/resolve", new ResolveComplaint("想先办结"), 409);
        foreach (var (officer, department) in new[] { (Tokens.Gongan, "gongan"), (Tokens.Chengguan, "chengguan") })
        {
            await Act(officer, whistle, department, "sign-for", Empty);
            await Act(officer, whistle, department, "reply", new ReplyToAssignment("已到场处置", ["photo://20261127/1.jpg"]));
        }
        await Act(Tokens.Community, whistle, "chengguan", "return", new ReturnReply("隔离桩未安装"));
        await Act(Tokens.Chengguan, whistle, "chengguan", "reply", new ReplyToAssignment("隔离桩已安装"));

        await Post(Tokens.Community, $"/api/whistles/{whistle}/conclude", new ConcludeWhistle(
            [new("gongan", 5, "响应迅速"), new("chengguan", 3, "需退回一次")]));
        // Back to back, nothing awaited in between: the conclusion was recorded on the complaint in the same transaction.
        await Post(Tokens.Community, $"/api/complaints/{complaint}/resolve", new ResolveComplaint("部门已处置完毕"));

        var details = await Details(whistle);
        details.Concluded.ShouldBeTrue();
        details.Find("chengguan")!.Returned.ShouldBe(1);
        details.Assignments.Select(a => a.Score).ShouldBe([5, 3]);
        var complaintDetails = await Get<ComplaintDetails>(Tokens.Community, $"/api/complaints/{complaint}");
        complaintDetails.Whistles.Single().ConcludedAt.ShouldBe(details.ConcludedAt);
        complaintDetails.Status.ShouldBe(ComplaintStatus.Resolved);
        (await EventsOf(complaint)).Select(e => e.Data).OfType<ComplaintWhistleConcluded>().ShouldHaveSingleItem().WhistleId.ShouldBe(whistle);
    }

    [Fact]
    public async Task concluding_before_every_department_replied_is_409()
    {
        var (_, whistle, _) = await Blown();

        var result = await Post(Tokens.Community, $"/api/whistles/{whistle}/conclude", new ConcludeWhistle([]), 409);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("gongan");
    }

    [Fact]
    public async Task a_department_officer_reads_only_their_own_inbox()
    {
        var (_, whistle, _) = await Blown();

        var inbox = await Get<DepartmentInbox>(Tokens.Gongan, "/api/departments/gongan/inbox");
        await Send(Tokens.Gongan, x => x.Get.Url("/api/departments/chengguan/inbox"), 404);
        await Send(Tokens.Zhujian, x => x.Get.Url($"/api/whistles/{whistle}"), 404);

        var item = inbox.Items.Single(i => i.WhistleId == whistle);
        item.Status.ShouldBe(AssignmentStatus.Awaiting);
        item.NextDue.ShouldBe(item.SignForDue);
        item.Overdue.ShouldBeFalse();
    }

    [Fact]
    public async Task two_officers_signing_for_at_once_record_one_signature()
    {
        var (_, whistle, _) = await Blown();

        var statuses = await Task.WhenAll(new[] { Tokens.Chengguan, Tokens.Chengguan2 }.Select(async officer =>
            (await Host.Scenario(x =>
            {
                x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(officer));
                x.Post.Json(Empty, JsonStyle.MinimalApi).ToUrl($"/api/whistles/{whistle}/assignments/chengguan/sign-for");
                x.IgnoreStatusCode();
            })).Context.Response.StatusCode));

        statuses.ShouldAllBe(s => s == 200 || s == 409);
        statuses.ShouldContain(200);
        (await WhistleEvents(whistle)).Count(e => e.Data is AssignmentSignedFor).ShouldBe(1);
    }

    [Fact]
    public async Task a_command_answers_with_the_whistle_after_its_events()
    {
        var (_, whistle, _) = await Blown();

        var result = await Act(Tokens.Gongan, whistle, "gongan", "sign-for", Empty);

        var answer = (await result.ReadAsJsonAsync<WhistleAnswer>())!;
        (answer.Id, answer.Version, answer.Level, answer.Concluded).ShouldBe((whistle, 2L, WhistleLevel.Community, false));
        answer.Find("gongan")!.Status.ShouldBe(AssignmentStatus.SignedFor);
        answer.Find("gongan")!.ReplyDue.ShouldBe((await Details(whistle)).Find("gongan")!.ReplyDue);
        var again = await Act(Tokens.Gongan, whistle, "gongan", "sign-for", Empty);
        (await again.ReadAsJsonAsync<WhistleAnswer>())!.Version.ShouldBe(2);
    }

    [Fact]
    public async Task the_hotline_clerk_reads_every_departments_inbox_and_a_mediator_none()
    {
        var (_, whistle, _) = await Blown();

        (await Get<DepartmentInbox>(Tokens.Clerk, "/api/departments/chengguan/inbox")).Items.ShouldContain(i => i.WhistleId == whistle);
        await Send(Tokens.Mediator, x => x.Get.Url("/api/departments/chengguan/inbox"), 404);
    }

    [Fact]
    public async Task a_role_that_sees_no_whistle_may_not_list_them_and_finds_none()
    {
        var (_, whistle, _) = await Blown();

        await Send(Tokens.Mediator, x => x.Get.Url("/api/whistles"), 403);
        await Send(Tokens.Mediator, x => x.Get.Url($"/api/whistles/{whistle}"), 404);
        (await Get<List<WhistleDetails>>(Tokens.Clerk, "/api/whistles?open=true")).ShouldContain(w => w.Id == whistle);
    }

    [Fact]
    public async Task a_refused_extension_leaves_the_reply_due_where_it_was()
    {
        var (_, whistle, _) = await Blown();
        await Act(Tokens.Gongan, whistle, "gongan", "sign-for", Empty);
        var due = (await Details(whistle)).Find("gongan")!.ReplyDue;
        await Act(Tokens.Gongan, whistle, "gongan", "extension-request", new RequestExtension(due.AddDays(3), "需调取监控"));

        await Act(Tokens.Community, whistle, "gongan", "extension/refuse", new RefuseExtension(null), 400);
        await Act(Tokens.OtherCommunity, whistle, "gongan", "extension/refuse", new RefuseExtension("不同意"), 404);
        await Act(Tokens.Community, whistle, "gongan", "extension/refuse", new RefuseExtension("情况紧急，请按时反馈"));

        var assignment = (await Details(whistle)).Find("gongan")!;
        assignment.ReplyDue.ShouldBe(due);
        assignment.ProposedReplyDue.ShouldBeNull();
        await Act(Tokens.Community, whistle, "gongan", "extension/grant", Empty, 409);
    }

    [Fact]
    public async Task workers_list_the_whistles_of_their_own_area_and_departments_those_assigned_to_them()
    {
        var (_, whistle, _) = await Blown();

        (await Get<List<WhistleDetails>>(Tokens.Community, "/api/whistles?open=true")).ShouldContain(w => w.Id == whistle);
        (await Get<List<WhistleDetails>>(Tokens.SubDistrict, "/api/whistles")).ShouldContain(w => w.Id == whistle);
        (await Get<List<WhistleDetails>>(Tokens.Chengguan, "/api/whistles")).ShouldContain(w => w.Id == whistle);
        (await Get<List<WhistleDetails>>(Tokens.OtherCommunity, "/api/whistles")).ShouldNotContain(w => w.Id == whistle);
        (await Get<List<WhistleDetails>>(Tokens.Zhujian, "/api/whistles")).ShouldNotContain(w => w.Id == whistle);
        (await Get<List<WhistleDetails>>(Tokens.Office, "/api/whistles?open=false")).ShouldNotContain(w => w.Id == whistle);
        await Send(Tokens.Office, x => x.Get.Url("/api/whistles?open=maybe"), 400);
    }
}
