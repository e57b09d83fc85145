using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.History.Integrity;

/// <summary>
/// Verifying the record over HTTP, for the county-wide roles (<see cref="Scope.IntegrityReaders"/>): a report names
/// streams, versions and sequences only, no personal data, so analysts read it as it is.
/// </summary>
public static class VerifyStreamEndpoint
{
    public static Task<IntegrityReport> LoadAsync(Guid streamId, ClaimsPrincipal user, StreamVerifier verifier, CancellationToken ct) =>
        verifier.VerifyStreamAsync(user.CountyOf() ?? "", streamId, ct);

    /// <summary>A stream with neither events nor links in the caller's county does not exist for them.</summary>
    public static ProblemDetails Validate(Guid streamId, IntegrityReport report) =>
        report.Events == 0 && report.Intact
            ? Problems.NotFound($"未找到事件流 {streamId}。", $"No stream {streamId} in this county.")
            : Problems.None;

    /// <summary>One stream's chain: its first broken link, if any. A stream of another county is 404.</summary>
    [EndpointSummary("校验一个事件流 Verify one stream")]
    [WolverineGet("/api/history/integrity/streams/{streamId}", OperationId = "VerifyStream")]
    [Authorize(Roles = Scope.IntegrityReaders)]
    public static IntegrityReport Get(Guid streamId, IntegrityReport report) => report;
}
