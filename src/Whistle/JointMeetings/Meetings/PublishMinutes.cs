using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.JointMeetings.Meetings;

/// <summary>The office publishes the meeting's minutes (印发会议纪要).</summary>
[ExampleBody("""{"expectedVersion": 6}""")]
public sealed record PublishMinutes(long? ExpectedVersion = null);

public static class PublishMinutesEndpoint
{
    /// <summary>Only a meeting that has been held has minutes (409 before).</summary>
    public static ProblemDetails Validate(PublishMinutes command, JointMeeting meeting) =>
        Problems.CheckVersion(command.ExpectedVersion, meeting.Version) ?? (meeting.Held ? Problems.None : JointMeetingRules.NotHeld);

    [EndpointSummary("发布会议纪要 Publish the minutes")]
    [WolverinePost("/api/joint-meetings/{jointMeetingId}/minutes", OperationId = nameof(PublishMinutes))]
    [Authorize(Roles = Roles.Office)]
    public static (JointMeetingAnswer, Events) Post(PublishMinutes command, [WriteAggregate] JointMeeting meeting, ClaimsPrincipal user, DateTimeOffset now) =>
        Publish(meeting, Actor.From(user), now);

    /// <summary>The decision: published once; publishing again appends nothing (later corrections and actions show in them all the same).</summary>
    public static (JointMeetingAnswer, Events) Publish(JointMeeting meeting, Actor by, DateTimeOffset now) =>
        JointMeetingAnswer.With(meeting, meeting.MinutesPublished ? [] : [new MinutesPublished(meeting.Id, by, now)]);
}
