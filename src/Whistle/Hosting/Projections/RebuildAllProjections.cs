using Microsoft.AspNetCore.Authorization;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Hosting.Projections;

/// <summary>
/// An administrator rebuilds every projection from the events, each after the projections whose documents it reads
/// (<see cref="ProjectionCatalogue.FullRebuildOrder"/>): the inline read models first, the async scorecards after.
/// </summary>
public static class RebuildAllProjectionsEndpoint
{
    [EndpointSummary("重建全部投影 Rebuild every projection")]
    [EndpointDescription("重建全部异步投影：从事件重新生成读模型，期间读模型可能暂时落后。Rebuilds every async projection from the events; the read models may trail while it runs.")]
    [WolverinePost("/api/admin/projections/rebuild", OperationId = "RebuildAllProjections")]
    [Authorize(Roles = Roles.Admin)]
    public static async Task<ProjectionRebuildReport> Post(ProjectionRebuilds rebuilds, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rebuilt = await rebuilds.RebuildAsync(rebuilds.Catalogue().FullRebuildOrder(), ct);
        return new ProjectionRebuildReport("*", rebuilt, Math.Round(clock.Elapsed.TotalSeconds, 3), RebuildProjectionEndpoint.Scope);
    }
}
