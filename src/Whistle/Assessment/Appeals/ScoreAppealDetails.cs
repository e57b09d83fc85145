using JasperFx.Events;
using Marten.Events.Aggregation;
using Whistle.Kernel;
using Whistle.Whistles;

namespace Whistle.Assessment.Appeals;

/// <summary>A score appeal as the department and the office read it: the item, the reason, and the ruling once given.</summary>
public sealed record ScoreAppealDetails
{
    public Guid Id { get; init; }
    public Guid WhistleId { get; init; }
    public string Department { get; init; } = "";
    public string Month { get; init; } = "";
    public DeadlineKind? Kind { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public string Reason { get; init; } = "";
    public Actor LodgedBy { get; init; } = new("", "", "");
    public DateTimeOffset LodgedAt { get; init; }
    public DateTimeOffset WindowEnd { get; init; }
    public int PolicyVersion { get; init; }
    public AppealRuling? Ruling { get; init; }
    public string? RulingReason { get; init; }
    public Actor? RuledBy { get; init; }
    public DateTimeOffset? RuledAt { get; init; }
}

/// <summary>Inline, so that the appeal is listed the moment it is lodged.</summary>
public partial class ScoreAppealDetailsProjection : SingleStreamProjection<ScoreAppealDetails, Guid>
{
    public static ScoreAppealDetails Create(IEvent<ScoreAppealLodged> e) => new()
    {
        Id = e.Data.AppealId, WhistleId = e.Data.Item.WhistleId, Department = e.Data.Item.Department, Month = e.Data.Item.Month,
        Kind = e.Data.Item.Kind, DueAt = e.Data.Item.DueAt, Reason = e.Data.Reason, LodgedBy = e.Data.By, LodgedAt = e.Data.At,
        WindowEnd = e.Data.WindowEnd, PolicyVersion = e.Data.PolicyVersion,
    };

    public static ScoreAppealDetails Apply(IEvent<ScoreAppealRuled> e, ScoreAppealDetails details) =>
        details with { Ruling = e.Data.Ruling, RulingReason = e.Data.Reason, RuledBy = e.Data.By, RuledAt = e.Data.At };
}
