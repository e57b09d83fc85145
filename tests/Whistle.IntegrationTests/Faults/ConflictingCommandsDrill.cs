using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Complaints;
using Whistle.Kernel;

namespace Whistle.IntegrationTests.Faults;

/// <summary>
/// Issue 14, item 3: 50 conflicting commands on one complaint from 50 clients at once — 20 notes, 15 acceptances and
/// 15 declines, where order matters (a decline ends the complaint, after which notes and acceptance are refused; an
/// acceptance refuses every decline). The stream's versions stay contiguous, the final state is what folding the
/// winners' events gives and what the winners' commands give applied one after another through their own rules, and
/// every loser gets a 409 ProblemDetails and appends nothing. Fast: one complaint; full (<c>ops/faults/conflicts</c>): 20.
/// </summary>
public sealed class ConflictingCommandsDrill
{
    private const int Notes = 20, Accepts = 15, Declines = 15;

    private sealed record Sent(string Kind, object Command, RaceDrillHost.Answer Answer);

    [Fact]
    public async Task fifty_conflicting_commands_leave_contiguous_versions_a_sequential_outcome_and_409s_for_the_losers()
    {
        await using var drill = await RaceDrillHost.StartAsync("whistle_tests_drill_conflicts");
        int cases = Drill.Size(1, 20), sent = 0, won = 0, lost = 0, acceptedCases = 0, declinedCases = 0, lodgedCases = 0, appended = 0;
        var clock = Stopwatch.StartNew();
        var clerk = Clerk();
        for (var c = 0; c < cases; c++)
        {
            var lodged = await drill.LodgeAsync();
            var url = $"/api/complaints/{lodged.Id}";
            var commands = Enumerable.Range(0, Notes).Select(i => ("note", (object)new AddComplaintNote($"第 {c}-{i} 条备注", NoteVisibility.Internal)))
                .Concat(Enumerable.Range(0, Accepts).Select(_ => ("accept", (object)new AcceptComplaint())))
                .Concat(Enumerable.Range(0, Declines).Select(i => ("decline", (object)new DeclineComplaint($"不属受理范围 {i}", "12345"))))
                .OrderBy(_ => Random.Shared.Next()).ToList();
            var answers = await Task.WhenAll(commands.Select(async x => new Sent(x.Item1, x.Item2,
                await drill.PostAsync($"{url}/{(x.Item1 == "note" ? "notes" : x.Item1)}", Tokens.Clerk, x.Item2))));
            sent += answers.Length;

            foreach (var loser in answers.Where(a => a.Answer.Status != 200))
            {
                loser.Answer.Status.ShouldBe(409, loser.Answer.Body);
                loser.Answer.Problem.ShouldNotBeNull().Status.ShouldBe(409);
            }
            var winners = answers.Where(a => a.Answer.Status == 200).ToList();
            won += winners.Count;
            lost += answers.Length - winners.Count;

            var events = await drill.EventsOf(lodged.Id);
            events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, events.Count).Select(v => (long)v));
            appended += events.Count - 1;

            // Each winning note appended exactly its text once; no losing note appended anything.
            var noteTexts = events.Select(e => e.Data).OfType<ComplaintNoteAdded>().Select(n => n.Text).ToList();
            noteTexts.ShouldBeUnique();
            noteTexts.ShouldBe(winners.Where(w => w.Kind == "note").Select(w => ((AddComplaintNote)w.Command).Text!), ignoreOrder: true);
            var decided = events.Select(e => e.Data).Where(d => d is ComplaintAccepted or ComplaintDeclined).ToList();
            decided.Count.ShouldBeLessThanOrEqualTo(1);
            if (decided.SingleOrDefault() is ComplaintDeclined declined)
            {
                winners.Where(w => w.Kind == "decline").Select(w => ((DeclineComplaint)w.Command).Reason).ShouldContain(declined.Reason);
                winners.ShouldNotContain(w => w.Kind == "accept");
            }
            if (decided.SingleOrDefault() is ComplaintAccepted) winners.ShouldNotContain(w => w.Kind == "decline");
            if (decided.Count == 0) winners.ShouldAllBe(w => w.Kind == "note");

            // The same commands one after another: each winner, in the order of the version it appended, passes its own
            // rules on the state before it and gives the event it appended; the winners that appended nothing (a repeated
            // acceptance or decline) pass their rules on the final state and decide nothing there.
            var state = Complaint.Create((ComplaintLodged)events[0].Data).AtVersion(1);
            foreach (var e in events.Skip(1))
            {
                var winner = e.Data switch
                {
                    ComplaintNoteAdded n => winners.Single(w => w.Command is AddComplaintNote note && note.Text == n.Text),
                    ComplaintDeclined d => winners.First(w => w.Command is DeclineComplaint decline && decline.Reason == d.Reason),
                    ComplaintAccepted => winners.First(w => w.Kind == "accept"),
                    _ => throw new ShouldAssertException($"Unexpected event {e.Data.GetType().Name}"),
                };
                RulesOf(winner, state, clerk).ShouldBeSameAs(Problems.None);
                if (winner.Command is AddComplaintNote added)
                {
                    var (_, decision) = AddComplaintNoteEndpoint.Post(added, state, clerk, e.Timestamp);
                    decision.ShouldHaveSingleItem().ShouldBeOfType<ComplaintNoteAdded>().Text.ShouldBe(added.Text!.Trim());
                }
                if (winner.Command is DeclineComplaint refused)
                    DeclineComplaintEndpoint.Post(refused, state, clerk, e.Timestamp).Item2.ShouldHaveSingleItem().ShouldBeOfType<ComplaintDeclined>();
                state = state.After([e.Data]);
            }
            foreach (var repeated in winners.Where(w => w.Kind != "note").Skip(decided.Count))
            {
                RulesOf(repeated, state, clerk).ShouldBeSameAs(Problems.None);
                if (repeated.Command is DeclineComplaint again) DeclineComplaintEndpoint.Post(again, state, clerk, DateTimeOffset.UtcNow).Item2.ShouldBeEmpty();
                else AcceptComplaintEndpoint.Accept(state, null!, Actor.From(clerk), DateTimeOffset.UtcNow).Item2.ShouldBeEmpty();
            }

            // The fold of the winners' events is the state the store gives and the answer the last winner got.
            await using (var session = drill.Store.QuerySession(AppFixture.County))
            {
                var stored = (await session.Events.AggregateStreamAsync<Complaint>(lodged.Id, token: TestContext.Current.CancellationToken))!;
                (stored.Version, stored.Status, stored.Due).ShouldBe((state.Version, state.Status, state.Due));
                var details = (await session.LoadAsync<ComplaintDetails>(lodged.Id, TestContext.Current.CancellationToken))!;
                details.Status.ShouldBe(state.Status);
            }
            var last = winners.Select(w => w.Answer.As<ComplaintAnswer>()).MaxBy(a => a.Version)!;
            (last.Version, last.Status).ShouldBe((state.Version, state.Status));

            switch (state.Status)
            {
                case ComplaintStatus.Accepted: acceptedCases++; break;
                case ComplaintStatus.Declined: declinedCases++; break;
                default: lodgedCases++; break;
            }
        }

        Drill.Report("conflicts: 50 conflicting commands on one complaint at once",
        [
            $"complaints: {cases}; commands per complaint: {Notes} notes, {Accepts} acceptances, {Declines} declines, sent at once from {Notes + Accepts + Declines} clients; sent: {sent}",
            $"won (200): {won}; lost (409 ProblemDetails): {lost}; any other answer (500…): 0",
            $"events appended by winners: {appended}; gaps or duplicated versions: 0; events of losers: 0",
            $"outcomes: accepted {acceptedCases}, declined {declinedCases}, still lodged (every decision lost its race) {lodgedCases}",
            "final state = fold of the winners' events in version order = the winners' commands applied one after another (rules and decisions) = the store's aggregate and the details read model",
            $"time: {clock.Elapsed.TotalSeconds:F1} s (2-core machine shared with other work)",
        ]);
    }

    private static ProblemDetails RulesOf(Sent sent, Complaint state, ClaimsPrincipal user) => sent.Command switch
    {
        AddComplaintNote note => AddComplaintNoteEndpoint.Validate(note, state, user),
        AcceptComplaint accept => AcceptComplaintEndpoint.Validate(accept, state, user),
        DeclineComplaint decline => DeclineComplaintEndpoint.Validate(decline, state, user),
        _ => throw new ArgumentOutOfRangeException(nameof(sent)),
    };

    private static ClaimsPrincipal Clerk() => new(new ClaimsIdentity(
    [
        new Claim(WhistleClaims.Subject, Tokens.Clerk.Id),
        new Claim(WhistleClaims.Name, "clerk 测试"),
        new Claim(WhistleClaims.Role, Tokens.Clerk.Role),
        new Claim(WhistleClaims.County, AppFixture.County),
    ], "drill", WhistleClaims.Name, WhistleClaims.Role));
}
