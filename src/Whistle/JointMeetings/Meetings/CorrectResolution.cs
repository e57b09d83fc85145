using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.JointMeetings.Meetings;

/// <summary>
/// The office corrects a dispatched resolution (决议更正): the resolution stands as adopted and the correction is recorded
/// beside it, so the minutes show both.
/// </summary>
[ExampleBody("""{"resolutionId": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "correction": "隔离桩改为地面划线", "reason": "消防车道需保持通行"}""")]
public sealed record CorrectResolution(Guid? ResolutionId, string? Correction, string? Reason, long? ExpectedVersion = null);

public static class CorrectResolutionEndpoint
{
    /// <summary>The correction and its reason are required; a resolution not of this meeting is 404.</summary>
    public static ProblemDetails Validate(CorrectResolution command, JointMeeting meeting)
    {
        if (Problems.CheckVersion(command.ExpectedVersion, meeting.Version) is { } stale) return stale;
        var errors = new FieldErrors().Required("resolutionId", command.ResolutionId).Text("correction", command.Correction, 1000).Text("reason", command.Reason, 500);
        if (errors.Any) return errors.ToProblem();
        return meeting.Resolutions.Contains(command.ResolutionId!.Value) ? Problems.None : JointMeetingRules.ResolutionNotFound(meeting.Id, command.ResolutionId);
    }

    [EndpointSummary("更正决议 Correct a resolution")]
    [WolverinePost("/api/joint-meetings/{jointMeetingId}/resolutions/corrections", OperationId = nameof(CorrectResolution))]
    [Authorize(Roles = Roles.Office)]
    public static (JointMeetingAnswer, Events) Post(CorrectResolution command, [WriteAggregate] JointMeeting meeting, ClaimsPrincipal user, DateTimeOffset now) =>
        Correct(command, meeting, Actor.From(user), now);

    /// <summary>The decision: a new event beside the resolution; the resolution itself is never edited.</summary>
    public static (JointMeetingAnswer, Events) Correct(CorrectResolution command, JointMeeting meeting, Actor by, DateTimeOffset now) =>
        JointMeetingAnswer.With(meeting,
            [new ResolutionCorrected(meeting.Id, command.ResolutionId!.Value, command.Correction!.Trim(), command.Reason!.Trim(), by, now)]);
}
