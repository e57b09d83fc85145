using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.History.Integrity;
using Whistle.History.Timeline;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.History.Evidence;

/// <summary>
/// Makes a case's evidence: its history as the caller may read it (<see cref="CaseHistory.SeenBy"/>; analysts' masked),
/// each of its streams verified now and its chain's links read, stamped with the caller and the clock.
/// </summary>
public static class CaseEvidenceMaker
{
    public static async Task<CaseEvidence> MakeAsync(
        CaseHistory history, ClaimsPrincipal user, IQuerySession session, ChainLinks chains, StreamVerifier verifier, TimeProvider clock, CancellationToken ct)
    {
        var scope = Scope.Of(user);
        var seen = history.SeenBy(scope);
        var county = session.TenantId;
        var ids = seen.Streams.Select(s => s.Id).ToList();
        var links = await chains.LoadAsync(county, ids, ct);
        var broken = new Dictionary<Guid, BrokenLink?>();
        foreach (var id in ids) broken[id] = (await verifier.VerifyStreamAsync(county, id, ct)).Broken is [var first, ..] ? first : null;
        var by = Actor.From(user);
        return CaseEvidence.Of(seen, links, broken, new EvidenceIssue(county, by.Name, by.Role, clock.GetUtcNow(), !scope.SeesPersonalData));
    }
}

public static class CaseEvidenceEndpoint
{
    public static Task<CaseHistory?> LoadAsync(Guid id, IQuerySession session, ClaimsPrincipal user, CancellationToken ct) =>
        CaseTimelineEndpoint.LoadAsync(id, session, user, ct);

    /// <summary>A case that does not exist, or that the user's scope does not see, is 404.</summary>
    public static ProblemDetails Validate(Guid id, CaseHistory? history, ClaimsPrincipal user) =>
        CaseTimelineEndpoint.Validate(id, null, null, history, user);

    /// <summary>
    /// A case's signed evidence file (JSON): the whole timeline, every stream's hash chain and its verification now, the
    /// SHA-256 digest of the evidence and its ECDSA signature, and the public key. Same readers and scope as the timeline.
    /// </summary>
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

public static class CaseEvidencePageEndpoint
{
    public static Task<CaseHistory?> LoadAsync(Guid id, IQuerySession session, ClaimsPrincipal user, CancellationToken ct) =>
        CaseTimelineEndpoint.LoadAsync(id, session, user, ct);

    public static ProblemDetails Validate(Guid id, CaseHistory? history, ClaimsPrincipal user) =>
        CaseTimelineEndpoint.Validate(id, null, null, history, user);

    /// <summary>
    /// The evidence as a printable zh-CN page with English beside, carrying the digest and signature of the evidence made
    /// with it (the JSON file of the same moment holds the same evidence bytes those cover).
    /// </summary>
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
