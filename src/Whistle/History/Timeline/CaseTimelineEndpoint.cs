using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;
using Wolverine.Http;

namespace Whistle.History.Timeline;

/// <summary>A page of a case's timeline, oldest first, with the streams it is drawn from and how many entries there are in all.</summary>
public sealed record TimelinePage(
    Guid CaseId, StreamKind Kind, string Number, IReadOnlyList<StreamOfCase> Streams, IReadOnlyList<TimelineEntry> Entries,
    int Page, int PageSize, int Total);

public static class CaseTimelineEndpoint
{
    public const int MaxPageSize = 200;

    /// <summary>The case's history, residents' personal data masked in every sentence, whoever reads it.</summary>
    public static Task<CaseHistory?> LoadAsync(Guid id, IQuerySession session, PersonalDataVault vault, CancellationToken ct) =>
        CaseTimeline.LoadAsync(session, id, vault, ct);

    /// <summary>Whether the user's scope sees the case itself (the API's 404 otherwise).</summary>
    public static bool Sees(CaseHistory history, ClaimsPrincipal user) =>
        Scope.Of(user).Sees(CaseStreams.ScopeKind(history.Kind)!.Value, history.Area);

    /// <summary>
    /// The whole timeline as the user may read it — the API's load, scope rule and <see cref="CaseHistory.SeenBy"/> —
    /// or null where the API answers 404 (no such case, or outside the user's scope). The timeline page reads it.
    /// </summary>
    public static async Task<CaseHistory?> ReadAsync(Guid id, IQuerySession session, ClaimsPrincipal user, PersonalDataVault vault, CancellationToken ct) =>
        await LoadAsync(id, session, vault, ct) is { } history && Sees(history, user) ? history.SeenBy(Scope.Of(user)) : null;

    /// <summary>Bad paging is 400; a case that does not exist, or that the user's scope does not see, is 404.</summary>
    public static ProblemDetails Validate(Guid id, int? page, int? pageSize, CaseHistory? history, ClaimsPrincipal user)
    {
        var paging = new FieldErrors()
            .When(page is < 1 or > 100_000, "page", "应为 1 到 100000。1 to 100000.")
            .When(pageSize is < 1 or > MaxPageSize, "pageSize", $"应为 1 到 {MaxPageSize}。1 to {MaxPageSize}.");
        if (paging.Any) return paging.ToProblem();
        return history is not null && Sees(history, user)
            ? Problems.None
            : Problems.NotFound($"没有编号为 {id} 的案件。", $"No case {id}.");
    }

    /// <summary>
    /// A complaint's, fee dispute's or mediation case's timeline across every stream that belongs to it, each entry a
    /// sentence in Chinese and English; <c>page</c> and <c>pageSize</c> (50 by default, at most 200). Related streams
    /// the user's scope does not see are left out; residents' personal data is masked for every reader.
    /// </summary>
    [EndpointSummary("案件时间线 A case's timeline")]
    [WolverineGet("/api/history/cases/{id}/timeline", OperationId = "GetCaseTimeline")]
    [Authorize(Roles = Scope.CaseHistoryReaders)]
    public static TimelinePage Get(CaseHistory history, int? page, int? pageSize, ClaimsPrincipal user)
    {
        var (number, size) = (page ?? 1, pageSize ?? 50);
        var seen = history.SeenBy(Scope.Of(user));
        return new TimelinePage(seen.CaseId, seen.Kind, seen.Number, seen.Streams,
            [.. seen.Entries.Skip((number - 1) * size).Take(size)], number, size, seen.Entries.Count);
    }
}
