using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.History.Integrity;
using Whistle.History.Timeline;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;
using Wolverine.Http;

namespace Whistle.History.Evidence;

public static class CaseEvidenceEndpoint
{
    public static Task<CaseHistory?> LoadAsync(Guid id, IQuerySession session, PersonalDataVault vault, CancellationToken ct) =>
        CaseTimelineEndpoint.LoadAsync(id, session, vault, ct);

    /// <summary>A case that does not exist, or that the user's scope does not see, is 404.</summary>
    public static ProblemDetails Validate(Guid id, CaseHistory? history, ClaimsPrincipal user) =>
        CaseTimelineEndpoint.Validate(id, null, null, history, user);

    /// <summary>
    /// A case's signed evidence file (JSON): the whole timeline, every stream's hash chain and its verification now, the
    /// SHA-256 digest of the evidence and its ECDSA signature, and the public key. Same readers and scope as the timeline.
    /// </summary>
    [EndpointSummary("案件证据包 A case's evidence file")]
    [WolverineGet("/api/history/cases/{id}/evidence", OperationId = "GetCaseEvidence")]
    [Authorize(Roles = Scope.CaseHistoryReaders)]
    public static async Task<IResult> Get(
        CaseHistory history, ClaimsPrincipal user, IQuerySession session, ChainLinks chains, StreamVerifier verifier,
        EvidenceSigner signer, TimeProvider clock, CancellationToken ct)
    {
        var evidence = await CaseEvidenceMaker.MakeAsync(history, user, session, chains, verifier, clock, ct);
        return Results.File(EvidenceFile.Write(EvidenceFile.Seal(evidence, signer)), "application/json", $"evidence-{evidence.Number}.json");
    }
}
