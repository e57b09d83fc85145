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
/// and the owner its parties, and each case names the other.
/// </summary>
public sealed record ReferFeeDisputeToMediation(string? Matter = null, long? ExpectedVersion = null);

public sealed record MediationStarted(Guid MediationCaseId, string Number) : CreationResponse($"/api/mediation/cases/{MediationCaseId}");

public static class ReferFeeDisputeToMediationEndpoint
{
    public static async Task<DisputeCompany> LoadAsync(Guid feeDisputeId, IQuerySession session, CancellationToken ct)
    {
        var details = await session.LoadAsync<FeeDisputeDetails>(feeDisputeId, ct);
        return new(details is null ? null : await session.LoadAsync<PropertyCompany>(DirectoryIds.PropertyCompany(details.PropertyCompanyCode), ct), details);
    }

    public static ProblemDetails Validate(ReferFeeDisputeToMediation command, FeeDispute dispute, ClaimsPrincipal user)
    {
        if (FeeDisputeRules.Common(dispute, user, command.ExpectedVersion) is { } problem) return problem;
        var errors = new FieldErrors().Text("matter", command.Matter, 1000, required: false);
        if (errors.Any) return errors.ToProblem();
        return dispute.Stage switch
        {
            FeeDisputeStage.InMediation => Problems.Conflict($"纠纷已在调解中（{dispute.Mediation}）。", "The dispute is already in mediation."),
            FeeDisputeStage.PlanInProgress => FeeDisputeRules.NotAllowed(dispute, "转调解（分期履行中）", "go to mediation while a payment plan runs"),
            _ => Problems.None,
        };
    }

    [WolverinePost("/api/fee-disputes/{feeDisputeId}/mediation", OperationId = nameof(ReferFeeDisputeToMediation))]
    [Authorize(Roles = FeeDisputeRules.Handlers)]
    public static async Task<(MediationStarted, Events, IStartStream)> Post(
        ReferFeeDisputeToMediation command, [WriteAggregate] FeeDispute dispute, DisputeCompany company,
        ClaimsPrincipal user, DateTimeOffset now, IDocumentSession session, CancellationToken ct)
    {
        var number = await CaseNumbers.NextAsync(session, CaseNumbers.MediationCases, CountyTime.Local(now).Year, ct);
        return Refer(command, dispute, company, Guid.CreateVersion7(now), number, Actor.From(user), now);
    }

    /// <summary>The decision: the dispute's referral and the mediation case's opening, naming each other.</summary>
    public static (MediationStarted, Events, IStartStream) Refer(
        ReferFeeDisputeToMediation command, FeeDispute dispute, DisputeCompany company, Guid caseId, string number, Actor by, DateTimeOffset now)
    {
        var details = company.Details!;
        var companyName = company.Company?.Info.Name ?? dispute.PropertyCompanyCode;
        MediationParty owner = new(details.OwnerName, details.OwnerPhone, PartySide.Respondent);
        MediationParty firm = new(companyName, company.Company?.Info.Phone, PartySide.Applicant, IsOrganisation: true);
        var parties = details.RaisedBy == DisputeRaiser.Company
            ? new[] { firm, owner }
            : [owner with { Side = PartySide.Applicant }, firm with { Side = PartySide.Respondent }];
        var matter = command.Matter?.Trim() is { Length: > 0 } m
            ? m
            : $"{details.CompoundName}{details.Unit} 物业费纠纷：{details.Period.From:yyyy-MM} 至 {details.Period.To:yyyy-MM}，欠费 {details.Outstanding:0.00} 元";
        var opened = new MediationCaseOpened(
            caseId, number, ReferralSource.FeeDispute, dispute.Id, dispute.Number, null, parties, matter,
            dispute.PropertyCompanyCode, dispute.CompoundCode, dispute.CommunityCode, dispute.SubDistrictCode, by, now);
        return (new MediationStarted(caseId, number),
            [new FeeDisputeReferredToMediation(dispute.Id, caseId, number, by, now)],
            MartenOps.StartStream<MediationCase>(caseId, opened));
    }
}

/// <summary>The dispute's company and its details, for naming the parties of the mediation case.</summary>
public sealed record DisputeCompany(PropertyCompany? Company, FeeDisputeDetails? Details);
