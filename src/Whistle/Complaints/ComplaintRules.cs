using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;

namespace Whistle.Complaints;

/// <summary>Checks every complaint command shares: scope, expected version, final states.</summary>
public static class ComplaintRules
{
    /// <summary>Who may work on complaints (受理、办理、回访).</summary>
    public const string Handlers = Roles.Clerk + "," + Roles.Community + "," + Roles.Admin;

    /// <summary>Who may read complaints.</summary>
    public const string Readers = Handlers + "," + Roles.SubDistrict + "," + Roles.Office + ","
        + Roles.Mediator + "," + Roles.Analyst;

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

    /// <summary>Community and sub-district workers see only their own area; elsewhere the complaint does not exist.</summary>
    public static bool InScope(ClaimsPrincipal user, string communityId, string subDistrictId)
    {
        if (user.IsInRole(Roles.Community)) return user.CommunityOf() == communityId;
        if (user.IsInRole(Roles.SubDistrict)) return user.SubDistrictOf() == subDistrictId;
        return true;
    }

    public static ProblemDetails NotFound(Guid id) =>
        Problems.NotFound($"投诉 {id} 不存在。", $"Complaint {id} does not exist.");

    /// <summary>The checks every command on an existing complaint starts with, in this order.</summary>
    public static ProblemDetails? Common(Complaint complaint, ClaimsPrincipal user, long? expectedVersion)
    {
        if (!InScope(user, complaint.CommunityId, complaint.SubDistrictId)) return NotFound(complaint.Id);
        return Problems.CheckVersion(expectedVersion, complaint.Version);
    }

    /// <summary>409 naming the complaint's status, for a command its status does not allow.</summary>
    public static ProblemDetails NotAllowed(Complaint complaint, string actionZh, string actionEn) =>
        Problems.Conflict(
            $"投诉 {complaint.Number} 当前为“{complaint.Status.Label()}”，不能{actionZh}。",
            $"Complaint {complaint.Number} is {complaint.Status}; it cannot be {actionEn}.");

    /// <summary>
    /// Checks the second complaint a command names in its body (duplicate of, link to): it must exist within the
    /// user's area and be another complaint. Unknown is 400 here, not 404: the route's complaint exists.
    /// </summary>
    public static ProblemDetails? OtherComplaint(
        string field, Complaint complaint, ComplaintDetails? other, ClaimsPrincipal user, string selfZh, string selfEn)
    {
        if (other is null || !InScope(user, other.CommunityId, other.SubDistrictId))
            return new FieldErrors().Add(field, "没有这件投诉。No such complaint.").ToProblem();
        return other.Id == complaint.Id ? new FieldErrors().Add(field, $"{selfZh} {selfEn}").ToProblem() : null;
    }
}
