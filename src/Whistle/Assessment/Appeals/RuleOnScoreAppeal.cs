using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Assessment.Appeals;

/// <summary>The joint-meeting office upholds or dismisses a score appeal (申诉审定), with its reason.</summary>
[ExampleBody("""{"ruling": "Upheld", "reason": "停电证明属实，该次超时不计。"}""")]
public sealed record RuleOnScoreAppeal(AppealRuling? Ruling, string? Reason);

/// <summary>The appeal after the ruling.</summary>
public sealed record ScoreAppealAnswer(Guid AppealId, AppealRuling Ruling);

public static class RuleOnScoreAppealEndpoint
{
    /// <summary>400 for a missing ruling or reason; 409 when the appeal was already ruled (a ruling is final).</summary>
    public static ProblemDetails Validate(RuleOnScoreAppeal command, ScoreAppeal appeal)
    {
        var errors = new FieldErrors().Defined("ruling", command.Ruling).Text("reason", command.Reason, 1000);
        if (errors.Any) return errors.ToProblem();
        return appeal.Ruling is { } ruled
            ? Problems.Conflict($"该申诉已审定（{(ruled == AppealRuling.Upheld ? "成立" : "不成立")}），不能再次审定。", $"The appeal was already ruled ({ruled}); it cannot be ruled again.")
            : Problems.None;
    }

    [EndpointSummary("裁定考核申诉 Rule on a score appeal")]
    [WolverinePost("/api/assessment/appeals/{appealId}/rule", OperationId = nameof(RuleOnScoreAppeal))]
    [Authorize(Roles = Roles.Office)]
    public static (ScoreAppealAnswer, Events) Post(
        RuleOnScoreAppeal command, [WriteAggregate("appealId")] ScoreAppeal appeal, ClaimsPrincipal user, DateTimeOffset now) =>
        Rule(command, appeal, Actor.From(user), now);

    /// <summary>The decision: the ruling, carrying the item (department and month) so the scorecard it corrects is found from the event alone.</summary>
    public static (ScoreAppealAnswer, Events) Rule(RuleOnScoreAppeal command, ScoreAppeal appeal, Actor by, DateTimeOffset now) =>
        (new ScoreAppealAnswer(appeal.Id, command.Ruling!.Value),
            [new ScoreAppealRuled(appeal.Id, appeal.Item, command.Ruling.Value, command.Reason!.Trim(), by, now)]);
}
