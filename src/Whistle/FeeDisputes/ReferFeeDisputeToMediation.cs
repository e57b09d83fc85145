using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Directory;
using Whistle.Kernel;
using Whistle.Mediation;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

/// <summary>
/// Refers the dispute to the people's mediation centre: a mediation case starts in the same transaction, the company
/// and the owner its parties, and each case names the other. A dispute whose earlier mediation has just ended goes
/// back at once: the end is read from that case and recorded first.
/// </summary>
[ExampleBody("""{"matter": "业主以电梯停运三个月为由拒缴 2025 年物业费，双方同意调解。"}""")]
public sealed record ReferFeeDisputeToMediation(string? Matter = null, long? ExpectedVersion = null);

public sealed record MediationStarted(Guid MediationCaseId, string Number) : CreationResponse($"/api/mediation/cases/{MediationCaseId}");

public static class ReferFeeDisputeToMediationEndpoint
{
    /// <summary>
    /// The dispute's company from the county directory (reference data), to name it as a party, and its current
    /// mediation case, whose end the dispute may not have recorded yet.
    /// </summary>
    public static async Task<(DisputeCompany, DisputeMediation)> LoadAsync(FeeDispute dispute, IDocumentSession session, CancellationToken ct) =>
        (new(await session.LoadAsync<PropertyCompany>(DirectoryIds.PropertyCompany(dispute.PropertyCompanyCode), ct)),
            await DisputeMediation.LoadAsync(dispute, session, ct));

    public static ProblemDetails Validate(
        ReferFeeDisputeToMediation command, FeeDispute dispute, DisputeMediation mediation, ClaimsPrincipal user, TimeProvider clock) =>
        Check(command, dispute.After(FeeDisputeRules.MediationEndToRecord(dispute, mediation.Case, Actor.From(user), clock.GetUtcNow())), user);

    public static ProblemDetails Check(ReferFeeDisputeToMediation command, FeeDispute dispute, ClaimsPrincipal user)
    {
        if (FeeDisputeRules.Common(dispute, user, command.ExpectedVersion) is { } problem) return problem;
        var errors = new FieldErrors().Text("matter", command.Matter, 1000, required: false);
        if (errors.Any) return errors.ToProblem();
        if (dispute.Stage == FeeDisputeStage.InMediation)
            return Problems.Conflict($"纠纷已在调解中（{dispute.Mediation}）。", "The dispute is already in mediation.");
        return FeeDisputeRules.WhilePlanRuns(dispute, "转调解", "go to mediation") ?? Problems.None;
    }

    [EndpointSummary("转人民调解 Refer a fee dispute to mediation")]
    [WolverinePost("/api/fee-disputes/{feeDisputeId}/mediation", OperationId = nameof(ReferFeeDisputeToMediation))]
    [Authorize(Roles = Scope.FeeDisputeHandlers)]
    public static async Task<(MediationStarted, Events, IStartStream)> Post(
        ReferFeeDisputeToMediation command,
        // Locked, not checked optimistically: the earlier mediation's outcome message may be recording its end on the
        // dispute at this very moment; the two wait for each other instead of the referral answering 409.
        [WriteAggregate(LoadStyle = ConcurrencyStyle.Exclusive)] FeeDispute dispute, DisputeCompany company, DisputeMediation mediation,
        ClaimsPrincipal user, DateTimeOffset now, IDocumentSession session, CancellationToken ct)
    {
        var by = Actor.From(user);
        var ended = FeeDisputeRules.MediationEndToRecord(dispute, mediation.Case, by, now);
        var (id, number) = await CaseNumbers.DrawAsync(session, CaseNumbers.MediationCases, now, ct);
        var (started, events, stream) = Refer(command, dispute.After(ended), company, id, number, by, now);
        return (started, [.. ended, .. events], stream);
    }

    /// <summary>The decision: the dispute's referral and the mediation case's opening, naming each other.</summary>
    public static (MediationStarted, Events, IStartStream) Refer(
        ReferFeeDisputeToMediation command, FeeDispute dispute, DisputeCompany company, Guid caseId, string number, Actor by, DateTimeOffset now)
    {
        var companyName = company.Company?.Info.Name ?? dispute.PropertyCompanyCode;
        MediationParty owner = new(dispute.OwnerName, dispute.OwnerPhone, PartySide.Respondent);
        MediationParty firm = new(companyName, company.Company?.Info.Phone, PartySide.Applicant, IsOrganisation: true);
        var parties = dispute.RaisedBy == DisputeRaiser.Company
            ? new[] { firm, owner }
            : [owner with { Side = PartySide.Applicant }, firm with { Side = PartySide.Respondent }];
        var matter = command.Matter?.Trim() is { Length: > 0 } m
            ? m
            : $"{dispute.CompoundName}{dispute.Unit} 物业费纠纷：{dispute.Period.From:yyyy-MM} 至 {dispute.Period.To:yyyy-MM}，欠费 {dispute.Outstanding:0.00} 元";
        var opened = new MediationCaseOpened(
            caseId, number, ReferralSource.FeeDispute, dispute.Id, dispute.Number, null, parties, matter,
            dispute.PropertyCompanyCode, dispute.CompoundCode, dispute.CommunityCode, dispute.SubDistrictCode, by, now);
        return (new MediationStarted(caseId, number),
            [new FeeDisputeReferredToMediation(dispute.Id, caseId, number, by, now)],
            MartenOps.StartStream<MediationCase>(caseId, opened));
    }
}

/// <summary>The dispute's company as the county directory has it today, for naming it as a party of the mediation case.</summary>
public sealed record DisputeCompany(PropertyCompany? Company);
