using Whistle.Hosting.Projections;

namespace Whistle.Hosting.History;

/// <summary>Where a rebuild stands: <see cref="Done"/> projections of <see cref="Count"/>, the one now (or last) rebuilt, and what it did.</summary>
public sealed record RebuildStep(int Done, int Count, string Projection, RebuiltProjection? Rebuilt);

/// <summary>
/// What the <c>rebuild</c> verb does: the projections in the order <see cref="ProjectionCatalogue"/> gives (every one, or one
/// and the projections that read its documents), rebuilt one at a time through <see cref="ProjectionRebuilds"/> — the
/// admin endpoints' own path — reporting before and after each, so that a long rebuild shows where it is.
/// </summary>
public static class ProjectionRebuildRun
{
    /// <summary>The projections rebuilt, in order; null when <paramref name="projection"/> names none.</summary>
    public static async Task<IReadOnlyList<RebuiltProjection>?> RunAsync(
        ProjectionRebuilds rebuilds, string? projection, IProgress<RebuildStep>? progress, CancellationToken ct)
    {
        var catalogue = rebuilds.Catalogue();
        var order = projection is null ? catalogue.FullRebuildOrder() : catalogue.RebuildOrder(projection);
        if (order.Count == 0) return null;
        var rebuilt = new List<RebuiltProjection>();
        foreach (var entry in order)
        {
            progress?.Report(new RebuildStep(rebuilt.Count, order.Count, entry.Name, null));
            var done = (await rebuilds.RebuildAsync([entry], ct)).Single();
            rebuilt.Add(done);
            progress?.Report(new RebuildStep(rebuilt.Count, order.Count, entry.Name, done));
        }
        return rebuilt;
    }
}
