using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Complaints;
using Whistle.County.Directory;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Mediation;

[OptionalFields("phone")]
public sealed record PartyInput(string? Name, string? Phone, bool IsOrganisation = false);

/// <summary>
/// Registers a mediation case (登记): a party applied (source <c>Party</c>, the default), or a body referred the dispute
/// (<c>Court</c>, <c>Police</c>, <c>Hotline</c> with their reference; <c>Complaint</c> naming the complaint). Fee
/// disputes are referred from the dispute itself, not here.
/// </summary>
[ExampleBody("""{"applicant": {"name": "王大妈", "phone": "13900002222"}, "respondent": {"name": "李先生", "phone": "13800003333"}, "matter": "楼上装修后卫生间漏水，楼下天花板受损，双方多次争吵。", "compoundCode": "CP010101"}""")]
public sealed record OpenMediationCase(
    PartyInput? Applicant,
    PartyInput? Respondent,
    string? Matter,
    ReferralSource? Source = null,
    string? Reference = null,
    Guid? ComplaintId = null,
    string? CompoundCode = null);

/// <summary>201 body: the new case's id and readable number; Location points at its details.</summary>
public sealed record OpenedMediationCase(Guid Id, string Number) : CreationResponse($"/api/mediation/cases/{Id}");

/// <summary>The complaint a case is referred by, as its own stream has it: its number and the compound it concerns.</summary>
public sealed record ReferringComplaint(Guid Id, string Number, string? CompoundCode);

/// <summary>What opening reads first: the referring complaint, and the compound (named, or the complaint's).</summary>
public sealed record MediationOpening(ReferringComplaint? Complaint, Compound? Compound);

public static class OpenMediationCaseEndpoint
{
    public static async Task<MediationOpening> LoadAsync(
        OpenMediationCase command, ClaimsPrincipal user, IDocumentSession session, CancellationToken ct)
    {
        var complaint = command is { Source: ReferralSource.Complaint, ComplaintId: { } complaintId } && complaintId != Guid.Empty
            ? await ComplaintAsync(complaintId, Scope.Of(user), session, ct) : null;
        var compound = (command.CompoundCode ?? complaint?.CompoundCode) is { Length: > 0 and <= 64 } code
            ? await session.LoadAsync<Compound>(DirectoryIds.Compound(code), ct) : null;
        return new MediationOpening(complaint, compound);
    }

    /// <summary>
    /// The referring complaint from its write model and its opening event, never from a read model; a complaint the
    /// user does not see does not exist for them.
    /// </summary>
    private static async Task<ReferringComplaint?> ComplaintAsync(Guid id, Scope scope, IDocumentSession session, CancellationToken ct)
    {
        var complaint = await session.Events.FetchLatest<Complaint>(id, ct);
        if (complaint is null || complaint.Id != id
            || !scope.Sees(CaseKind.Complaint, new CaseArea(complaint.CommunityId, complaint.SubDistrictId))) return null;
        var opening = await session.Events.FetchStreamAsync(id, version: 1, token: ct);
        return new ReferringComplaint(id, complaint.Number, opening.Select(e => e.Data).OfType<ComplaintLodged>().FirstOrDefault()?.CompoundId);
    }

    public static ProblemDetails Validate(OpenMediationCase command, MediationOpening opening)
    {
        var source = command.Source ?? ReferralSource.Party;
        var errors = new FieldErrors()
            .Defined("source", (ReferralSource?)source)
            .When(source == ReferralSource.FeeDispute, "source",
                "物业费纠纷由纠纷案件转入调解，不在此登记。Fee disputes are referred to mediation from the dispute itself.")
            .Text("matter", command.Matter, 2000)
            .Text("reference", command.Reference, 100,
                required: source is ReferralSource.Court or ReferralSource.Police or ReferralSource.Hotline)
            .Text("compoundCode", command.CompoundCode, 64, required: false);
        Party(errors, "applicant", command.Applicant);
        Party(errors, "respondent", command.Respondent);
        if (source == ReferralSource.Complaint)
        {
            errors.Required("complaintId", command.ComplaintId);
            errors.When(command.ComplaintId is { } id && id != Guid.Empty && opening.Complaint is null,
                "complaintId", "没有这件投诉。No such complaint.");
        }
        else
        {
            errors.When(command.ComplaintId is not null, "complaintId",
                "只有投诉转调解的案件才指明投诉。Only a Complaint referral names a complaint.");
        }
        errors.When(!string.IsNullOrWhiteSpace(command.CompoundCode) && opening.Compound is null, "compoundCode",
            $"本县没有编号为 {command.CompoundCode} 的小区。No such compound in this county.");
        return errors.ToProblem();
    }

    private static void Party(FieldErrors errors, string field, PartyInput? party)
    {
        if (party is null)
        {
            errors.Add(field, "必填。Required.");
            return;
        }
        errors.Text($"{field}.name", party.Name, 100)
            .Text($"{field}.phone", party.Phone, 30, required: false)
            .When(party.Phone is { } phone && !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' '),
                $"{field}.phone", "电话号码只能包含数字、空格、+ 和 -。Digits, spaces, + and - only.");
    }

    [EndpointSummary("立调解案件 Open a mediation case")]
    [WolverinePost("/api/mediation/cases", OperationId = nameof(OpenMediationCase))]
    [Authorize(Roles = Scope.MediationHandlers)]
    public static async Task<(OpenedMediationCase, IStartStream)> Post(
        OpenMediationCase command, MediationOpening opening, ClaimsPrincipal user, DateTimeOffset now,
        IDocumentSession session, PersonalDataVault vault, CancellationToken ct)
    {
        var (id, number) = await CaseNumbers.DrawAsync(session, CaseNumbers.MediationCases, now, ct);
        var sealer = vault.SealerFor(session);
        var sealedCommand = command with
        {
            Applicant = MediationSealing.Sealed(command.Applicant!, sealer), Respondent = MediationSealing.Sealed(command.Respondent!, sealer),
        };
        return Open(sealedCommand, opening, id, number, Actor.From(user), now);
    }

    /// <summary>The decision, once the number is drawn: the case waits for both parties' consent.</summary>
    public static (OpenedMediationCase, IStartStream) Open(
        OpenMediationCase command, MediationOpening opening, Guid id, string number, Actor by, DateTimeOffset now)
    {
        var info = opening.Compound?.Info;
        var opened = new MediationCaseOpened(
            id, number, command.Source ?? ReferralSource.Party, opening.Complaint?.Id, opening.Complaint?.Number,
            Trimmed(command.Reference),
            [Party(command.Applicant!, PartySide.Applicant), Party(command.Respondent!, PartySide.Respondent)],
            command.Matter!.Trim(), info?.PropertyCompanyCode, opening.Compound?.Code, info?.CommunityCode,
            info?.SubDistrictCode, by, now);
        return (new OpenedMediationCase(id, number), MartenOps.StartStream<MediationCase>(id, opened));
    }

    private static MediationParty Party(PartyInput input, PartySide side) =>
        new(input.Name!.Trim(), Trimmed(input.Phone), side, input.IsOrganisation);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
