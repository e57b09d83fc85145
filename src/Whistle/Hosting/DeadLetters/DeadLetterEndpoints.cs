using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Runtime;

namespace Whistle.Hosting.DeadLetters;

/// <summary>The answer to a replay: the dead letter as it stood when it was marked for replay.</summary>
public sealed record DeadLetterReplay(Guid Id, string? MessageType, string Outcome);

public static class ListDeadLettersEndpoint
{
    /// <summary>The messages Wolverine gave up on after their retries: an administrator's to look into and replay once fixed.</summary>
    [EndpointSummary("死信列表 The dead letters")]
    [WolverineGet("/api/admin/dead-letters", OperationId = "ListDeadLetters")]
    [Authorize(Roles = Roles.Admin)]
    public static Task<IReadOnlyList<DeadLetter>> Get(IWolverineRuntime runtime, CancellationToken ct) =>
        new DeadLetterDesk(runtime).ListAsync(ct);
}

public static class ReplayDeadLetterEndpoint
{
    /// <summary>
    /// An administrator replays one dead letter, after fixing what made it fail: it goes back to the inbox once. An
    /// unknown id (or one already replayed, so gone from the table) is a 404; one already marked and waiting for the
    /// durability agent is a 409.
    /// </summary>
    [EndpointSummary("重放死信 Replay a dead letter")]
    [WolverinePost("/api/admin/dead-letters/{id}/replay", OperationId = "ReplayDeadLetter")]
    [Authorize(Roles = Roles.Admin)]
    public static async Task<IResult> Post(Guid id, IWolverineRuntime runtime, CancellationToken ct)
    {
        var desk = new DeadLetterDesk(runtime);
        var letter = await desk.FindAsync(id);
        return await desk.ReplayAsync(id, ct) switch
        {
            ReplayOutcome.Marked => Results.Ok(new DeadLetterReplay(id, letter?.MessageType, "已安排重放 Marked for replay")),
            ReplayOutcome.AlreadyMarked => Problem(Problems.Conflict(
                "该死信已安排重放，正等待处理。", "This dead letter is already marked for replay and waits for the durability agent.")),
            _ => Problem(Problems.NotFound(
                $"没有编号为 {id} 的死信（或已重放）。", $"No dead letter has the id {id} (or it was replayed already).")),
        };
    }

    private static IResult Problem(ProblemDetails problem) => Results.Problem(problem);
}
