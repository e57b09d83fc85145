using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Whistles;

public static class BreachNoticeListEndpoint
{
    /// <summary>
    /// The breaches published (通报), newest first, for the joint-meeting office: the roles that see every whistle (office,
    /// hotline clerk, analysts, administrators) see all; a sub-district officer those of its own sub-district (in the query).
    /// </summary>
    /// <param name="user">the caller, whose scope bounds the list.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("通报列表 The breach notices")]
    [WolverineGet("/api/breach-notices", OperationId = "ListBreachNotices")]
    [Authorize(Roles = Scope.BreachNoticeReaders)]
    public static async Task<IReadOnlyList<BreachNotice>> Get(ClaimsPrincipal user, IQuerySession session, CancellationToken ct) =>
        await Scope.Of(user).Filter(session.Query<BreachNotice>(), BreachNotice.Fields)
            .OrderByDescending(x => x.PublishedAt).Take(200).ToListAsync(ct);
}
