using System.Diagnostics;
using JasperFx.Events.Projections;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Whistle.Complaints;
using Whistle.Hosting.Projections;
using Whistle.IntegrationTests.Hosting;

namespace Whistle.IntegrationTests.Faults;

/// <summary>
/// Issue 14, item 3, last drill: after racing traffic (one Idempotency-Key sent 20 times at once, 50 conflicting commands
/// on one complaint at once, a deadline delivered 3 times at once), rebuilding every read model from the events gives
/// exactly the documents the live projections built. Fast: 2 complaints; full (<c>ops/faults/rebuild</c>): 20.
/// </summary>
public sealed class RebuildAfterFaultsDrill
{
    [Fact]
    public async Task rebuilding_after_racing_traffic_gives_exactly_the_live_read_models()
    {
        await using var drill = await RaceDrillHost.StartAsync("whistle_tests_drill_rebuild");
        var complaints = Drill.Size(2, 20);
        var requests = 0;
        var clock = Stopwatch.StartNew();
        for (var c = 0; c < complaints; c++)
        {
            var lodged = await drill.LodgeAsync();
            var url = $"/api/complaints/{lodged.Id}";
            var key = $"rebuild-{lodged.Id:N}";
            var note = new AddComplaintNote("电话告知居民处理进度", NoteVisibility.Public);
            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => drill.PostAsync($"{url}/notes", Tokens.Clerk, note, key)));
            var due = (await drill.EventsOf(lodged.Id))[0].Data.ShouldBeOfType<ComplaintLodged>().Due.ShouldNotBeNull();
            var racing = Enumerable.Range(0, 50).Select(i => (i % 10) switch
            {
                0 => drill.PostAsync($"{url}/decline", Tokens.Clerk, new DeclineComplaint($"不属受理范围 {i}", null)),
                < 4 => drill.PostAsync($"{url}/accept", Tokens.Clerk, new AcceptComplaint()),
                _ => drill.PostAsync($"{url}/notes", Tokens.Clerk, new AddComplaintNote($"备注 {c}-{i}", NoteVisibility.Internal)),
            }).ToList();
            var answers = await Task.WhenAll(racing);
            answers.ShouldAllBe(a => a.Status == 200 || a.Status == 409);
            await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
            {
                try { await drill.InvokeAsync(new ComplaintDeadlineReached(lodged.Id, due.Step, due.DueAt)); }
                catch (JasperFx.ConcurrencyException) { /* a lost race: the durable queue would retry it; the one that won marked it */ }
            }));
            requests += 20 + 50 + 3;
        }

        // The running daemon reaches the last event (its progress only read, never paused and caught up by hand).
        await drill.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(120));
        var rebuilds = drill.Host.Services.GetRequiredService<ProjectionRebuilds>();
        var catalogue = rebuilds.Catalogue();
        var live = await ProjectionSnapshots.TakeAsync(drill.Host.Services, rebuilds, catalogue.Entries);

        var rebuilt = await drill.PostAsync("/api/admin/projections/rebuild", Tokens.Admin, new { });
        rebuilt.Status.ShouldBe(200, rebuilt.Body);
        var after = await ProjectionSnapshots.TakeAsync(drill.Host.Services, rebuilds, catalogue.Entries);
        var compared = 0;
        foreach (var projection in catalogue.Entries)
        {
            var (before, now) = (live[projection.Name], after[projection.Name]);
            if (projection.Lifecycle == ProjectionLifecycle.Inline)
                (before, now) = (ProjectionSnapshots.ToMicroseconds(before), ProjectionSnapshots.ToMicroseconds(now));
            now.ShouldBe(before, $"{projection.Name} differs after the rebuild");
            compared += before.Count;
        }
        live[catalogue.Entries.Single(e => e.Documents.Contains(typeof(ComplaintDetails))).Name].Count.ShouldBe(complaints);

        Drill.Report("rebuild: read models rebuilt after racing traffic",
        [
            $"complaints: {complaints}; requests and deliveries raced on them: {requests}",
            $"projections rebuilt: {catalogue.Entries.Count}; documents compared: {compared}; differing: 0",
            $"time: {clock.Elapsed.TotalSeconds:F1} s (2-core machine shared with other work)",
        ]);
    }
}
