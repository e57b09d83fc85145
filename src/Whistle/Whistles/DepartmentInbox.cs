using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Whistle.County;
using Whistle.County.Deadlines;
using Whistle.County.Directory;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Whistles;

/// <summary>A department's open assignments, soonest due first: what it must sign for, reply to, or wait on a ruling for.</summary>
public sealed record DepartmentInbox(string Department, DateTimeOffset AsOf, IReadOnlyList<DepartmentInbox.Item> Items)
{
    /// <summary>
    /// One open assignment. <c>rejectionWindowEnd</c>: until when the department may still reject it; <c>pausedSince</c>
    /// and <c>rulingDue</c>: while its clock is paused (a rejection awaiting the office's ruling), since when, and when the
    /// ruling is due.
    /// </summary>
    public sealed record Item(
        Guid WhistleId, Guid ComplaintId, string ComplaintNumber, WhistleType Type, WhistleLevel Level, AssignmentRole Role,
        AssignmentStatus Status, string StatusLabel, string Need, DateTimeOffset BlownAt,
        DateTimeOffset SignForDue, DateTimeOffset ReplyDue, DateTimeOffset NextDue, bool Overdue, bool PastDue,
        DateTimeOffset? RejectionWindowEnd = null, DateTimeOffset? PausedSince = null, DateTimeOffset? RulingDue = null);

    /// <summary>
    /// The inbox as it reads at <paramref name="now"/> from these whistles: the live inbox from the current ones, the
    /// history's inbox as of a moment from the same whistles folded as of then. Whistles the department has no open
    /// assignment on are left out.
    /// </summary>
    public static DepartmentInbox Of(string department, DateTimeOffset now, IEnumerable<WhistleDetails> whistles)
    {
        var items = whistles
            .Where(w => w.OpenDepartments.Contains(department))
            .Select(w => (Whistle: w, Assignment: w.Find(department)!))
            .Select(x =>
            {
                var next = x.Assignment.Status == AssignmentStatus.Awaiting ? x.Assignment.SignForDue : x.Assignment.ReplyDue;
                return new Item(
                    x.Whistle.Id, x.Whistle.ComplaintId, x.Whistle.ComplaintNumber, x.Whistle.Type, x.Whistle.Level,
                    x.Assignment.Role, x.Assignment.Status, x.Assignment.StatusLabel, x.Whistle.Need, x.Whistle.BlownAt,
                    x.Assignment.SignForDue, x.Assignment.ReplyDue, next, x.Assignment.Overdue,
                    x.Assignment.Status != AssignmentStatus.Rejected && now > next,
                    x.Assignment.RejectionWindowEnd, x.Assignment.PausedSince,
                    x.Assignment.PausedSince is null ? null : x.Assignment.Pauses[^1].RulingDue);
            })
            .OrderBy(i => i.NextDue)
            .ThenBy(i => i.WhistleId)
            .ToList();
        return new DepartmentInbox(department, now, items);
    }
}

public static class DepartmentInboxEndpoint
{
    /// <summary>
    /// The county directory's departments, from the reference data in memory (one lookup of the county's generation): a
    /// code that is no department has no inbox.
    /// </summary>
    public static async Task<DepartmentCodes> LoadAsync(IQuerySession session, CountyReferenceCache reference, CancellationToken ct) =>
        (await reference.CurrentAsync(session, ct)).Departments;

    /// <summary>
    /// Officers see their own department's inbox; the roles that see every whistle see every inbox — of the
    /// departments the directory knows.
    /// </summary>
    public static ProblemDetails Validate(string department, DepartmentCodes departments, ClaimsPrincipal user) =>
        departments.Contains(department) && Scope.Of(user).SeesDepartment(department)
            ? Problems.None
            : Problems.NotFound($"没有部门 {department} 的待办。", $"No inbox for {department}.");

    /// <summary>
    /// The inbox as the pages read it: the same directory check, scope rule and query as the endpoint; null where the
    /// endpoint answers 404.
    /// </summary>
    public static async Task<DepartmentInbox?> ReadAsync(
        string department, ClaimsPrincipal user, DateTimeOffset now, IQuerySession session, CountyReferenceCache reference, CancellationToken ct) =>
        ReferenceEquals(Validate(department, await LoadAsync(session, reference, ct), user), Problems.None)
            ? await Get(department, now, session, ct)
            : null;

    /// <summary>
    /// The department's open assignments with their due times. <c>overdue</c>: a due time was missed;
    /// <c>pastDue</c>: the next due time has passed right now. A code the county directory does not know is 404.
    /// </summary>
    [EndpointSummary("部门待办 A department's inbox")]
    [WolverineGet("/api/departments/{department}/inbox", OperationId = "GetDepartmentInbox")]
    public static async Task<DepartmentInbox> Get(string department, DateTimeOffset now, IQuerySession session, CancellationToken ct)
    {
        var whistles = await session.Query<WhistleDetails>().Where(x => x.OpenDepartments.Contains(department)).ToListAsync(ct);
        return DepartmentInbox.Of(department, now, whistles);
    }
}
