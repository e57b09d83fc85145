using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Cases;
using Whistle.Complaints;
using Whistle.FeeDisputes;
using Whistle.Kernel;
using Whistle.Mediation;
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

/// <summary>
/// A case as its erasure reads it, from its events and write model (no read model): its kind and number, whether it is
/// closed, the data subjects its events sealed, those whose keys are still held, and its last step.
/// </summary>
public sealed record ErasureCase(
    Guid CaseId, string CaseKind, string Number, bool Closed, IReadOnlyList<Guid> Subjects, IReadOnlyList<Guid> Held, DateTimeOffset LastStep)
{
    /// <summary>
    /// The case from its events (its write model folded by the caller): the subjects found in their sealed values, which
    /// of them still have a key, and the time of its last step.
    /// </summary>
    public static async Task<ErasureCase> ReadAsync(
        IDocumentSession session, PersonalDataVault vault, Guid id, string kind, string number, bool closed, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        var values = events.SelectMany(e => SealedValues.In(e.Data)).ToList();
        var subjects = values.Select(SealedText.SubjectOf).OfType<Guid>().Distinct().ToList();
        var keys = await vault.KeyringAsync(session, values, ct);
        return new ErasureCase(id, kind, number, closed, subjects, [.. subjects.Where(keys.Holds)], events[^1].Timestamp);
    }
}

/// <summary>The one rule of erasure, for every kind of case, and its decision.</summary>
public static class PersonalDataErasing
{
    /// <summary>
    /// Only a closed case's data is erased (an open case is still being handled: 409); for its retention period, only once
    /// <c>RetentionYears</c> have passed since its last step (409 until then); data recorded before sealing cannot be
    /// erased by a key (409), nor data already erased.
    /// </summary>
    public static ProblemDetails Check(ErasePersonalData command, ErasureCase? erasure, ProblemDetails notFound, int retentionYears, DateTimeOffset now)
    {
        if (erasure is null) return notFound;
        var errors = new FieldErrors()
            .Defined("basis", command.Basis)
            .Text("reference", command.Reference, 200);
        if (errors.Any) return errors.ToProblem();
        if (!erasure.Closed)
            return Problems.Conflict($"案件 {erasure.Number} 尚未办结，不能删除其个人信息。", $"Case {erasure.Number} is still open; its personal data cannot be erased.");
        var kept = erasure.LastStep.AddYears(retentionYears);
        if (command.Basis == ErasureBasis.RetentionElapsed && kept > now)
            return Problems.Conflict($"保存期限至 {CountyTime.Local(kept):yyyy-MM-dd} 届满。", $"Its retention period runs until {CountyTime.Local(kept):yyyy-MM-dd}.");
        if (erasure.Subjects.Count == 0)
            return Problems.Conflict("该案件的个人信息登记于加密之前，无法通过删除密钥清除。", "This case's personal data was recorded before sealing; deleting a key cannot erase it.");
        return erasure.Held.Count == 0
            ? Problems.Conflict("该案件的个人信息已删除。", "This case's personal data is already erased.")
            : Problems.None;
    }

    /// <summary>Deletes the subjects' keys in the session's transaction and records the erasure.</summary>
    public static (PersonalDataErasure, IStartStream) Post(
        ErasePersonalData command, ErasureCase erasure, IDocumentSession session, ClaimsPrincipal user, DateTimeOffset now)
    {
        PersonalDataVault.Erase(session, erasure.Held);
        return Erase(command, erasure, Guid.CreateVersion7(now), Actor.From(user), now);
    }

    /// <summary>The decision: the record of the erasure, on a stream of its own.</summary>
    public static (PersonalDataErasure, IStartStream) Erase(ErasePersonalData command, ErasureCase erasure, Guid erasureId, Actor by, DateTimeOffset now) =>
        (new PersonalDataErasure(erasureId, erasure.CaseId, erasure.Number, erasure.Held.Count, command.Basis!.Value, now),
            MartenOps.StartStream<PersonalDataErasure>(erasureId, new PersonalDataErased(
                erasureId, erasure.CaseId, erasure.CaseKind, erasure.Number, erasure.Held, command.Basis.Value,
                command.Reference!.Trim(), by, now)));
}

public static class EraseComplaintPersonalDataEndpoint
{
    public static async Task<ErasureCase?> LoadAsync(Guid complaintId, IDocumentSession session, PersonalDataVault vault, CancellationToken ct) =>
        await session.Events.AggregateStreamAsync<Complaint>(complaintId, token: ct) is { } complaint
            ? await ErasureCase.ReadAsync(session, vault, complaintId, CaseSummary.Complaint, complaint.Number, complaint.IsFinal, ct)
            : null;

    public static ProblemDetails Validate(Guid complaintId, ErasePersonalData command, ErasureCase? erasure, PrivacyOptions options, TimeProvider clock) =>
        PersonalDataErasing.Check(command, erasure, ComplaintRules.NotFound(complaintId), options.RetentionYears, clock.GetUtcNow());

    /// <summary>Deletes the keys of the complaint's data subjects; the complaint's history is untouched and still verifies.</summary>
    [EndpointSummary("删除投诉人个人信息 Erase a complaint's personal data")]
    [WolverinePost("/api/complaints/{complaintId}/personal-data/erasure", OperationId = "EraseComplaintPersonalData")]
    [Authorize(Roles = Roles.Admin)]
    public static (PersonalDataErasure, IStartStream) Post(
        ErasePersonalData command, ErasureCase erasure, IDocumentSession session, ClaimsPrincipal user, DateTimeOffset now) =>
        PersonalDataErasing.Post(command, erasure, session, user, now);
}

public static class EraseFeeDisputePersonalDataEndpoint
{
    public static async Task<ErasureCase?> LoadAsync(Guid feeDisputeId, IDocumentSession session, PersonalDataVault vault, CancellationToken ct) =>
        await session.Events.AggregateStreamAsync<FeeDispute>(feeDisputeId, token: ct) is { } dispute
            ? await ErasureCase.ReadAsync(session, vault, feeDisputeId, CaseSummary.FeeDispute, dispute.Number, dispute.IsClosed, ct)
            : null;

    public static ProblemDetails Validate(Guid feeDisputeId, ErasePersonalData command, ErasureCase? erasure, PrivacyOptions options, TimeProvider clock) =>
        PersonalDataErasing.Check(command, erasure, FeeDisputeRules.NotFound(feeDisputeId), options.RetentionYears, clock.GetUtcNow());

    /// <summary>Deletes the keys of the owner's data (and so of the owner as a party to the mediation it went to).</summary>
    [EndpointSummary("删除业主个人信息 Erase a fee dispute's personal data")]
    [WolverinePost("/api/fee-disputes/{feeDisputeId}/personal-data/erasure", OperationId = "EraseFeeDisputePersonalData")]
    [Authorize(Roles = Roles.Admin)]
    public static (PersonalDataErasure, IStartStream) Post(
        ErasePersonalData command, ErasureCase erasure, IDocumentSession session, ClaimsPrincipal user, DateTimeOffset now) =>
        PersonalDataErasing.Post(command, erasure, session, user, now);
}

public static class EraseMediationPersonalDataEndpoint
{
    public static async Task<ErasureCase?> LoadAsync(Guid mediationCaseId, IDocumentSession session, PersonalDataVault vault, CancellationToken ct) =>
        await session.Events.AggregateStreamAsync<MediationCase>(mediationCaseId, token: ct) is { } mediation
            ? await ErasureCase.ReadAsync(
                session, vault, mediationCaseId, CaseSummary.Mediation, mediation.Number, MediationStatuses.IsFinal(mediation.Status), ct)
            : null;

    public static ProblemDetails Validate(Guid mediationCaseId, ErasePersonalData command, ErasureCase? erasure, PrivacyOptions options, TimeProvider clock) =>
        PersonalDataErasing.Check(command, erasure, MediationRules.NotFound(mediationCaseId), options.RetentionYears, clock.GetUtcNow());

    /// <summary>Deletes the keys of the parties', participants' and invitees' data (a party referred from a fee dispute is that dispute's owner).</summary>
    [EndpointSummary("删除调解当事人个人信息 Erase a mediation case's personal data")]
    [WolverinePost("/api/mediation/cases/{mediationCaseId}/personal-data/erasure", OperationId = "EraseMediationPersonalData")]
    [Authorize(Roles = Roles.Admin)]
    public static (PersonalDataErasure, IStartStream) Post(
        ErasePersonalData command, ErasureCase erasure, IDocumentSession session, ClaimsPrincipal user, DateTimeOffset now) =>
        PersonalDataErasing.Post(command, erasure, session, user, now);
}
