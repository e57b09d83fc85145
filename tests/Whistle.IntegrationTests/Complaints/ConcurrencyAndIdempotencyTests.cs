using Alba;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Complaints;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Whistle.Hosting;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.IntegrationTests.Complaints;

/// <summary>
/// Optimistic concurrency and the Idempotency-Key. A kept answer expires by the wall clock (Wolverine's deduplication
/// window), not by the business clock other tests move.
/// </summary>
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
        second.Context.Response.ContentType.ShouldBe(first.Context.Response.ContentType);
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
    public async Task a_refused_command_keeps_no_answer_so_the_same_key_is_decided_again_once_the_case_allows_it()
    {
        var lodged = await Lodge();
        var key = "resolve-" + lodged.Id;
        var url = $"/api/complaints/{lodged.Id}/resolve";
        Action<Scenario> resolve = x => { x.Post.Json(new ResolveComplaint("已处理"), JsonStyle.MinimalApi).ToUrl(url); x.WithRequestHeader(Idempotency.Header, key); };

        await Send(Tokens.Clerk, resolve, 409);
        await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/accept", new AcceptComplaint());
        await Send(Tokens.Clerk, resolve, 200);
        await Send(Tokens.Clerk, resolve, 200);

        (await EventsOf(lodged.Id)).Select(e => e.Data.GetType()).ShouldBe([typeof(ComplaintLodged), typeof(ComplaintAccepted), typeof(ComplaintResolved)]);
    }

    [Fact]
    public async Task the_kept_answer_commits_in_the_command_s_own_transaction()
    {
        var lodged = await Lodge();
        var key = "same-transaction-" + lodged.Id;

        await Send(Tokens.Clerk, x => { x.Post.Json(new AddComplaintNote("与事件同一事务", NoteVisibility.Internal), JsonStyle.MinimalApi)
            .ToUrl($"/api/complaints/{lodged.Id}/notes"); x.WithRequestHeader(Idempotency.Header, key); }, 200);

        // PostgreSQL stamps each row with the transaction that wrote it: the note's event and the kept answer share one.
        await using var connection = await Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"""
            select count(*) from {WhistleSchema.Name}.wolverine_deduplicated_responses r
             where r.xmin = (select e.xmin from {WhistleSchema.Name}.mt_events e where e.causation_id = $1)
               and r.status_code = 200
            """, connection);
        command.Parameters.Add(new() { Value = key });
        (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe(1L);
    }

    [Fact]
    public async Task a_malformed_key_is_400_and_runs_nothing()
    {
        var lodged = await Lodge();

        await Send(Tokens.Clerk, x => { x.Post.Json(new AddComplaintNote("键太长", NoteVisibility.Internal), JsonStyle.MinimalApi)
            .ToUrl($"/api/complaints/{lodged.Id}/notes"); x.WithRequestHeader(Idempotency.Header, new string('k', Idempotency.MaxKeyLength + 1)); }, 400);

        (await EventsOf(lodged.Id)).Count.ShouldBe(1);
    }

    [Fact]
    public void every_command_endpoint_keeps_its_answer_in_its_own_transaction()
    {
        var chains = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<HttpChain>()).OfType<HttpChain>()
            .Where(c => c.HttpMethods.Any(EventMetadata.Writes.Contains)).ToList();

        chains.Count.ShouldBeGreaterThan(70);
        chains.Where(c => c.DeduplicatedWithResponse is not { ClaimInTransaction: true, Required: false })
            .Select(c => c.RoutePattern!.RawText).ShouldBeEmpty();
    }
}
