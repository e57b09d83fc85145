using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;
using Wolverine.Http;

namespace Whistle.Mediation;

public static class MediationCaseDetailsEndpoint
{
    public static Task<MediationCaseDetails?> LoadAsync(Guid mediationCaseId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<MediationCaseDetails>(mediationCaseId, ct);

    /// <summary>A case outside the user's scope does not exist for them.</summary>
    public static ProblemDetails Validate(Guid mediationCaseId, MediationCaseDetails? details, ClaimsPrincipal user) =>
        details is null || !Scope.Of(user).Sees(MediationCaseDetails.Fields, details) ? MediationRules.NotFound(mediationCaseId) : Problems.None;

    /// <summary>
    /// One case as the pages read it: the same load, scope rule and masking as the endpoint; null where the endpoint
    /// answers 404 (outside the user's scope, or a role that reads no mediation case).
    /// </summary>
    public static async Task<MediationCaseDetails?> ReadAsync(
        Guid mediationCaseId, ClaimsPrincipal user, IQuerySession session, PersonalDataVault vault, CancellationToken ct)
    {
        var details = await LoadAsync(mediationCaseId, session, ct);
        return ReferenceEquals(Validate(mediationCaseId, details, user), Problems.None) ? await Get(details!, vault, session, ct) : null;
    }

    /// <summary>One mediation case, every resident's name and phone masked (unmasked on purpose: <c>POST …/personal-data</c>).</summary>
    [EndpointSummary("查看调解案件 One mediation case")]
    [WolverineGet("/api/mediation/cases/{mediationCaseId}", OperationId = "GetMediationCase")]
    [Authorize(Roles = Scope.MediationReaders)]
    public static async Task<MediationCaseDetails> Get(MediationCaseDetails details, PersonalDataVault vault, IQuerySession session, CancellationToken ct) =>
        details.Masked(await vault.KeyringAsync(session, [details], ct));
}
