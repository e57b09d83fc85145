using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.JointMeetings.Meetings;

/// <summary>
/// The office records what was done on a resolution (落实情况). The resolution's whistle runs its own course (sign-for,
/// reply, conclusion by the office); what the meeting keeps is this record, which the minutes show.
/// </summary>
[ExampleBody("""{"resolutionId": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "done": "已办结，现场复查通道畅通。"}""")]
public sealed record RecordResolutionAction(Guid? ResolutionId, string? Done, long? ExpectedVersion = null);

public static class RecordResolutionActionEndpoint
{
    /// <summary>What was done is required; a resolution not of this meeting is 404.</summary>
    public static ProblemDetails Validate(RecordResolutionAction command, JointMeeting meeting)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, meeting.Version) is { } stale) return stale;
        var errors = new FieldErrors().Required("resolutionId", command.ResolutionId).Text("done", command.Done, 1000);
        if (errors.Any) return errors.ToProblem();
        return meeting.Resolutions.Contains(command.ResolutionId!.Value) ? Problems.None : JointMeetingRules.ResolutionNotFound(meeting.Id, command.ResolutionId);
    }

    [EndpointSummary("登记决议落实 Record a resolution's action")]
    [WolverinePost("/api/joint-meetings/{jointMeetingId}/resolutions/actions", OperationId = nameof(RecordResolutionAction))]
    [Authorize(Roles = Roles.Office)]
    public static (JointMeetingAnswer, Events) Post(
        RecordResolutionAction command, [WriteAggregate] JointMeeting meeting, ClaimsPrincipal user, DateTimeOffset now) =>
        Record(command, meeting, Actor.From(user), now);

    /// <summary>The decision: the action recorded against the resolution.</summary>
    public static (JointMeetingAnswer, Events) Record(RecordResolutionAction command, JointMeeting meeting, Actor by, DateTimeOffset now) =>
        JointMeetingAnswer.With(meeting, [new ResolutionActionRecorded(meeting.Id, command.ResolutionId!.Value, command.Done!.Trim(), by, now)]);
}
