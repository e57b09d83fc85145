using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Directory;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.JointMeetings.Meetings;

/// <summary>The joint-meeting office convenes a meeting (召集联席会议): when, who chairs it, the member departments, where.</summary>
[ExampleBody("""{"scheduledAt": "2026-12-10T09:00:00+08:00", "chair": "县联席办主任", "members": ["chengguan", "gongan"], "venue": "县政府三楼会议室"}""")]
public sealed record ConveneJointMeeting(DateTimeOffset? ScheduledAt, string? Chair, IReadOnlyList<string>? Members, string? Venue);

/// <summary>201 body: the meeting's id; Location points at it.</summary>
public sealed record JointMeetingConvenedResponse(Guid Id) : CreationResponse($"/api/joint-meetings/{Id}");

public static class ConveneJointMeetingEndpoint
{
    public static Task<DepartmentCodes> LoadAsync(IQuerySession session, CancellationToken ct) => DepartmentCodes.LoadAsync(session, ct);

    /// <summary>Every field is required; the members are departments of the directory, each once, at least one.</summary>
    public static ProblemDetails Validate(ConveneJointMeeting command, DepartmentCodes departments)
    {
        var members = command.Members ?? [];
        var errors = new FieldErrors()
            .When(command.ScheduledAt is null, "scheduledAt", "必填。Required.")
            .Text("chair", command.Chair, 50)
            .Text("venue", command.Venue, 100)
            .When(members.Count == 0, "members", "至少一个成员单位。At least one member department.")
            .When(members.Distinct().Count() != members.Count, "members", "部门重复。A department appears twice.");
        foreach (var unknown in members.Where(d => !departments.Contains(d)))
            errors.Add("members", $"没有编码为 {unknown} 的部门。No department {unknown}.");
        return errors.ToProblem();
    }

    [EndpointSummary("召集联席会议 Convene a joint meeting")]
    [WolverinePost("/api/joint-meetings", OperationId = nameof(ConveneJointMeeting))]
    [Authorize(Roles = Roles.Office)]
    public static (JointMeetingConvenedResponse, IStartStream) Post(ConveneJointMeeting command, ClaimsPrincipal user, DateTimeOffset now) =>
        Convene(command, Guid.CreateVersion7(now), Actor.From(user), now);

    /// <summary>The decision: the meeting's first event.</summary>
    public static (JointMeetingConvenedResponse, IStartStream) Convene(ConveneJointMeeting command, Guid id, Actor by, DateTimeOffset now) =>
        (new JointMeetingConvenedResponse(id),
            MartenOps.StartStream<JointMeeting>(id, new JointMeetingConvened(
                id, command.ScheduledAt!.Value, command.Chair!.Trim(), [.. command.Members!], command.Venue!.Trim(), by, now)));
}
