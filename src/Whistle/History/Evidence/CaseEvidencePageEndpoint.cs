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

public static class CaseEvidencePageEndpoint
{
    public static Task<CaseHistory?> LoadAsync(Guid id, IQuerySession session, PersonalDataVault vault, CancellationToken ct) =>
        CaseTimelineEndpoint.LoadAsync(id, session, vault, ct);

    public static ProblemDetails Validate(Guid id, CaseHistory? history, ClaimsPrincipal user) =>
        CaseTimelineEndpoint.Validate(id, null, null, history, user);

    /// <summary>
    /// The evidence as a printable zh-CN page with English beside, carrying the digest and signature of the evidence made
    /// with it (the JSON file of the same moment holds the same evidence bytes those cover).
    /// </summary>
    [EndpointSummary("案件证据页（可打印） A case's evidence page (printable)")]
    [WolverineGet("/api/history/cases/{id}/evidence.html", OperationId = "GetCaseEvidencePage")]
    [Authorize(Roles = Scope.CaseHistoryReaders)]
    public static async Task<IResult> Get(
        CaseHistory history, ClaimsPrincipal user, IQuerySession session, ChainLinks chains, StreamVerifier verifier,
        EvidenceSigner signer, TimeProvider clock, CancellationToken ct)
    {
        var evidence = await CaseEvidenceMaker.MakeAsync(history, user, session, chains, verifier, clock, ct);
        var seal = EvidenceFile.Seal(evidence, signer);
        return Results.Content(EvidencePage.Render(evidence, seal.Digest, seal.Signature.KeyId, seal.Signature.Signature), "text/html; charset=utf-8");
    }
}
