using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Complaints;

namespace Whistle.IntegrationTests.Complaints;

/// <summary>Every complaint command over HTTP: its success, and what it refuses with nothing appended.</summary>
[Collection(SharedClock.Name)]
public sealed class ComplaintLifecycleEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    [Fact]
    public async Task a_complaint_goes_from_lodged_to_closed_after_a_satisfied_follow_up()
    {
        var id = await LodgeAndMove(
            ("accept", Empty),
            ("notes", new AddComplaintNote("已转城管中队现场核查", NoteVisibility.Internal)),
            ("notes", new AddComplaintNote("已安排清理，请耐心等待", NoteVisibility.Public)),
            ("resolve", new ResolveComplaint("城管已劝离占道车辆并设置隔离桩")),
            ("follow-up", new RecordFollowUp(Satisfaction.BasicallySatisfied, null)),
            ("close", Empty));

        var details = await Details(id);
        details.Status.ShouldBe(ComplaintStatus.Closed);
        details.Notes.Select(n => n.Visibility).ShouldBe([NoteVisibility.Internal, NoteVisibility.Public]);
        details.Outcome.ShouldBe("城管已劝离占道车辆并设置隔离桩");
        details.FollowUps.Single().Satisfaction.ShouldBe(Satisfaction.BasicallySatisfied);
        details.ClosedAt.ShouldBe(App.Clock.GetUtcNow());
        details.Version.ShouldBe(7);
        (await EventsOf(id)).Select(e => e.Data.GetType()).ShouldBe([
            typeof(ComplaintLodged), typeof(ComplaintAccepted), typeof(ComplaintNoteAdded), typeof(ComplaintNoteAdded),
            typeof(ComplaintResolved), typeof(ComplaintFollowUpRecorded), typeof(ComplaintClosed)]);
    }

    [Fact]
    public async Task an_unsatisfied_follow_up_reopens_the_complaint_for_handling()
    {
        var id = await LodgeAndMove(
            ("accept", Empty),
            ("resolve", new ResolveComplaint("已通知物业")),
            ("follow-up", new RecordFollowUp(Satisfaction.Unsatisfied, "车辆仍然占道")));

        await Post(Tokens.Clerk, $"/api/complaints/{id}/close", Empty, 409);
        var result = await Post(Tokens.Clerk, $"/api/complaints/{id}/reopen", new ReopenComplaint("居民反映问题未解决"));

        var answer = (await result.ReadAsJsonAsync<ComplaintAnswer>())!;
        answer.Status.ShouldBe(ComplaintStatus.Accepted);
        answer.StatusLabel.ShouldBe("办理中");
        answer.Reopened.ShouldBe(1);
        answer.Version.ShouldBe(5);
        (await Details(id)).Reopened.ShouldBe(1);
    }

    [Fact]
    public async Task a_declined_complaint_records_the_redirect_and_cannot_be_resolved()
    {
        var id = await LodgeAndMove(("decline", new DeclineComplaint("属于民事合同纠纷", "人民法院或调解委员会")));

        var problem = await Post(Tokens.Clerk, $"/api/complaints/{id}/resolve", new ResolveComplaint("x"), 409);

        (await problem.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("不予受理");
        var details = await Details(id);
        details.Status.ShouldBe(ComplaintStatus.Declined);
        details.RedirectTo.ShouldBe("人民法院或调解委员会");
        (await EventsOf(id)).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("notes")]
    [InlineData("resolve")]
    [InlineData("reopen")]
    [InlineData("withdraw")]
    public async Task a_command_on_a_closed_complaint_is_409_and_appends_nothing(string action)
    {
        var id = await LodgeAndMove(
            ("accept", Empty),
            ("resolve", new ResolveComplaint("已处理")),
            ("follow-up", new RecordFollowUp(Satisfaction.Satisfied, null)),
            ("close", Empty));
        object body = action switch
        {
            "notes" => new AddComplaintNote("补充", NoteVisibility.Internal),
            "resolve" => new ResolveComplaint("再次办结"),
            "reopen" => new ReopenComplaint("想重办"),
            "withdraw" => new WithdrawComplaint("不投诉了"),
            _ => Empty,
        };

        var result = await Post(Tokens.Clerk, $"/api/complaints/{id}/{action}", body, 409);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("已结案");
        (await EventsOf(id)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task closing_before_the_follow_up_call_is_409()
    {
        var id = await LodgeAndMove(("accept", Empty), ("resolve", new ResolveComplaint("已处理")));

        var result = await Post(Tokens.Clerk, $"/api/complaints/{id}/close", Empty, 409);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain("尚未回访");
    }

    [Fact]
    public async Task a_follow_up_saying_unsatisfied_needs_a_comment()
    {
        var id = await LodgeAndMove(("accept", Empty), ("resolve", new ResolveComplaint("已处理")));

        var result = await Post(Tokens.Clerk, $"/api/complaints/{id}/follow-up", new RecordFollowUp(Satisfaction.Unsatisfied, null), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["comment"]);
        (await EventsOf(id)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task a_withdrawn_complaint_keeps_the_reason()
    {
        var id = await LodgeAndMove(("accept", Empty), ("withdraw", new WithdrawComplaint("双方已私下协商解决")));

        var details = await Details(id);
        details.Status.ShouldBe(ComplaintStatus.Withdrawn);
        details.WithdrawalReason.ShouldBe("双方已私下协商解决");
    }

    [Fact]
    public async Task a_duplicate_points_at_the_original_and_ends()
    {
        var original = await Lodge();
        var repeat = await Lodge();

        await Post(Tokens.Clerk, $"/api/complaints/{repeat.Id}/mark-duplicate", new MarkComplaintDuplicate(original.Id));

        var details = await Details(repeat.Id);
        details.Status.ShouldBe(ComplaintStatus.Duplicate);
        details.DuplicateOf.ShouldBe(new ComplaintDetails.CaseReference(original.Id, original.Number));
        await Post(Tokens.Clerk, $"/api/complaints/{repeat.Id}/accept", Empty, 409);
    }

    [Fact]
    public async Task marking_a_duplicate_of_an_unknown_complaint_is_400()
    {
        var repeat = await Lodge();

        var result = await Post(Tokens.Clerk, $"/api/complaints/{repeat.Id}/mark-duplicate", new MarkComplaintDuplicate(Guid.NewGuid()), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["originalId"]);
        (await EventsOf(repeat.Id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task linking_records_the_link_on_both_complaints_once()
    {
        var first = await Lodge();
        var second = await Lodge();

        // The other complaint records the link through its own aggregate workflow: wait for the cascaded message.
        var linked = await Tracked(
            () => Post(Tokens.Clerk, $"/api/complaints/{first.Id}/links", new LinkComplaints(second.Id)), 30_000);
        var repeated = await Tracked(
            () => Post(Tokens.Clerk, $"/api/complaints/{first.Id}/links", new LinkComplaints(second.Id)), 30_000);

        linked.Executed.SingleMessage<RecordComplaintLink>().ComplaintId.ShouldBe(second.Id);
        repeated.Executed.MessagesOf<RecordComplaintLink>().ShouldBeEmpty();

        (await Details(first.Id)).Links.ShouldBe([new ComplaintDetails.CaseReference(second.Id, second.Number)]);
        (await Details(second.Id)).Links.ShouldBe([new ComplaintDetails.CaseReference(first.Id, first.Number)]);
        (await EventsOf(first.Id)).Count.ShouldBe(2);
        (await EventsOf(second.Id)).Count.ShouldBe(2);
        (await Details(second.Id)).Version.ShouldBe(2);
        // Marten folds the immutable write model through the Apply methods that return the next state, and sets its version.
        await using var session = App.Store.LightweightSession(AppFixture.County);
        var folded = (await session.Events.FetchLatest<Complaint>(second.Id, TestContext.Current.CancellationToken))!;
        folded.Version.ShouldBe(2);
        folded.Links.ShouldHaveSingleItem().ShouldBe(first.Id);
    }

    [Fact]
    public async Task a_command_on_an_unknown_complaint_is_404()
    {
        var id = Guid.NewGuid();
        var result = await Post(Tokens.Clerk, $"/api/complaints/{id}/accept", Empty, 404);

        result.Context.Response.ContentType.ShouldStartWith("application/problem+json");
        (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail!.ShouldContain(id.ToString());
    }

    [Fact]
    public async Task a_community_worker_of_another_community_gets_404_and_appends_nothing()
    {
        var lodged = await Lodge();

        await Post(Tokens.OtherCommunity, $"/api/complaints/{lodged.Id}/accept", Empty, 404);

        (await EventsOf(lodged.Id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_department_officer_may_not_handle_complaints_directly()
    {
        var lodged = await Lodge();

        await Post(Tokens.Chengguan, $"/api/complaints/{lodged.Id}/accept", Empty, 403);
    }

    [Fact]
    public async Task the_office_may_add_notes_but_not_resolve()
    {
        var id = await LodgeAndMove(("accept", Empty));

        await Post(Tokens.Office, $"/api/complaints/{id}/notes", new AddComplaintNote("联席办已关注", NoteVisibility.Internal));
        await Post(Tokens.Office, $"/api/complaints/{id}/resolve", new ResolveComplaint("x"), 403);

        (await Details(id)).Notes.Single().By.UserId.ShouldBe("office");
    }
}
