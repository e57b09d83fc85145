using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Cases;
using Whistle.Complaints;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Privacy;

/// <summary>Why a resident's data is erased: their own lawful request (删除请求), or the case's retention period has run out.</summary>
public enum ErasureBasis
{
    Request = 1,
    RetentionElapsed = 2,
}

/// <summary>
/// Erase a closed case's personal data (删除个人信息) by deleting its subjects' keys: <c>basis</c>, and <c>reference</c> —
/// the request's number or the retention rule applied.
/// </summary>
[ExampleBody("""{"basis": "Request", "reference": "个人信息删除申请 2026-017 号"}""")]
public sealed record ErasePersonalData(ErasureBasis? Basis, string? Reference);

/// <summary>The answer: how many data subjects' keys were deleted.</summary>
public sealed record PersonalDataErasure(Guid ErasureId, Guid CaseId, string CaseNumber, int Subjects, ErasureBasis Basis, DateTimeOffset At);

/// <summary>
/// A case's personal data was erased: the subjects whose keys were deleted, why, by whom. It names no person: the case's
/// events stay as stored and hash-chained, and every sealed value of those subjects now reads as erased.
/// </summary>
public sealed record PersonalDataErased(
    Guid ErasureId, Guid CaseId, string CaseKind, string CaseNumber, IReadOnlyList<Guid> Subjects, ErasureBasis Basis,
    string Reference, Actor By, DateTimeOffset At);

/// <summary>A complaint as its erasure reads it: the write model, the subjects its lodging sealed, the keys still held, its last step.</summary>
public sealed record ComplaintErasureCase(Complaint Complaint, IReadOnlyList<Guid> Subjects, IReadOnlyList<Guid> Held, DateTimeOffset LastStep);

public static class EraseComplaintPersonalDataEndpoint
{
    public static async Task<ComplaintErasureCase?> LoadAsync(
        Guid complaintId, IDocumentSession session, PersonalDataVault vault, CancellationToken ct)
    {
        var state = await session.Events.FetchStreamStateAsync(complaintId, ct);
        if (state is null || await session.Events.AggregateStreamAsync<Complaint>(complaintId, token: ct) is not { } complaint) return null;
        var lodged = await session.Events.QueryRawEventDataOnly<ComplaintLodged>().Where(e => e.ComplaintId == complaintId).FirstAsync(ct);
        var values = SealedValues.In(lodged).ToList();
        var subjects = values.Select(SealedText.SubjectOf).OfType<Guid>().Distinct().ToList();
        var keys = await vault.KeyringAsync(session, values, ct);
        return new ComplaintErasureCase(complaint, subjects, [.. subjects.Where(keys.Holds)], state.LastTimestamp);
    }

    /// <summary>
    /// Only a closed case's data is erased (an open case is still being handled: 409); for its retention period, only once
    /// <c>RetentionYears</c> have passed since its last step (409 until then); data recorded before sealing cannot be
    /// erased by a key (409), nor data already erased.
    /// </summary>
    public static ProblemDetails Validate(
        Guid complaintId, ErasePersonalData command, ComplaintErasureCase? erasure, PrivacyOptions options, TimeProvider clock) =>
        Check(complaintId, command, erasure, options.RetentionYears, clock.GetUtcNow());

    /// <summary>The rule, pure.</summary>
    public static ProblemDetails Check(Guid complaintId, ErasePersonalData command, ComplaintErasureCase? erasure, int retentionYears, DateTimeOffset now)
    {
        if (erasure is null) return ComplaintRules.NotFound(complaintId);
        var errors = new FieldErrors()
            .Defined("basis", command.Basis)
            .Text("reference", command.Reference, 200);
        if (errors.Any) return errors.ToProblem();
        if (!erasure.Complaint.IsFinal)
            return Problems.Conflict($"投诉 {erasure.Complaint.Number} 尚未办结，不能删除其个人信息。", $"Complaint {erasure.Complaint.Number} is still open; its personal data cannot be erased.");
        var kept = erasure.LastStep.AddYears(retentionYears);
        if (command.Basis == ErasureBasis.RetentionElapsed && kept > now)
            return Problems.Conflict($"保存期限至 {CountyTime.Local(kept):yyyy-MM-dd} 届满。", $"Its retention period runs until {CountyTime.Local(kept):yyyy-MM-dd}.");
        if (erasure.Subjects.Count == 0)
            return Problems.Conflict("该投诉的个人信息登记于加密之前，无法通过删除密钥清除。", "This complaint's personal data was recorded before sealing; deleting a key cannot erase it.");
        return erasure.Held.Count == 0
            ? Problems.Conflict("该投诉的个人信息已删除。", "This complaint's personal data is already erased.")
            : Problems.None;
    }

    /// <summary>Deletes the keys of the complaint's data subjects; the complaint's history is untouched and still verifies.</summary>
    [EndpointSummary("删除投诉人个人信息 Erase a complaint's personal data")]
    [WolverinePost("/api/complaints/{complaintId}/personal-data/erasure", OperationId = "EraseComplaintPersonalData")]
    [Authorize(Roles = Roles.Admin)]
    public static (PersonalDataErasure, IStartStream) Post(
        ErasePersonalData command, ComplaintErasureCase erasure, IDocumentSession session, ClaimsPrincipal user, DateTimeOffset now)
    {
        PersonalDataVault.Erase(session, erasure.Held);
        return Erase(command, erasure, Guid.CreateVersion7(now), Actor.From(user), now);
    }

    /// <summary>The decision: the record of the erasure, on a stream of its own.</summary>
    public static (PersonalDataErasure, IStartStream) Erase(
        ErasePersonalData command, ComplaintErasureCase erasure, Guid erasureId, Actor by, DateTimeOffset now)
    {
        var complaint = erasure.Complaint;
        return (new PersonalDataErasure(erasureId, complaint.Id, complaint.Number, erasure.Held.Count, command.Basis!.Value, now),
            MartenOps.StartStream<PersonalDataErasure>(erasureId, new PersonalDataErased(
                erasureId, complaint.Id, CaseSummary.Complaint, complaint.Number, erasure.Held, command.Basis.Value,
                command.Reference!.Trim(), by, now)));
    }
}
