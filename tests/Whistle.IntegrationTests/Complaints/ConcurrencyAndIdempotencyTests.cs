using Alba;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Complaints;
using Whistle.Hosting;

namespace Whistle.IntegrationTests.Complaints;

// An idempotency key is kept for 24 hours of the shared clock: a test elsewhere moving it a day on between two
// requests with one key would expire the key, so these tests run in the clock's collection.
[Collection(SharedClock.Name)]
public sealed class ConcurrencyAndIdempotencyTests(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task a_stale_expected_version_is_409_with_the_current_version()
    {
        var lodged = await Lodge();
        await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/accept", new AcceptComplaint(ExpectedVersion: 1));

        var result = await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/notes",
            new AddComplaintNote("基于旧页面", NoteVisibility.Internal, ExpectedVersion: 1), 409);

        var problem = (await result.ReadAsJsonAsync<ProblemDetails>())!;
        problem.Extensions["currentVersion"]!.ToString().ShouldBe("2");
        problem.Extensions["expectedVersion"]!.ToString().ShouldBe("1");
        (await EventsOf(lodged.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task the_same_idempotency_key_returns_the_first_answer_and_appends_nothing()
    {
        var lodged = await Lodge();
        var url = $"/api/complaints/{lodged.Id}/notes";
        var note = new AddComplaintNote("电话告知居民处理进度", NoteVisibility.Public);

        var first = await Send(Tokens.Clerk, x => { x.Post.Json(note, JsonStyle.MinimalApi).ToUrl(url); x.WithRequestHeader(Idempotency.Header, "note-1-" + lodged.Id); }, 200);
        var second = await Send(Tokens.Clerk, x => { x.Post.Json(note, JsonStyle.MinimalApi).ToUrl(url); x.WithRequestHeader(Idempotency.Header, "note-1-" + lodged.Id); }, 200);

        (await second.ReadAsTextAsync()).ShouldBe(await first.ReadAsTextAsync());
        second.Context.Response.Headers[Idempotency.ReplayedHeader].ToString().ShouldBe("true");
        (await EventsOf(lodged.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_repeated_lodging_with_the_same_key_creates_one_complaint()
    {
        var county = await App.NewCountyAsync();
        Action<Scenario> lodge = x =>
        {
            x.Post.Json(NewComplaint(), JsonStyle.MinimalApi).ToUrl("/api/complaints");
            x.WithRequestHeader(Idempotency.Header, "lodge-once");
        };

        var first = await Send(Tokens.Clerk, lodge, 201, county);
        var second = await Send(Tokens.Clerk, lodge, 201, county);

        (await second.ReadAsJsonAsync<LodgedComplaint>()).ShouldBe(await first.ReadAsJsonAsync<LodgedComplaint>());
        second.Context.Response.Headers.Location.ToString().ShouldBe(first.Context.Response.Headers.Location.ToString());
        (await ComplaintCount(county)).ShouldBe(1);
    }

    [Fact]
    public async Task the_same_key_with_a_different_request_is_422()
    {
        var lodged = await Lodge();
        var url = $"/api/complaints/{lodged.Id}/notes";
        var key = "note-2-" + lodged.Id;

        await Send(Tokens.Clerk, x => { x.Post.Json(new AddComplaintNote("第一条", NoteVisibility.Internal), JsonStyle.MinimalApi).ToUrl(url); x.WithRequestHeader(Idempotency.Header, key); }, 200);
        await Send(Tokens.Clerk, x => { x.Post.Json(new AddComplaintNote("第二条", NoteVisibility.Internal), JsonStyle.MinimalApi).ToUrl(url); x.WithRequestHeader(Idempotency.Header, key); }, 422);

        (await EventsOf(lodged.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task keys_belong_to_their_user()
    {
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101"));
        var url = $"/api/complaints/{lodged.Id}/notes";
        var note = new AddComplaintNote("同一键，不同的人", NoteVisibility.Internal);

        await Send(Tokens.Clerk, x => { x.Post.Json(note, JsonStyle.MinimalApi).ToUrl(url); x.WithRequestHeader(Idempotency.Header, "shared-" + lodged.Id); }, 200);
        await Send(Tokens.Community, x => { x.Post.Json(note, JsonStyle.MinimalApi).ToUrl(url); x.WithRequestHeader(Idempotency.Header, "shared-" + lodged.Id); }, 200);

        (await EventsOf(lodged.Id)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task a_refused_command_is_answered_the_same_way_when_repeated()
    {
        var lodged = await Lodge();
        var key = "resolve-" + lodged.Id;
        var url = $"/api/complaints/{lodged.Id}/resolve";

        await Send(Tokens.Clerk, x => { x.Post.Json(new ResolveComplaint("已处理"), JsonStyle.MinimalApi).ToUrl(url); x.WithRequestHeader(Idempotency.Header, key); }, 409);
        var replay = await Send(Tokens.Clerk, x => { x.Post.Json(new ResolveComplaint("已处理"), JsonStyle.MinimalApi).ToUrl(url); x.WithRequestHeader(Idempotency.Header, key); }, 409);

        replay.Context.Response.Headers[Idempotency.ReplayedHeader].ToString().ShouldBe("true");
        (await EventsOf(lodged.Id)).Count.ShouldBe(1);
    }
}
