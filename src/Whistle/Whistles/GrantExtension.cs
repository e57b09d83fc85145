using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>The whistler grants a department's extension: its reply is due at the time it asked for.</summary>
[ExampleBody("""{"expectedVersion": 4}""")]
public sealed record GrantExtension(long? ExpectedVersion = null);

public static class GrantExtensionEndpoint
{
    public static ProblemDetails Validate(GrantExtension command, Whistle whistle, string department, ClaimsPrincipal user, TimeProvider clock) =>
        Check(command, whistle, department, user, clock.GetUtcNow());

    /// <summary>A request granted must still lengthen the time, and lie ahead: otherwise it is answered by a refusal.</summary>
    public static ProblemDetails Check(GrantExtension command, Whistle whistle, string department, ClaimsPrincipal user, DateTimeOffset now) =>
        WhistleRules.Whistler(whistle, user, command.ExpectedVersion)
        ?? (whistle.Find(department) is not { } a ? WhistleRules.AssignmentNotFound(whistle.Id, department)
            : a.ProposedReplyDue is not { } proposed ? Problems.Conflict("没有待批复的延期申请。", "There is no extension request to answer.")
            : proposed <= a.ReplyDue || proposed <= now ? Problems.Conflict(
                "申请延至的时间已不晚于当前时限或已过去，只能不予批准。", "The time asked for is no longer later than the current due time, or has passed: refuse it instead.")
            : Problems.None);

    [EndpointSummary("批准延期 Grant an extension")]
    [WolverinePost("/api/whistles/{whistleId}/assignments/{department}/extension/grant", OperationId = nameof(GrantExtension))]
    [Authorize(Roles = Scope.WhistlerSide)]
    public static (WhistleAnswer, Events, OutgoingMessages) Post(
        GrantExtension command, [WriteAggregate] Whistle whistle, string department, DeadlinePolicy policy,
        ClaimsPrincipal user, DateTimeOffset now) => Grant(whistle, department, policy, Actor.From(user), now);

    public static Task<DeadlinePolicy> LoadAsync(IQuerySession session, CancellationToken ct) => DeadlinePolicy.CurrentAsync(session, ct);

    /// <summary>The decision: the new reply due time, its reminder at the policy's fraction, and the deadlines for both.</summary>
    public static (WhistleAnswer, Events, OutgoingMessages) Grant(
        Whistle whistle, string department, DeadlinePolicy policy, Actor by, DateTimeOffset now)
    {
        var due = whistle.Find(department)!.ProposedReplyDue!.Value;
        var reminder = DueTimes.Reminder(now, due, policy.Rule(whistle.Type).ReminderAt);
        var messages = new OutgoingMessages();
        messages.AddRange(WhistleRules.Schedule(whistle.Id, department, DeadlineKind.Reply, due, reminder));
        Events events = [new ExtensionGranted(whistle.Id, department, due, reminder, by, now, WhistleAudiences.Department(department))];
        return (WhistleAnswer.After(whistle, events), events, messages);
    }
}
