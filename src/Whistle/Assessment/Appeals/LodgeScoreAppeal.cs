using System.Globalization;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Deadlines;
using Whistle.County.Directory;
using Whistle.Kernel;
using Whistle.Whistles;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Assessment.Appeals;

/// <summary>
/// A department officer appeals one item of its department's scorecard (考核申诉): its assignment on a whistle, or one
/// deadline of it that was charged as missed (<c>kind</c> and <c>dueAt</c>, as the scorecard lists it), with a reason.
/// </summary>
[ExampleBody("""{"whistleId": "7d6f1c2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f", "reason": "签收时限内系统停电，已有供电公司证明。", "kind": "SignFor", "dueAt": "2026-03-10T17:30:00+08:00"}""")]
public sealed record LodgeScoreAppeal(Guid? WhistleId, string? Reason, DeadlineKind? Kind = null, DateTimeOffset? DueAt = null);

/// <summary>201 body: the appeal's id; Location points at it.</summary>
public sealed record ScoreAppealLodgedResponse(Guid AppealId) : CreationResponse($"/api/assessment/appeals/{AppealId}");

/// <summary>What lodging reads: the department's assignment from the whistle's events, the policy, and whether the item was appealed.</summary>
public sealed record AppealLodging(AssessedOnWhistle? Assessed, DeadlinePolicy Policy, bool AlreadyAppealed);

public static class LodgeScoreAppealEndpoint
{
    /// <summary>The appeal's stream id: name-based on the item, so the same item always finds the same appeal.</summary>
    public static Guid AppealIdOf(AppealedItem item) => DirectoryIds.For("score-appeal", item.Key);

    public static async Task<AppealLodging> LoadAsync(LodgeScoreAppeal command, ClaimsPrincipal user, IDocumentSession session, CancellationToken ct)
    {
        var policy = await DeadlinePolicy.CurrentAsync(session, ct);
        if (command.WhistleId is not { } whistleId || whistleId == Guid.Empty || Scope.Of(user).Department is not { } department)
            return new AppealLodging(null, policy, false);
        // The whistle's own stream, never a read model: the write side judges the item from the events.
        var events = await session.Events.FetchStreamAsync(whistleId, token: ct);
        var assessed = AppealGrounds.Of([.. events.Select(e => e.Data)], department);
        var appealed = assessed is not null
            && await session.Events.FetchStreamStateAsync(AppealIdOf(Item(command, department, assessed.Month)), ct) is not null;
        return new AppealLodging(assessed, policy, appealed);
    }

    public static ProblemDetails Validate(LodgeScoreAppeal command, AppealLodging lodging, TimeProvider clock) =>
        Check(command, lodging, clock.GetUtcNow());

    /// <summary>
    /// 400 for a malformed appeal; 404 for a whistle the department was never given (or none), or a deadline it was not
    /// charged with; 409 after the window, or when the item already has an appeal (pending or ruled: a ruling is final).
    /// </summary>
    public static ProblemDetails Check(LodgeScoreAppeal command, AppealLodging lodging, DateTimeOffset now)
    {
        var errors = new FieldErrors().Required("whistleId", command.WhistleId).Text("reason", command.Reason, 1000)
            .When(command.Kind is { } k && !Enum.IsDefined(k), "kind", "应为 SignFor 或 Reply。SignFor or Reply.")
            .When(command.Kind is null != command.DueAt is null, "dueAt", "指明超时须同时给出 kind 与 dueAt。A missed deadline is named by both kind and dueAt.");
        if (errors.Any) return errors.ToProblem();
        if (lodging.Assessed is not { } assessed)
            return Problems.NotFound($"本部门没有吹哨 {command.WhistleId} 的考核任务。", $"Your department has no assessed assignment on whistle {command.WhistleId}.");
        if (command.Kind is { } kind && !assessed.Assignment.Missed.Any(m => m.Kind == kind && m.DueAt == command.DueAt))
            return Problems.NotFound("本部门在该任务上没有被记录这次超时。", "Your department was not charged with that missed deadline on this assignment.");
        var end = AppealGrounds.WindowEnd(assessed.Month, lodging.Policy.Assessment.AppealDays);
        if (now >= end) return WindowClosed(assessed.Month, end);
        return lodging.AlreadyAppealed
            ? Problems.Conflict("该考核项目已有申诉，不能重复申诉。", "This scorecard item has already been appealed; it cannot be appealed again.")
            : Problems.None;
    }

    /// <summary>409 naming the end of the window (China time), also given as <c>appealWindowEnd</c>.</summary>
    public static ProblemDetails WindowClosed(string month, DateTimeOffset end)
    {
        var local = CountyTime.Local(end).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
        var problem = Problems.Conflict($"{month} 的考核申诉期已于 {local} 届满。", $"The appeal window for {month} closed at {local}.");
        problem.Extensions["appealWindowEnd"] = end;
        return problem;
    }

    [EndpointSummary("提出考核申诉 Lodge a score appeal")]
    [WolverinePost("/api/assessment/appeals", OperationId = nameof(LodgeScoreAppeal))]
    [Authorize(Roles = Roles.Department)]
    public static (ScoreAppealLodgedResponse, IStartStream) Post(LodgeScoreAppeal command, AppealLodging lodging, ClaimsPrincipal user, DateTimeOffset now) =>
        Lodge(command, lodging, Scope.Of(user).Department!, Actor.From(user), now);

    /// <summary>The decision: the appeal's stream starts, recording the window it was lodged within and the policy version that set it.</summary>
    public static (ScoreAppealLodgedResponse, IStartStream) Lodge(LodgeScoreAppeal command, AppealLodging lodging, string department, Actor by, DateTimeOffset now)
    {
        var item = Item(command, department, lodging.Assessed!.Month);
        var id = AppealIdOf(item);
        var lodged = new ScoreAppealLodged(id, item, command.Reason!.Trim(), lodging.Policy.Version,
            AppealGrounds.WindowEnd(item.Month, lodging.Policy.Assessment.AppealDays), by, now);
        return (new ScoreAppealLodgedResponse(id), MartenOps.StartStream<ScoreAppeal>(id, lodged));
    }

    private static AppealedItem Item(LodgeScoreAppeal command, string department, string month) =>
        new(command.WhistleId!.Value, department, month, command.Kind, command.Kind is null ? null : command.DueAt);
}
