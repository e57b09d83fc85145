using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Whistles;

public static class WhistleDetailsEndpoint
{
    public static Task<WhistleDetails?> LoadAsync(Guid whistleId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<WhistleDetails>(whistleId, ct);

    public static ProblemDetails Validate(Guid whistleId, WhistleDetails? details, ClaimsPrincipal user) =>
        details is not null && Scope.Of(user).Sees(WhistleDetails.Fields, details) ? Problems.None : WhistleRules.NotFound(whistleId);

    [WolverineGet("/api/whistles/{whistleId}", OperationId = "GetWhistle")]
    public static WhistleDetails Get(WhistleDetails details) => details;
}

public static class WhistleListEndpoint
{
    /// <summary>
    /// Whistles, newest first, as far as scope reaches (in the query): community and sub-district workers their own
    /// area's, department officers those ever assigned to their department, the county-wide roles all.
    /// <c>open=true</c> keeps those not concluded.
    /// </summary>
    [WolverineGet("/api/whistles", OperationId = "ListWhistles")]
    [Authorize(Roles = Scope.WhistleReaders)]
    public static async Task<IReadOnlyList<WhistleDetails>> Get(bool? open, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var query = Scope.Of(user).Filter(session.Query<WhistleDetails>(), WhistleDetails.Fields);
        if (open is { } isOpen) query = query.Where(x => x.Concluded != isOpen);
        return await query.OrderByDescending(x => x.BlownAt).Take(200).ToListAsync(ct);
    }
}
