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

/// <summary>
/// Unmask a case's personal data, for a stated purpose (调阅个人信息): <c>kinds</c> narrows it to names, phones or
/// addresses (all three when left out). Recorded as a <see cref="PersonalDataViewed"/>.
/// </summary>
[ExampleBody("""{"purpose": "回访投诉人，核实处理结果", "kinds": ["Phone"]}""")]
public sealed record ViewPersonalData(string? Purpose, IReadOnlyList<PersonalDataKind>? Kinds);

/// <summary>The answer: the fields shown in clear (each with its masked form), why, and the record's id.</summary>
public sealed record PersonalDataDisclosure(
    Guid ViewingId, Guid CaseId, string CaseKind, string CaseNumber, IReadOnlyList<PersonalDatum> Data, string Purpose, DateTimeOffset At);

/// <summary>
/// The rule of unmasking, one for every kind of case. Every answer shows residents' personal data masked; a user who
/// sees the case (its details' scope rule) and whose role may see personal data (<see cref="Scope.MaySeePersonalData"/>)
/// may have it in clear, one case at a time, with a purpose, and the viewing is recorded.
/// </summary>
public static class PersonalDataViewing
{
    public const int PurposeMinLength = 2, PurposeMaxLength = 200;

    public static ProblemDetails Validate(ViewPersonalData command, bool visible, ProblemDetails notFound, ClaimsPrincipal user)
    {
        if (!visible) return notFound;
        if (!Scope.Of(user).MaySeePersonalData)
            return Problems.Forbidden("您的角色只能查看脱敏后的个人信息。", "Your role sees personal data masked only.");
        var kinds = command.Kinds ?? [];
        var purpose = command.Purpose?.Trim();
        var errors = new FieldErrors()
            .Text("purpose", command.Purpose, PurposeMaxLength)
            .When(purpose is { Length: > 0 and < PurposeMinLength }, "purpose",
                $"请写明用途，至少 {PurposeMinLength} 个字。State the purpose in at least {PurposeMinLength} characters.")
            .When(kinds.Any(k => !Enum.IsDefined(k)), "kinds", "应为 Name/Phone/Address。Each one of Name, Phone, Address.")
            .When(kinds.Distinct().Count() != kinds.Count, "kinds", "重复。A kind appears twice.");
        return errors.ToProblem();
    }

    /// <summary>The decision: the asked-for items opened by the case's keys, and the record of it as a stream of its own.</summary>
    public static (PersonalDataDisclosure, IStartStream) Disclose(
        IHoldsPersonalData details, Keyring keys, string caseKind, ViewPersonalData command, Guid viewingId, Actor by, DateTimeOffset now)
    {
        var kinds = command.Kinds is { Count: > 0 } asked ? asked : Enum.GetValues<PersonalDataKind>();
        var data = details.PersonalData().Where(d => kinds.Contains(d.Kind)).Select(d => d.OpenedBy(keys)).ToList();
        var purpose = command.Purpose!.Trim();
        return (new PersonalDataDisclosure(viewingId, details.Id, caseKind, details.Number, data, purpose, now),
            MartenOps.StartStream<PersonalDataViewingRecord>(viewingId, new PersonalDataViewed(
                viewingId, details.Id, caseKind, details.Number, [.. data.Select(d => d.Field)], purpose, by, now)));
    }
}

public static class ViewComplaintPersonalDataEndpoint
{
    public static Task<ComplaintDetails?> LoadAsync(Guid complaintId, IQuerySession session, CancellationToken ct) =>
        ComplaintDetailsEndpoint.LoadAsync(complaintId, session, ct);

    public static ProblemDetails Validate(Guid complaintId, ViewPersonalData command, ComplaintDetails? details, ClaimsPrincipal user) =>
        PersonalDataViewing.Validate(command, details is not null && Scope.Of(user).Sees(ComplaintDetails.Fields, details),
            ComplaintRules.NotFound(complaintId), user);

    /// <summary>The complainant's name, phone and address in clear, for a stated purpose; the viewing is recorded.</summary>
    [EndpointSummary("调阅投诉人个人信息 Unmask a complaint's personal data")]
    [WolverinePost("/api/complaints/{complaintId}/personal-data", OperationId = "ViewComplaintPersonalData")]
    [Authorize(Roles = Scope.ComplaintReaders)]
    [RecordedRead]
    public static async Task<(PersonalDataDisclosure, IStartStream)> Post(
        ViewPersonalData command, ComplaintDetails details, ClaimsPrincipal user, DateTimeOffset now, PersonalDataVault vault,
        IDocumentSession session, CancellationToken ct) =>
        PersonalDataViewing.Disclose(details, await vault.KeyringAsync(session, [details], ct),
            CaseSummary.Complaint, command, Guid.CreateVersion7(now), Actor.From(user), now);
}

public static class ViewFeeDisputePersonalDataEndpoint
{
    public static Task<FeeDisputeDetails?> LoadAsync(Guid feeDisputeId, IQuerySession session, CancellationToken ct) =>
        FeeDisputeDetailsEndpoint.LoadAsync(feeDisputeId, session, ct);

    public static ProblemDetails Validate(Guid feeDisputeId, ViewPersonalData command, FeeDisputeDetails? details, ClaimsPrincipal user) =>
        PersonalDataViewing.Validate(command, details is not null && Scope.Of(user).Sees(FeeDisputeDetails.Fields, details),
            FeeDisputeRules.NotFound(feeDisputeId), user);

    /// <summary>The owner's name and phone in clear, for a stated purpose; the viewing is recorded.</summary>
    [EndpointSummary("调阅业主个人信息 Unmask a fee dispute's personal data")]
    [WolverinePost("/api/fee-disputes/{feeDisputeId}/personal-data", OperationId = "ViewFeeDisputePersonalData")]
    [Authorize(Roles = Scope.FeeDisputeReaders)]
    [RecordedRead]
    public static async Task<(PersonalDataDisclosure, IStartStream)> Post(
        ViewPersonalData command, FeeDisputeDetails details, ClaimsPrincipal user, DateTimeOffset now, PersonalDataVault vault,
        IDocumentSession session, CancellationToken ct) =>
        PersonalDataViewing.Disclose(details, await vault.KeyringAsync(session, [details], ct), CaseSummary.FeeDispute, command, Guid.CreateVersion7(now), Actor.From(user), now);
}

public static class ViewMediationPersonalDataEndpoint
{
    public static Task<MediationCaseDetails?> LoadAsync(Guid mediationCaseId, IQuerySession session, CancellationToken ct) =>
        MediationCaseDetailsEndpoint.LoadAsync(mediationCaseId, session, ct);

    public static ProblemDetails Validate(Guid mediationCaseId, ViewPersonalData command, MediationCaseDetails? details, ClaimsPrincipal user) =>
        PersonalDataViewing.Validate(command, details is not null && Scope.Of(user).Sees(MediationCaseDetails.Fields, details),
            MediationRules.NotFound(mediationCaseId), user);

    /// <summary>The parties', participants' and invitees' names and phones in clear, for a stated purpose; the viewing is recorded.</summary>
    [EndpointSummary("调阅调解当事人个人信息 Unmask a mediation case's personal data")]
    [WolverinePost("/api/mediation/cases/{mediationCaseId}/personal-data", OperationId = "ViewMediationPersonalData")]
    [Authorize(Roles = Scope.MediationReaders)]
    [RecordedRead]
    public static async Task<(PersonalDataDisclosure, IStartStream)> Post(
        ViewPersonalData command, MediationCaseDetails details, ClaimsPrincipal user, DateTimeOffset now, PersonalDataVault vault,
        IDocumentSession session, CancellationToken ct) =>
        PersonalDataViewing.Disclose(details, await vault.KeyringAsync(session, [details], ct), CaseSummary.Mediation, command, Guid.CreateVersion7(now), Actor.From(user), now);
}
