using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Complaints;

/// <summary>Adds a note: internal (staff only) or public (a reply the complainant may see).</summary>
[ExampleBody("""{"text": "已转城管中队现场核查。", "visibility": "Internal"}""")]
public sealed record AddComplaintNote(string? Text, NoteVisibility? Visibility, long? ExpectedVersion = null);

public static class AddComplaintNoteEndpoint
{
    /// <summary>Wider than the handlers: whoever works on the complaint's area may leave a note on it.</summary>
    public const string Writers = Scope.ComplaintHandlers + "," + Roles.SubDistrict + "," + Roles.Office + "," + Roles.Mediator;

    public static ProblemDetails Validate(AddComplaintNote command, Complaint complaint, ClaimsPrincipal user)
    {
        // Any writer who sees the complaint may annotate it; handling it is not needed.
        if (!Scope.Of(user).Sees(CaseKind.Complaint, complaint.Area)) return ComplaintRules.NotFound(complaint.Id);
        if (Problems.CheckVersion(command.ExpectedVersion, complaint.Version) is { } stale) return stale;
        var errors = new FieldErrors()
            .Text("text", command.Text, 2000)
            .Defined("visibility", command.Visibility);
        if (errors.Any) return errors.ToProblem();
        return complaint.IsFinal ? ComplaintRules.NotAllowed(complaint, "再添加备注", "annotated") : Problems.None;
    }

    [EndpointSummary("添加投诉备注或答复 Add a note or reply to a complaint")]
    [WolverinePost("/api/complaints/{complaintId}/notes", OperationId = nameof(AddComplaintNote))]
    [Authorize(Roles = Writers)]
    public static (ComplaintAnswer, Events) Post(
        AddComplaintNote command, [WriteAggregate] Complaint complaint, ClaimsPrincipal user, DateTimeOffset now) =>
        ComplaintAnswer.After(complaint, new ComplaintNoteAdded(
            complaint.Id, Guid.CreateVersion7(now), command.Visibility!.Value, command.Text!.Trim(), Actor.From(user), now));
}
