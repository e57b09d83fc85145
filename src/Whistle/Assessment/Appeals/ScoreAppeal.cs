using Whistle.Kernel;

namespace Whistle.Assessment.Appeals;

/// <summary>The write model of a score appeal: only what its ruling reads.</summary>
public sealed record ScoreAppeal : IWriteModel<ScoreAppeal>
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public AppealedItem Item { get; init; } = new(Guid.Empty, "", "");
    public AppealRuling? Ruling { get; init; }

    public static ScoreAppeal Create(ScoreAppealLodged e) => new() { Id = e.AppealId, Item = e.Item };

    public ScoreAppeal Apply(ScoreAppealRuled e) => this with { Ruling = e.Ruling };

    public ScoreAppeal AtVersion(long version) => this with { Version = version };
}
