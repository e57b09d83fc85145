using System.Diagnostics;
using Shouldly;
using Whistle.Complaints;
using Whistle.Notifications;

namespace Whistle.IntegrationTests.Faults;

/// <summary>
/// Issue 14, item 3: the same command id sent concurrently, and the same message delivered twice, have one effect.
/// Fast: one round of 20 requests with one Idempotency-Key, one deadline delivered 5 times at once and twice more after.
/// Full (<c>ops/faults/duplicates</c>): 25 rounds of 20, 20 deadlines each delivered 10 times at once.
/// </summary>
public sealed class DuplicateDeliveryDrill
{
    private const string StillProcessing = "still being processed";
    private const string JustFinished = "just finished";

    [Fact]
    public async Task the_same_idempotency_key_sent_twenty_times_at_once_appends_once_and_replays_the_first_answer()
    {
        await using var drill = await RaceDrillHost.StartAsync("whistle_tests_drill_duplicates");
        int rounds = Drill.Size(1, 25), copies = 20, sent = 0, first = 0, replayed = 0, stillProcessing = 0, justFinished = 0, notes = 0;
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            var lodged = await drill.LodgeAsync();
            var key = $"note-{lodged.Id:N}";
            var note = new AddComplaintNote($"第 {round} 轮：电话告知居民处理进度", NoteVisibility.Public);
            var answers = await Task.WhenAll(Enumerable.Range(0, copies)
                .Select(_ => drill.PostAsync($"/api/complaints/{lodged.Id}/notes", Tokens.Clerk, note, key)));
            sent += copies;

            // Every copy runs; the one whose commit wins keeps its answer, and each loser, rolled back, is answered with it.
            var original = answers.First(a => a.Status == 200);
            foreach (var answer in answers.Where(a => !ReferenceEquals(a, original)))
            {
                if (answer.Status == 200)
                {
                    answer.Body.ShouldBe(original.Body);
                    replayed++;
                }
                else
                {
                    answer.Status.ShouldBe(409, answer.Body);
                    var detail = answer.Problem!.Detail!;
                    (detail.Contains(StillProcessing) || detail.Contains(JustFinished)).ShouldBeTrue(detail);
                    if (detail.Contains(StillProcessing)) stillProcessing++; else justFinished++;
                }
            }
            first++;

            // After all have finished, the key answers as the first request did; a claim still held is retried, bounded.
            var again = await RetryWhileStillProcessing(() => drill.PostAsync($"/api/complaints/{lodged.Id}/notes", Tokens.Clerk, note, key));
            again.Status.ShouldBe(200);
            again.Body.ShouldBe(original.Body);

            var events = await drill.EventsOf(lodged.Id);
            events.Select(e => e.Version).ShouldBe([1, 2]);
            events.Count(e => e.Data is ComplaintNoteAdded).ShouldBe(1);
            notes += events.Count(e => e.Data is ComplaintNoteAdded);
        }

        notes.ShouldBe(rounds);
        Drill.Report("duplicates: one Idempotency-Key sent concurrently",
        [
            $"rounds: {rounds}, identical requests per round: {copies}, sent: {sent}",
            $"first answers: {first}; the other copies answered 200 with the first's body: {replayed}",
            $"409 'still being processed': {stillProcessing}; 409 'just finished': {justFinished}; any other answer: 0",
            $"notes appended: {notes} (expected {rounds}); duplicated: {notes - rounds}; after the race the key replayed the first answer in {rounds} of {rounds} rounds",
            $"time: {clock.Elapsed.TotalSeconds:F1} s (2-core machine shared with other work)",
        ]);
    }

    [Fact]
    public async Task a_deadline_delivered_many_times_at_once_and_again_after_marks_the_complaint_overdue_once()
    {
        await using var drill = await RaceDrillHost.StartAsync("whistle_tests_drill_redelivery");
        int complaints = Drill.Size(1, 20), atOnce = Drill.Size(5, 10), after = 2, delivered = 0, lostRaces = 0, overdue = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < complaints; i++)
        {
            var lodged = await drill.LodgeAsync();
            var due = (await drill.EventsOf(lodged.Id))[0].Data.ShouldBeOfType<ComplaintLodged>().Due.ShouldNotBeNull();
            var deadline = new ComplaintDeadlineReached(lodged.Id, due.Step, due.DueAt);

            // At once: a loser of the race on the stream is retried by the error policy, then reloads and finds it marked.
            var outcomes = await Task.WhenAll(Enumerable.Range(0, atOnce).Select(async _ =>
            {
                try
                {
                    await drill.InvokeAsync(deadline);
                    return null;
                }
                catch (Exception e)
                {
                    return e;
                }
            }));
            foreach (var failure in outcomes.OfType<Exception>())
                failure.ShouldBeAssignableTo<JasperFx.ConcurrencyException>(failure.ToString());
            lostRaces += outcomes.Count(o => o is not null);
            for (var n = 0; n < after; n++) await drill.InvokeAsync(deadline);
            delivered += atOnce + after;

            var events = await drill.EventsOf(lodged.Id);
            events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, events.Count).Select(v => (long)v));
            var marked = events.Where(e => e.Data is ComplaintOverdue).ShouldHaveSingleItem().Data.ShouldBeOfType<ComplaintOverdue>();
            marked.DueAt.ShouldBe(due.DueAt);
            overdue++;
        }

        Drill.Report("duplicates: one deadline message delivered many times",
        [
            $"complaints: {complaints}; deliveries of each one's accept deadline: {atOnce} at once, then {after} one after another; delivered in all: {delivered}",
            $"deliveries that lost the race after the policy's retries (a durable queue would retry them again): {lostRaces}",
            $"ComplaintOverdue appended: {overdue} (expected {complaints}); duplicated: 0",
            $"time: {clock.Elapsed.TotalSeconds:F1} s (2-core machine shared with other work)",
        ]);
    }

    [Fact]
    public async Task a_notice_delivered_twice_goes_out_once()
    {
        await using var drill = await RaceDrillHost.StartAsync("whistle_tests_drill_notice_twice");
        var contact = $"138{Random.Shared.Next(10_000_000, 99_999_999)}";
        var notification = new Notification
        {
            Id = Guid.CreateVersion7(), UserId = "gongan", Kind = NoticeKind.ComplaintOverdue, Title = "诉求超期 Overdue",
            Body = "演练 Drill", CaseId = Guid.CreateVersion7(), Link = "/api/complaints/x", EventId = Guid.CreateVersion7(),
            CreatedAt = drill.Clock.GetUtcNow(),
        };
        await using (var session = drill.Store.LightweightSession(AppFixture.County))
        {
            session.Store(notification);
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var notice = new SendNotice(notification.Id, "gongan", NoticeChannel.Sms, contact, "【演练】诉求超期");

        await drill.InvokeAsync(notice);
        await drill.InvokeAsync(notice);

        drill.Gateway.CallsTo(contact).ShouldHaveSingleItem().Failed.ShouldBeFalse();
        await using var query = drill.Store.QuerySession(AppFixture.County);
        (await query.LoadAsync<Notification>(notification.Id, TestContext.Current.CancellationToken))!.Delivery.ShouldNotBeNull().Attempts.ShouldBe(1);
        Drill.Report("duplicates: one outbound notice delivered twice",
            ["SendNotice delivered: 2, one after the other; gateway calls: 1; delivery recorded: once"]);
    }

    /// <summary>Retries an answer of 409 for a key whose first request still holds its claim: bounded, with backoff.</summary>
    internal static async Task<RaceDrillHost.Answer> RetryWhileStillProcessing(Func<Task<RaceDrillHost.Answer>> send)
    {
        var deadline = Stopwatch.StartNew();
        var wait = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var answer = await send();
            if (answer.Status != 409 || !(answer.Problem?.Detail ?? "").Contains(StillProcessing) || deadline.Elapsed > TimeSpan.FromSeconds(30))
                return answer;
            await Task.Delay(wait, TestContext.Current.CancellationToken);
            wait = TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds * 2, 2000));
        }
    }
}
