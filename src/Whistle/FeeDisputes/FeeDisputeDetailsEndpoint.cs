using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;
using Wolverine.Http;

namespace Whistle.FeeDisputes;

public static class FeeDisputeDetailsEndpoint
{
    public static Task<FeeDisputeDetails?> LoadAsync(Guid feeDisputeId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<FeeDisputeDetails>(feeDisputeId, ct);

    public static ProblemDetails Validate(Guid feeDisputeId, FeeDisputeDetails? details, ClaimsPrincipal user) =>
        details is not null && Scope.Of(user).Sees(FeeDisputeDetails.Fields, details)
            ? Problems.None
            : FeeDisputeRules.NotFound(feeDisputeId);

    /// <summary>One fee dispute, the owner's name and phone masked (unmasked on purpose: <c>POST …/personal-data</c>).</summary>
    [EndpointSummary("查看物业费纠纷 One fee dispute")]
    [WolverineGet("/api/fee-disputes/{feeDisputeId}", OperationId = "GetFeeDispute")]
    [Authorize(Roles = Scope.FeeDisputeReaders)]
    public static async Task<FeeDisputeDetails> Get(FeeDisputeDetails details, PersonalDataVault vault, IQuerySession session, CancellationToken ct) =>
        details.Masked(await vault.KeyringAsync(session, [details], ct));
}
