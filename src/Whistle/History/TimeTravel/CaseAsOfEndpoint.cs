using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;
using Wolverine.Http;

namespace Whistle.History.TimeTravel;

public static class CaseAsOfEndpoint
{
    public static async Task<CaseAsOfResult> LoadAsync(
        Guid caseId, string? asOf, string? version, IQuerySession session, ClaimsPrincipal user, PersonalDataVault vault, CancellationToken ct)
    {
        var errors = new FieldErrors();
        return TimePoint.Read(asOf, version, "asOf", "version", errors) is { } point
            ? await CaseTimeTravel.LoadAsync(session, caseId, point, Scope.Of(user), vault, ct)
            : new CaseAsOfResult(null, [], errors.ToProblem());
    }

    public static ProblemDetails Validate(CaseAsOfResult result) => result.Problem;

    /// <summary>
    /// A complaint, fee dispute or mediation case as it stood at a moment (<c>asOf</c>, ISO 8601) or a version of its
    /// stream (<c>version</c>): its details as the live endpoint showed them then, a complaint's whistles as of the
    /// same moment, and the names the directory then gave its compound, community and sub-district. Exactly one of
    /// the two; before the case was lodged is 404, a version it never had is 400; outside scope is 404.
    /// </summary>
    [EndpointSummary("查看案件某一时点的状态 A case as of a moment")]
    [WolverineGet("/api/history/cases/{caseId}", OperationId = "GetCaseAsOf")]
    [Authorize(Roles = Scope.ComplaintReaders)]
    public static CaseAsOf Get(CaseAsOfResult result) => result.View!;
}
