using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;
using Wolverine.Http;

namespace Whistle.Complaints;

/// <summary>
/// A complaint found by the number a caller reads out (<c>TS-2026-000001</c>, in any case). A number that does not
/// exist and one outside the caller's scope answer the same 404, so a number tells nothing about complaints the
/// caller may not see. The body is the one <c>GET /api/complaints/{complaintId}</c> answers.
/// </summary>
public static class FindComplaintByNumberEndpoint
{
    public static async Task<ComplaintDetails?> LoadAsync(string number, IQuerySession session, CancellationToken ct)
    {
        var wanted = NumberMatch.Parse(number);
        if (wanted is not { Kind: NumberMatchKind.Exact }) return null;
        return await session.Query<ComplaintDetails>().Where(x => x.Number == wanted.Text).FirstOrDefaultAsync(ct);
    }

    public static ProblemDetails Validate(string number, ComplaintDetails? details, ClaimsPrincipal user) =>
        details is not null && Scope.Of(user).Sees(ComplaintDetails.Fields, details) ? Problems.None : NotFound(number);

    public static ProblemDetails NotFound(string number) =>
        Problems.NotFound($"编号为 {number} 的投诉不存在。", $"No complaint is numbered {number}.");

    // No XML summary here: the document would take it instead of the bilingual EndpointSummary.
    [WolverineGet("/api/complaints/by-number/{number}", OperationId = "FindComplaintByNumber")]
    [Authorize(Roles = Scope.ComplaintReaders)]
    [EndpointSummary("按编号查找投诉 Find a complaint by its number")]
    [EndpointDescription("按编号（如 TS-2026-000001，不区分大小写）返回投诉详情，与按 id 查询相同；编号不存在或不在调用者可见范围内时一律 404。"
        + " The complaint numbered so (case-insensitive), answered as GET /api/complaints/{complaintId}; 404 when there is none"
        + " or it is outside the caller's scope. Readers of complaints may call it.")]
    public static Task<ComplaintDetails> Get(ComplaintDetails details, PersonalDataVault vault, IQuerySession session, CancellationToken ct) =>
        ComplaintDetailsEndpoint.Get(details, vault, session, ct);
}
