using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.JointMeetings.Meetings;

/// <summary>
/// The office proposes the agenda from its worklist as it stands (<c>GET /api/joint-meeting/worklist</c>): one item per
/// whistle, or per rejection awaiting a ruling. Proposing again adds only what is not already on the agenda.
/// </summary>
[ExampleBody("""{"items": [{"whistleId": "7d6f1c2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f"}]}""")]
public sealed record ProposeAgenda(IReadOnlyList<AgendaCandidate>? Items, long? ExpectedVersion = null);

public static class ProposeAgendaEndpoint
{
    public static Task<AgendaWhistles> LoadAsync(ProposeAgenda command, IDocumentSession session, CancellationToken ct) =>
        AgendaWhistles.LoadAsync((command.Items ?? []).Select(i => i.WhistleId), session, ct);

    /// <summary>
    /// Before the meeting is held (after, 409); one to <see cref="AgendaWhistles.MaxCandidates"/> items; each item's whistle exists (400) and has not
    /// concluded (409) — the worklist may trail the whistle.
    /// </summary>
    public static ProblemDetails Validate(ProposeAgenda command, JointMeeting meeting, AgendaWhistles whistles)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, meeting.Version) is { } stale) return stale;
        if (meeting.Held) return JointMeetingRules.AlreadyHeld;
        if (command.Items is not { Count: > 0 } items) return new FieldErrors().Add("items", "至少一项。At least one item.").ToProblem();
        if (items.Count > AgendaWhistles.MaxCandidates)
            return new FieldErrors().Add("items", $"一次至多 {AgendaWhistles.MaxCandidates} 项。At most {AgendaWhistles.MaxCandidates} items at once.").ToProblem();
        return whistles.Check(items, "items");
    }

    [EndpointSummary("拟定议程 Propose the agenda")]
    [WolverinePost("/api/joint-meetings/{jointMeetingId}/agenda", OperationId = nameof(ProposeAgenda))]
    [Authorize(Roles = Roles.Office)]
    public static (JointMeetingAnswer, Events) Post(
        ProposeAgenda command, [WriteAggregate] JointMeeting meeting, AgendaWhistles whistles, ClaimsPrincipal user, DateTimeOffset now) =>
        Propose(command, meeting, whistles, Actor.From(user), now);

    /// <summary>The decision: an item for each candidate not already on the agenda, numbered in the order given.</summary>
    public static (JointMeetingAnswer, Events) Propose(
        ProposeAgenda command, JointMeeting meeting, AgendaWhistles whistles, Actor by, DateTimeOffset now)
    {
        var events = new Events();
        var state = meeting;
        foreach (var candidate in command.Items!)
        {
            if (state.Lists(candidate.WhistleId!.Value, candidate.RejectionOf)) continue;
            var proposed = new AgendaItemProposed(meeting.Id, whistles.Item(candidate, state.NextNumber), by, now);
            events.Add(proposed);
            state = state.Apply(proposed);
        }
        return JointMeetingAnswer.With(meeting, events);
    }
}
