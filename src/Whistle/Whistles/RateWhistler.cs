using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Whistles;

/// <summary>
/// 部门评价属地 (the territory side of 双向交叉考核): a department assigned to the whistle rates the area that blew it —
/// was the whistle well-founded (合理, 1–5), did the community cooperate (配合, 1–5) — with an optional comment.
/// </summary>
[ExampleBody("""{"wellFounded": 5, "cooperation": 4, "comment": "社区现场配合及时。"}""")]
public sealed record RateWhistler(int? WellFounded, int? Cooperation, string? Comment = null, long? ExpectedVersion = null);

public static class RateWhistlerEndpoint
{
    public const int MaxComment = 500;

    /// <summary>
    /// Only an officer of a department on the whistle (anyone else: 404); only after the department replied, the whistle
    /// concluded or not (409 before); once per department per whistle (a second rating: 409). A joint meeting's whistle
    /// was blown by the office, not by a territory: there is no whistler to rate (409).
    /// </summary>
    public static ProblemDetails Validate(RateWhistler command, Whistle whistle, string department, ClaimsPrincipal user)
    {
        if (!Scope.Of(user).IsOfficerOf(department) || whistle.Find(department) is not { } assignment)
            return WhistleRules.AssignmentNotFound(whistle.Id, department);
        if (Problems.CheckVersion(command.ExpectedVersion, whistle.Version) is { } stale) return stale;
        var errors = new FieldErrors()
            .When(command.WellFounded is not (>= 1 and <= 5), "wellFounded", "合理性评分为 1 到 5。Well-founded: a score from 1 to 5.")
            .When(command.Cooperation is not (>= 1 and <= 5), "cooperation", "配合度评分为 1 到 5。Cooperation: a score from 1 to 5.")
            .Text("comment", command.Comment, MaxComment, required: false);
        if (errors.Any) return errors.ToProblem();
        if (whistle.Origin is not null)
            return Problems.Conflict("此哨由联席会议交办，由联席办发出，不评价属地。",
                "A joint meeting dispatched this whistle: the office blew it, so there is no territory to rate.");
        if (assignment.RepliedAt is null)
            return Problems.Conflict("本部门尚未反馈，反馈后方可评价属地。", "The department has not replied yet: it rates the whistler after replying.");
        return whistle.RatedWhistler.Contains(department)
            ? Problems.Conflict("本部门已评价过此次吹哨，每个部门只评一次。", "The department has already rated this whistle: once per department.")
            : Problems.None;
    }

    [EndpointSummary("评价吹哨方 Rate the whistler")]
    [WolverinePost("/api/whistles/{whistleId}/assignments/{department}/rate-whistler", OperationId = nameof(RateWhistler))]
    [Authorize(Roles = Roles.Department)]
    public static (WhistleAnswer, Events) Post(
        RateWhistler command, [WriteAggregate] Whistle whistle, string department, ClaimsPrincipal user, DateTimeOffset now) =>
        Rate(command, whistle, department, Actor.From(user), now);

    /// <summary>The decision: one rating of the whistle's community and sub-district by the department.</summary>
    public static (WhistleAnswer, Events) Rate(RateWhistler command, Whistle whistle, string department, Actor by, DateTimeOffset now)
    {
        Events events =
        [
            new WhistlerRated(whistle.Id, department, whistle.CommunityCode, whistle.SubDistrictCode, command.WellFounded!.Value,
                command.Cooperation!.Value, string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim(), by, now),
        ];
        return (WhistleAnswer.After(whistle, events), events);
    }
}
