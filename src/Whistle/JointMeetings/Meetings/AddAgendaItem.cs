using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.JointMeetings.Meetings;

/// <summary>The office adds an item by hand (a whistle, or a department's rejection on it), saying why.</summary>
[ExampleBody("""{"whistleId": "7d6f1c2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f", "reason": "部门拒绝派单后逾期未处理，提请联席会议协调。"}""")]
[OptionalFields("rejectionOf")]
public sealed record AddAgendaItem(Guid? WhistleId, string? RejectionOf, string? Reason, long? ExpectedVersion = null);

public static class AddAgendaItemEndpoint
{
    public static Task<AgendaWhistles> LoadAsync(AddAgendaItem command, IDocumentSession session, CancellationToken ct) =>
        AgendaWhistles.LoadAsync([command.WhistleId], session, ct);

    /// <summary>
    /// Before the meeting is held (409 after); a reason is required; the whistle exists (400) and has not concluded
    /// (409); an item already on the agenda is 409.
    /// </summary>
    public static ProblemDetails Validate(AddAgendaItem command, JointMeeting meeting, AgendaWhistles whistles)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, meeting.Version) is { } stale) return stale;
        if (meeting.Held) return JointMeetingRules.AlreadyHeld;
        var errors = new FieldErrors().Text("reason", command.Reason, 500);
        if (errors.Any) return errors.ToProblem();
        var candidate = new AgendaCandidate(command.WhistleId, command.RejectionOf);
        if (whistles.Check([candidate], "") is { Status: not null } problem) return problem;
        return meeting.Lists(command.WhistleId!.Value, command.RejectionOf)
            ? Problems.Conflict("此项已在议程中。", "The item is already on the agenda.")
            : Problems.None;
    }

    [EndpointSummary("增加议程事项 Add an agenda item")]
    [WolverinePost("/api/joint-meetings/{jointMeetingId}/agenda/items", OperationId = nameof(AddAgendaItem))]
    [Authorize(Roles = Roles.Office)]
    public static (JointMeetingAnswer, Events) Post(
        AddAgendaItem command, [WriteAggregate] JointMeeting meeting, AgendaWhistles whistles, ClaimsPrincipal user, DateTimeOffset now) =>
        Add(command, meeting, whistles, Actor.From(user), now);

    /// <summary>The decision: the item, with the next number and the office's reason.</summary>
    public static (JointMeetingAnswer, Events) Add(AddAgendaItem command, JointMeeting meeting, AgendaWhistles whistles, Actor by, DateTimeOffset now) =>
        JointMeetingAnswer.With(meeting,
            [new AgendaItemAdded(meeting.Id, whistles.Item(new AgendaCandidate(command.WhistleId, command.RejectionOf), meeting.NextNumber),
                command.Reason!.Trim(), by, now)]);
}
