using System.Security.Claims;
using Marten;
using Whistle.History.Integrity;
using Whistle.History.Timeline;
using Whistle.Kernel;

namespace Whistle.History.Evidence;

/// <summary>
/// Makes a case's evidence: its history as the caller may read it (<see cref="CaseHistory.SeenBy"/>), residents' personal data masked,
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
        return CaseEvidence.Of(seen, links, broken, new EvidenceIssue(county, by.Name, by.Role, clock.GetUtcNow(), PersonalDataMasked: true));
    }
}
