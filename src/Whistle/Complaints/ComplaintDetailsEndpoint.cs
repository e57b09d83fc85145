using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;
using Wolverine.Http;

namespace Whistle.Complaints;

public static class ComplaintDetailsEndpoint
{
    public static Task<ComplaintDetails?> LoadAsync(Guid complaintId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<ComplaintDetails>(complaintId, ct);

    public static ProblemDetails Validate(Guid complaintId, ComplaintDetails? details, ClaimsPrincipal user) =>
        Visible(details, user) ? Problems.None : ComplaintRules.NotFound(complaintId);

    /// <summary>
    /// The complaint as the user may read it (the API's answer), or null where the API answers 404: it does not exist, or
    /// lies outside the user's scope. The complaint page reads it through here.
    /// </summary>
    public static async Task<ComplaintDetails?> ReadAsync(
        Guid complaintId, ClaimsPrincipal user, IQuerySession session, PersonalDataVault vault, CancellationToken ct) =>
        await LoadAsync(complaintId, session, ct) is { } details && Visible(details, user) ? await Get(details, vault, session, ct) : null;

    private static bool Visible(ComplaintDetails? details, ClaimsPrincipal user) =>
        details is not null && Scope.Of(user).Sees(ComplaintDetails.Fields, details);

    /// <summary>One complaint, the complainant's personal data masked (unmasked on purpose: <c>POST …/personal-data</c>).</summary>
    [EndpointSummary("查看投诉 One complaint")]
    [WolverineGet("/api/complaints/{complaintId}", OperationId = "GetComplaint")]
    [Authorize(Roles = Scope.ComplaintReaders)]
    public static async Task<ComplaintDetails> Get(ComplaintDetails details, PersonalDataVault vault, IQuerySession session, CancellationToken ct) =>
        details.Masked(await vault.KeyringAsync(session, [details], ct));
}
