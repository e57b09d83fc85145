using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;
using Wolverine.Http;

namespace Whistle.History.TimeTravel;

/// <summary>The difference between two points of a case, or why there is none.</summary>
public sealed record CaseDifferenceResult(CaseDifference? Difference, ProblemDetails Problem);

public static class CaseDifferenceEndpoint
{
    public static async Task<CaseDifferenceResult> LoadAsync(
        Guid caseId, string? from, string? fromVersion, string? to, string? toVersion,
        IQuerySession session, ClaimsPrincipal user, HttpContext http, PersonalDataVault vault, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var start = TimePoint.Read(from, fromVersion, "from", "fromVersion", errors);
        var end = TimePoint.Read(to, toVersion, "to", "toVersion", errors);
        if (start is null || end is null) return new(null, errors.ToProblem());
        var scope = Scope.Of(user);
        var before = await CaseTimeTravel.LoadAsync(session, caseId, start, scope, vault, ct);
        if (before.View is not { } a) return new(null, before.Problem);
        var after = await CaseTimeTravel.LoadAsync(session, caseId, end, scope, vault, ct);
        if (after.View is not { } b) return new(null, after.Problem);
        var order = CaseDifference.Order(a.AsOf, a.Version, b.AsOf, b.Version);
        if (order != Problems.None) return new(null, order);
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return new(CaseDifference.Of(caseId, a, b, after.Events, json), Problems.None);
    }

    public static ProblemDetails Validate(CaseDifferenceResult result) => result.Problem;

    /// <summary>
    /// What changed in a case between two points — each a moment (<c>from</c>, <c>to</c>, ISO 8601) or a version of its
    /// stream (<c>fromVersion</c>, <c>toVersion</c>): the fields that differ (JSON path, before, after) and the events
    /// between. A first point after the second is 400; the points follow the rules of the case as of a moment.
    /// </summary>
    [EndpointSummary("比较案件两个时点 A case's difference between two moments")]
    [WolverineGet("/api/history/cases/{caseId}/diff", OperationId = "GetCaseDifference")]
    [Authorize(Roles = Scope.ComplaintReaders)]
    public static CaseDifference Get(CaseDifferenceResult result) => result.Difference!;
}
