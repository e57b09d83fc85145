using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Complaints;

public static class ComplaintDetailsEndpoint
{
    public static Task<ComplaintDetails?> LoadAsync(Guid complaintId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<ComplaintDetails>(complaintId, ct);

    public static ProblemDetails Validate(Guid complaintId, ComplaintDetails? details, ClaimsPrincipal user) =>
        details is not null && Scope.Of(user).Sees(ComplaintDetails.Fields, details)
            ? Problems.None
            : ComplaintRules.NotFound(complaintId);

    /// <summary>One complaint. Analysts see the complainant's personal data masked.</summary>
    [EndpointSummary("查看投诉 One complaint")]
    [WolverineGet("/api/complaints/{complaintId}", OperationId = "GetComplaint")]
    [Authorize(Roles = Scope.ComplaintReaders)]
    public static ComplaintDetails Get(ComplaintDetails details, ClaimsPrincipal user) =>
        Scope.Of(user).SeesPersonalData ? details : details.Masked();
}
