using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Complaints;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Whistles;

[OptionalFields("comment")]
public sealed record DepartmentRating(string? Department, int? Score, string? Comment);

/// <summary>
/// Every department has replied: the whistler confirms the replies and rates each department (1–5, 一哨一考核);
/// the whistle concludes and, in the same transaction, its complaint records it: the complaint may be resolved at once.
/// </summary>
[ExampleBody("""{"ratings": [{"department": "chengguan", "score": 5}]}""")]
public sealed record ConcludeWhistle(IReadOnlyList<DepartmentRating>? Ratings, long? ExpectedVersion = null);

/// <summary>
/// The complaint the whistle was blown on, as its write model stands; null when the stream is missing, and for a joint
/// meeting's whistle: the complaint does not own it (its own whistle is the one the meeting took over), so no step of a
/// meeting's whistle — its conclusion included — is recorded on the complaint. The meeting records actions done itself.
/// </summary>
public sealed record WhistleComplaint(Complaint? Complaint)
{
    public static async Task<WhistleComplaint> LoadAsync(Whistle whistle, IDocumentSession session, CancellationToken ct) =>
        whistle.Origin is not null ? new((Complaint?)null) : new(await session.Events.FetchLatest<Complaint>(whistle.ComplaintId, ct) is { } c && c.Id == whistle.ComplaintId ? c : null);

    /// <summary>The complaint's own decision on a step of its whistle, appended to the complaint in this transaction.</summary>
    public IEnumerable<IMartenOp> Record(Func<Complaint, Events> decide) =>
        Complaint is { } complaint ? WhistleOnComplaint.Appends(complaint, decide(complaint)) : [];
}

public static class ConcludeWhistleEndpoint
{
    public static Task<WhistleComplaint> LoadAsync(Whistle whistle, IDocumentSession session, CancellationToken ct) =>
        WhistleComplaint.LoadAsync(whistle, session, ct);

    public static ProblemDetails Validate(ConcludeWhistle command, Whistle whistle, ClaimsPrincipal user)
    {
        if (WhistleRules.Whistler(whistle, user, command.ExpectedVersion) is { } problem) return problem;
        var active = whistle.Assignments.Where(a => a.Active).ToList();
        var waiting = active.Where(a => a.Status != AssignmentStatus.Replied).Select(a => a.Department).ToList();
        if (waiting.Count > 0)
            return Problems.Conflict($"尚有部门未反馈：{string.Join("、", waiting)}。", $"Not every department has replied: {string.Join(", ", waiting)}.");
        var ratings = command.Ratings ?? [];
        var errors = new FieldErrors();
        for (var i = 0; i < ratings.Count; i++)
        {
            errors.When(ratings[i].Score is not (>= 1 and <= 5), $"ratings[{i}].score", "评分为 1 到 5。A score from 1 to 5.")
                .Text($"ratings[{i}].comment", ratings[i].Comment, 500, required: false)
                .When(active.All(a => a.Department != ratings[i].Department), $"ratings[{i}].department",
                    $"{ratings[i].Department} 不在本次吹哨中。Not a department of this whistle.");
        }
        var rated = ratings.Select(r => r.Department).ToList();
        foreach (var missing in active.Select(a => a.Department).Where(d => !rated.Contains(d)))
            errors.Add("ratings", $"请为 {missing} 评分。Rate {missing}.");
        errors.When(rated.Distinct().Count() != rated.Count, "ratings", "每个部门只评一次。Rate each department once.");
        return errors.ToProblem();
    }

    [EndpointSummary("了结吹哨 Conclude a whistle")]
    [WolverinePost("/api/whistles/{whistleId}/conclude", OperationId = nameof(ConcludeWhistle))]
    [Authorize(Roles = Scope.WhistlerSide)]
    public static (WhistleAnswer, Events, IEnumerable<IMartenOp>) Post(
        ConcludeWhistle command, [WriteAggregate] Whistle whistle, WhistleComplaint complaint, ClaimsPrincipal user, DateTimeOffset now)
    {
        var by = Actor.From(user);
        var (answer, events) = Conclude(command, whistle, by, now);
        return (answer, events, complaint.Record(c => WhistleOnComplaint.Concluded(c, whistle.Id, by, now)));
    }

    /// <summary>The decision: each department's rating and the conclusion (the complaint decides its own side).</summary>
    public static (WhistleAnswer, Events) Conclude(ConcludeWhistle command, Whistle whistle, Actor by, DateTimeOffset now)
    {
        var events = new Events();
        events.AddRange(command.Ratings!.Select(r => new DepartmentRated(whistle.Id, r.Department!, r.Score!.Value, string.IsNullOrWhiteSpace(r.Comment) ? null : r.Comment.Trim(), by, now)));
        events.Add(new WhistleConcluded(whistle.Id, whistle.ComplaintId, whistle.Assignments.Where(a => a.Active).Select(a => a.Department).ToList(), by, now));
        return (WhistleAnswer.After(whistle, events), events);
    }
}
