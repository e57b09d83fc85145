using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.History.Integrity;

public static class VerifyAllStreamsEndpoint
{
    /// <summary>Every stream of the caller's county: the counts, and each broken stream's first broken link.</summary>
    [EndpointSummary("校验全部事件流 Verify every stream")]
    [WolverinePost("/api/history/integrity/verify", OperationId = "VerifyAllStreams")]
    [Authorize(Roles = Scope.IntegrityReaders)]
    public static Task<IntegrityReport> Post(ClaimsPrincipal user, StreamVerifier verifier, CancellationToken ct) =>
        verifier.VerifyAllAsync(user.CountyOf() ?? "", null, ct);
}
