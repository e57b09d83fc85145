using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Complaints;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

/// <summary>
/// Records why the owner will not pay: service defects (linked to the complaints behind them), vacancy, price,
/// hardship — with 低保/五保 subsidy eligibility. Recording again replaces the earlier reasons.
/// </summary>
[ExampleBody("""{"reasons": ["ServiceDefect", "Vacancy"], "statement": "电梯长期停运无人维修；房屋上半年空置。"}""")]
public sealed record RecordOwnerReasons(
    IReadOnlyList<OwnerReason>? Reasons, IReadOnlyList<Guid>? DefectComplaints = null, Subsidy? Subsidy = null,
    string? Statement = null, long? ExpectedVersion = null);

/// <summary>The complaints the command names as service defects, as their own streams stand.</summary>
public sealed record LinkedComplaints(IReadOnlyList<Complaint> Found);

public static class RecordOwnerReasonsEndpoint
{
    public static async Task<LinkedComplaints> LoadAsync(RecordOwnerReasons command, IDocumentSession session, CancellationToken ct)
    {
        var found = new List<Complaint>();
        if (command.DefectComplaints is { Count: > 0 and <= 20 } ids)
            foreach (var id in ids.Distinct())
                if (await session.Events.FetchLatest<Complaint>(id, ct) is { } complaint) found.Add(complaint);
        return new LinkedComplaints(found);
    }

    public static ProblemDetails Validate(RecordOwnerReasons command, FeeDispute dispute, LinkedComplaints linked, ClaimsPrincipal user)
    {
        if (FeeDisputeRules.Common(dispute, user, command.ExpectedVersion) is { } problem) return problem;
        var reasons = command.Reasons ?? [];
        var complaints = command.DefectComplaints ?? [];
        var errors = new FieldErrors()
            .When(reasons.Count == 0, "reasons", "至少一项理由。At least one reason.")
            .When(reasons.Any(r => !Enum.IsDefined(r)), "reasons", "未知的理由。Unknown reason.")
            .When(complaints.Count > 20, "defectComplaints", "至多 20 件投诉。At most 20 complaints.")
            .When(complaints.Count > 0 && !reasons.Contains(OwnerReason.ServiceDefect), "defectComplaints",
                "只有“服务不到位”的理由才关联投诉。Complaints are linked to a service-defect reason only.")
            .When(command.Subsidy is { } s && !Enum.IsDefined(s), "subsidy", "未知的补助类别。Unknown subsidy.")
            .When(command.Subsidy is Subsidy.Dibao or Subsidy.Wubao && !reasons.Contains(OwnerReason.Hardship), "subsidy",
                "低保、五保资格随“经济困难”的理由记录。Subsidy eligibility goes with a hardship reason.")
            .Text("statement", command.Statement, 2000, required: false);
        foreach (var missing in complaints.Where(id => linked.Found.All(c => c.Id != id)))
            errors.Add("defectComplaints", $"没有投诉 {missing}。No complaint {missing}.");
        return errors.ToProblem();
    }

    /// <summary>Each complaint given as a service defect is told, so that it tells the dispute when it is resolved.</summary>
    [EndpointSummary("登记业主理由 Record the owner's reasons")]
    [WolverinePost("/api/fee-disputes/{feeDisputeId}/reasons", OperationId = nameof(RecordOwnerReasons))]
    [Authorize(Roles = Scope.FeeDisputeHandlers)]
    public static (FeeDisputeAnswer, Events, OutgoingMessages) Post(
        RecordOwnerReasons command, [WriteAggregate] FeeDispute dispute, ClaimsPrincipal user, DateTimeOffset now)
    {
        var by = Actor.From(user);
        var defects = (command.DefectComplaints ?? []).Distinct().ToList();
        Events events =
        [
            new OwnerReasonsRecorded(dispute.Id, command.Reasons!.Distinct().ToList(), defects, command.Subsidy ?? Subsidy.None,
                string.IsNullOrWhiteSpace(command.Statement) ? null : command.Statement.Trim(), by, now),
        ];
        return (FeeDisputeAnswer.After(dispute, events), events,
            [.. defects.Select(complaint => new CiteComplaint(complaint, dispute.Id, dispute.Number, by, now))]);
    }
}
