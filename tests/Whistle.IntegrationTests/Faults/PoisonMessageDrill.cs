using System.Diagnostics;
using Npgsql;
using Shouldly;
using Whistle.Hosting.DeadLetters;
using Whistle.Notifications;

namespace Whistle.IntegrationTests.Faults;

/// <summary>
/// Issue 14, item 3: a poison message — an outbound notice whose SMS provider keeps failing — is retried by its error
/// policy (the sender's own retries, then Wolverine's retries scheduled 1, 5 and 30 minutes on; the drill brings each
/// scheduled retry forward instead of waiting) and then moved to Wolverine's dead-letter table, while complaints are
/// lodged and another notice goes out meanwhile. Once the provider is back, an administrator replays it: it goes out
/// once, and replaying it again is refused. Fast: 1 poison notice; full (<c>ops/faults/poison</c>): 10.
/// </summary>
public sealed class PoisonMessageDrill
{
    /// <summary>Gateway calls per handling: the first call and the sender's 3 retries (Whistle:Notices:Retries).</summary>
    private const int CallsPerHandling = 4;
    /// <summary>Handlings before the dead-letter table: the first and the policy's three scheduled retries.</summary>
    private const int Handlings = 4;

    [Fact]
    public async Task a_failing_notice_is_dead_lettered_while_work_flows_and_an_administrator_replays_it_once()
    {
        await using var drill = await RaceDrillHost.StartAsync("whistle_tests_drill_poison");
        var poisons = Drill.Size(1, 10);
        var run = Guid.NewGuid().ToString("N")[..8];
        var poisoned = new List<(Guid Notification, string Contact)>();
        for (var i = 0; i < poisons; i++)
        {
            var contact = $"poison-{run}-{i}@example.cn";
            drill.Gateway.FailFirst(contact, int.MaxValue);
            poisoned.Add((await PublishNotice(drill, contact), contact));
        }
        var healthy = $"healthy-{run}@example.cn";
        var healthyNotice = await PublishNotice(drill, healthy);

        var clock = Stopwatch.StartNew();
        var lodged = 0;
        List<DeadLetter> letters = [];
        while (letters.Count(l => l.MessageType?.EndsWith(nameof(SendNotice), StringComparison.Ordinal) == true) < poisons)
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90), "the poison notices were not dead-lettered within 90 s");
            await drill.LodgeAsync();   // other work flows meanwhile
            lodged++;
            await BringScheduledRetriesForward(drill);
            letters = (await drill.GetAsync("/api/admin/dead-letters", Tokens.Admin)).As<List<DeadLetter>>();
        }
        var deadLettered = clock.Elapsed;

        foreach (var (_, contact) in poisoned)
        {
            var calls = drill.Gateway.CallsTo(contact);
            calls.Count.ShouldBe(CallsPerHandling * Handlings);
            calls.ShouldAllBe(c => c.Failed);
        }
        (await Delivery(drill, healthyNotice)).ShouldNotBeNull();
        letters.ShouldAllBe(l => l.ExceptionType!.Contains(nameof(HttpRequestException), StringComparison.Ordinal) && !l.Replayable);

        // Only an administrator sees or replays dead letters; an unknown id is a 404.
        var first = letters[0].Id;
        (await drill.GetAsync("/api/admin/dead-letters", null)).Status.ShouldBe(401);
        (await drill.GetAsync("/api/admin/dead-letters", Tokens.Clerk)).Status.ShouldBe(403);
        (await drill.PostAsync($"/api/admin/dead-letters/{first}/replay", null, new { })).Status.ShouldBe(401);
        (await drill.PostAsync($"/api/admin/dead-letters/{first}/replay", Tokens.Clerk, new { })).Status.ShouldBe(403);
        var unknown = await drill.PostAsync($"/api/admin/dead-letters/{Guid.NewGuid()}/replay", Tokens.Admin, new { });
        unknown.Status.ShouldBe(404);
        unknown.Problem.ShouldNotBeNull().Status.ShouldBe(404);

        // The fix: the provider is back. Each dead letter is replayed once; asking again is refused.
        foreach (var (_, contact) in poisoned) drill.Gateway.FailFirst(contact, 0);
        var replayedAt = Stopwatch.StartNew();
        var refusedAgain = 0;
        foreach (var letter in letters)
        {
            (await drill.PostAsync($"/api/admin/dead-letters/{letter.Id}/replay", Tokens.Admin, new { })).Status.ShouldBe(200);
            var again = await drill.PostAsync($"/api/admin/dead-letters/{letter.Id}/replay", Tokens.Admin, new { });
            again.Status.ShouldBeOneOf(404, 409);
            refusedAgain++;
        }
        foreach (var (notification, _) in poisoned)
        {
            while (await Delivery(drill, notification) is null)
            {
                replayedAt.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "a replayed notice was not delivered within 30 s");
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }
        var delivered = replayedAt.Elapsed;

        foreach (var (notification, contact) in poisoned)
        {
            drill.Gateway.CallsTo(contact).Count(c => !c.Failed).ShouldBe(1);
            (await Delivery(drill, notification))!.Attempts.ShouldBe(1);
        }
        foreach (var letter in letters)
            (await drill.PostAsync($"/api/admin/dead-letters/{letter.Id}/replay", Tokens.Admin, new { })).Status.ShouldBe(404);
        (await drill.GetAsync("/api/admin/dead-letters", Tokens.Admin)).As<List<DeadLetter>>()
            .ShouldNotContain(l => letters.Select(x => x.Id).Contains(l.Id));

        Drill.Report("poison: a notice whose provider keeps failing",
        [
            $"poison notices: {poisons}; each handled {Handlings} times ({CallsPerHandling} gateway calls each, {CallsPerHandling * Handlings} in all) before the dead-letter table",
            $"dead-lettered after {deadLettered.TotalSeconds:F1} s (scheduled retries brought forward); meanwhile {lodged} complaints lodged (all 201) and 1 other notice delivered",
            "GET/POST /api/admin/dead-letters: 401 without a token, 403 for a clerk, 404 for an unknown id",
            $"replayed by the administrator: {poisons}; delivered {delivered.TotalSeconds:F1} s after the replay; a second replay refused (404/409): {refusedAgain}; sent twice: 0",
            "(2-core machine shared with other work)",
        ]);
    }

    private static async Task<Guid> PublishNotice(RaceDrillHost drill, string contact)
    {
        var notification = new Notification
        {
            Id = Guid.CreateVersion7(), UserId = "gongan", Kind = NoticeKind.ComplaintOverdue, Title = "诉求超期 Overdue",
            Body = "演练 Drill", CaseId = Guid.CreateVersion7(), Link = "/api/complaints/x", EventId = Guid.CreateVersion7(),
            CreatedAt = drill.Clock.GetUtcNow(),
        };
        await using (var session = drill.Store.LightweightSession(AppFixture.County))
        {
            session.Store(notification);
            await session.SaveChangesAsync();
        }
        await drill.PublishAsync(new SendNotice(notification.Id, "gongan", NoticeChannel.Email, contact, "【演练】诉求超期"));
        return notification.Id;
    }

    private static async Task<NoticeDelivery?> Delivery(RaceDrillHost drill, Guid notification)
    {
        await using var session = drill.Store.QuerySession(AppFixture.County);
        return (await session.LoadAsync<Notification>(notification))?.Delivery;
    }

    /// <summary>The 1, 5 and 30 minutes of the retry schedule pass at once: each scheduled retry of a notice falls due now.</summary>
    private static async Task BringScheduledRetriesForward(RaceDrillHost drill)
    {
        await using var connection = new NpgsqlConnection(drill.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            update whistle.wolverine_incoming_envelopes set execution_time = now() - interval '1 second'
             where status = 'Scheduled' and message_type like '%SendNotice' and execution_time > now()
            """, connection);
        await command.ExecuteNonQueryAsync();
    }
}
