using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.JointMeetings.Meetings;

/// <summary>The office drops an item from the agenda, saying why.</summary>
[ExampleBody("""{"itemNumber": 2, "reason": "街道已协调解决，无需上会。"}""")]
public sealed record DropAgendaItem(int? ItemNumber, string? Reason, long? ExpectedVersion = null);

public static class DropAgendaItemEndpoint
{
    /// <summary>
    /// A reason is required; an item not on the agenda is 404; once the meeting is held the agenda is closed (409).
    /// </summary>
    public static ProblemDetails Validate(DropAgendaItem command, JointMeeting meeting)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, meeting.Version) is { } stale) return stale;
        var errors = new FieldErrors().Text("reason", command.Reason, 500).When(command.ItemNumber is null, "itemNumber", "必填。Required.");
        if (errors.Any) return errors.ToProblem();
        if (meeting.Item(command.ItemNumber!.Value) is null) return JointMeetingRules.ItemNotFound(meeting.Id, command.ItemNumber);
        return meeting.Held ? JointMeetingRules.AlreadyHeld : Problems.None;
    }

    [EndpointSummary("撤下议程事项 Drop an agenda item")]
    [WolverinePost("/api/joint-meetings/{jointMeetingId}/agenda/drop", OperationId = nameof(DropAgendaItem))]
    [Authorize(Roles = Roles.Office)]
    public static (JointMeetingAnswer, Events) Post(DropAgendaItem command, [WriteAggregate] JointMeeting meeting, ClaimsPrincipal user, DateTimeOffset now) =>
        Drop(command, meeting, Actor.From(user), now);

    /// <summary>The decision: the item dropped; its number is not given again.</summary>
    public static (JointMeetingAnswer, Events) Drop(DropAgendaItem command, JointMeeting meeting, Actor by, DateTimeOffset now) =>
        JointMeetingAnswer.With(meeting, [new AgendaItemDropped(meeting.Id, command.ItemNumber!.Value, command.Reason!.Trim(), by, now)]);
}
