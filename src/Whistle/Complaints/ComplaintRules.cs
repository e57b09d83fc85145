using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;

namespace Whistle.Complaints;

/// <summary>Checks every complaint command shares: scope, expected version, final states.</summary>
public static class ComplaintRules
{
    public static string Label(this ComplaintStatus status) => status switch
    {
        ComplaintStatus.Lodged => "待受理",
        ComplaintStatus.Accepted => "办理中",
        ComplaintStatus.Declined => "不予受理",
        ComplaintStatus.Resolved => "已办结待回访",
        ComplaintStatus.FollowedUp => "已回访",
        ComplaintStatus.Closed => "已结案",
        ComplaintStatus.Withdrawn => "已撤回",
        ComplaintStatus.Duplicate => "重复件",
        _ => status.ToString(),
    };

    public static ProblemDetails NotFound(Guid id) =>
        Problems.NotFound($"投诉 {id} 不存在。", $"Complaint {id} does not exist.");

    /// <summary>
    /// The checks every handling command on an existing complaint starts with, in this order: a complaint outside the
    /// user's scope does not exist (404); one they see but may not handle is 403; then the expected version.
    /// </summary>
    public static ProblemDetails? Common(Complaint complaint, ClaimsPrincipal user, long? expectedVersion)
    {
        var scope = Scope.Of(user);
        if (!scope.Sees(CaseKind.Complaint, complaint.Area)) return NotFound(complaint.Id);
        if (!scope.MayHandle(CaseKind.Complaint, complaint.Area))
            return Problems.Forbidden($"您不能办理投诉 {complaint.Number}。", $"You may not handle complaint {complaint.Number}.");
        return Problems.CheckVersion(expectedVersion, complaint.Version);
    }

    /// <summary>409 naming the complaint's status, for a command its status does not allow.</summary>
    public static ProblemDetails NotAllowed(Complaint complaint, string actionZh, string actionEn) =>
        Problems.Conflict(
            $"投诉 {complaint.Number} 当前为“{complaint.Status.Label()}”，不能{actionZh}。",
            $"Complaint {complaint.Number} is {complaint.Status}; it cannot be {actionEn}.");

    /// <summary>
    /// Checks the second complaint a command names in its body (duplicate of, link to), loaded as its write model:
    /// it must exist within the user's scope and be another complaint. Unknown is 400 here, not 404: the route's
    /// complaint exists.
    /// </summary>
    public static ProblemDetails? OtherComplaint(
        string field, Complaint complaint, NamedComplaint named, ClaimsPrincipal user, string selfZh, string selfEn)
    {
        if (named.Found is not { } other || !Scope.Of(user).Sees(CaseKind.Complaint, other.Area))
            return new FieldErrors().Add(field, "没有这件投诉。No such complaint.").ToProblem();
        return other.Id == complaint.Id ? new FieldErrors().Add(field, $"{selfZh} {selfEn}").ToProblem() : null;
    }

    /// <summary>The other complaint a command names, as its own stream folds it (never a read model).</summary>
    public static async Task<NamedComplaint> LoadOtherAsync(Guid? id, IDocumentSession session, CancellationToken ct) =>
        new(id is { } other && other != Guid.Empty ? await session.Events.FetchLatest<Complaint>(other, ct) : null);
}

/// <summary>
/// The second complaint a command names in its body, if it exists. Its own type, so that Wolverine never confuses it
/// with the route's complaint loaded by the aggregate workflow.
/// </summary>
public sealed record NamedComplaint(Complaint? Found);
