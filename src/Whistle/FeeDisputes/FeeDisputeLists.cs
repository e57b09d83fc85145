using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;
using Wolverine.Http;

namespace Whistle.FeeDisputes;

/// <summary>Fee disputes summed per property-service company or per compound: what is in dispute, why, and how plans fare.</summary>
public sealed record FeeDisputeSummary(
    string Key, int Disputes, int Open, decimal AmountInDispute, IReadOnlyDictionary<OwnerReason, int> Reasons,
    int PlansInProgress, int Defaults, int Settled, int CreditReferrals);

public static class FeeDisputeListEndpoint
{
    public static ProblemDetails Validate(string? stage) =>
        stage is null || Enum.GetNames<FeeDisputeStage>().Contains(stage, StringComparer.OrdinalIgnoreCase)
            ? Problems.None
            : new FieldErrors().Add("stage", $"应为 {string.Join("/", Enum.GetNames<FeeDisputeStage>())}。Unknown stage.").ToProblem();

    /// <summary>Fee disputes, newest first, owners masked; filters: propertyCompanyCode, compoundCode, stage.</summary>
    [EndpointSummary("物业费纠纷列表 The fee disputes")]
    [WolverineGet("/api/fee-disputes", OperationId = "ListFeeDisputes")]
    [Authorize(Roles = Scope.FeeDisputeReaders)]
    public static async Task<IReadOnlyList<FeeDisputeDetails>> Get(
        string? propertyCompanyCode, string? compoundCode, string? stage, ClaimsPrincipal user, IQuerySession session,
        PersonalDataVault vault, CancellationToken ct)
    {
        var query = Scope.Of(user).Filter(session.Query<FeeDisputeDetails>(), FeeDisputeDetails.Fields);
        if (propertyCompanyCode is not null) query = query.Where(d => d.PropertyCompanyCode == propertyCompanyCode);
        if (compoundCode is not null) query = query.Where(d => d.CompoundCode == compoundCode);
        if (stage is not null)
        {
            var wanted = Enum.Parse<FeeDisputeStage>(stage, ignoreCase: true);
            query = query.Where(d => d.Stage == wanted);
        }
        var disputes = await query.OrderByDescending(d => d.RaisedAt).Take(500).ToListAsync(ct);
        var keys = await vault.KeyringAsync(session, disputes, ct);
        return [.. disputes.Select(d => d.Masked(keys))];
    }
}

public static class FeeDisputeSummaryEndpoint
{
    public static ProblemDetails Validate(string? groupBy) =>
        groupBy is "company" or "compound"
            ? Problems.None
            : new FieldErrors().Add("groupBy", "应为 company 或 compound。company or compound.").ToProblem();

    /// <summary>Per company (<c>groupBy=company</c>) or per compound (<c>groupBy=compound</c>).</summary>
    [EndpointSummary("物业费纠纷汇总 Summarise fee disputes")]
    [WolverineGet("/api/fee-disputes/summary", OperationId = "SummariseFeeDisputes")]
    [Authorize(Roles = Scope.FeeDisputeReaders)]
    public static async Task<IReadOnlyList<FeeDisputeSummary>> Get(string groupBy, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var disputes = await Scope.Of(user).Filter(session.Query<FeeDisputeDetails>(), FeeDisputeDetails.Fields).ToListAsync(ct);
        return Summarise(disputes, groupBy == "company" ? d => d.PropertyCompanyCode : d => d.CompoundCode);
    }

    public static IReadOnlyList<FeeDisputeSummary> Summarise(IEnumerable<FeeDisputeDetails> disputes, Func<FeeDisputeDetails, string> key) =>
        disputes.GroupBy(key).OrderBy(g => g.Key).Select(g => new FeeDisputeSummary(
            g.Key, g.Count(),
            g.Count(d => FeeDisputeStages.IsOpen(d.Stage)),
            g.Where(d => FeeDisputeStages.IsOpen(d.Stage)).Sum(d => d.Outstanding),
            g.SelectMany(d => d.Reasons).GroupBy(r => r).OrderBy(r => r.Key).ToDictionary(r => r.Key, r => r.Count()),
            g.Count(d => d.Stage == FeeDisputeStage.PlanInProgress),
            g.Sum(d => d.Defaults),
            g.Count(d => d.Stage == FeeDisputeStage.Settled),
            g.Count(d => d.CreditReferred))).ToList();
}
