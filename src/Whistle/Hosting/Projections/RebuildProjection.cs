using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Hosting.Projections;

/// <summary>What a rebuild did: each projection rebuilt, in the order it was rebuilt, and the counties it covered.</summary>
public sealed record ProjectionRebuildReport(string Requested, IReadOnlyList<RebuiltProjection> Rebuilt, double Seconds, string Scope);

/// <summary>
/// An administrator rebuilds one projection from the events: its documents are deleted and replayed by the daemon.
/// Every projection that reads the rebuilt one's documents is rebuilt after it (see <see cref="ProjectionCatalogue"/>),
/// so no reader is left holding figures taken from half-rebuilt documents. An unknown name is a 404 that lists the
/// names there are. The store keeps every county in one database, so the rebuild covers every county's documents.
/// </summary>
public static class RebuildProjectionEndpoint
{
    public const string Scope = "本库全部区县（同一数据库按租户共存） Every county in this database (conjoined tenancy)";

    public static ProblemDetails Validate(string name, ProjectionRebuilds rebuilds) =>
        rebuilds.Catalogue().Find(name) is null ? UnknownProjection(name, rebuilds.Catalogue()) : Problems.None;

    [EndpointSummary("重建一个投影 Rebuild one projection")]
    [EndpointDescription("按名称重建一个投影（名称见投影列表）。Rebuilds one projection by its name (as the projection list gives it).")]
    [WolverinePost("/api/admin/projections/{name}/rebuild", OperationId = "RebuildProjection")]
    [Authorize(Roles = Roles.Admin)]
    public static async Task<ProjectionRebuildReport> Post(string name, ProjectionRebuilds rebuilds, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rebuilt = await rebuilds.RebuildAsync(rebuilds.Catalogue().RebuildOrder(name), ct);
        return new ProjectionRebuildReport(name, rebuilt, Math.Round(clock.Elapsed.TotalSeconds, 3), Scope);
    }

    internal static ProblemDetails UnknownProjection(string name, ProjectionCatalogue catalogue)
    {
        var problem = Problems.NotFound(
            $"没有名为“{name}”的投影。可重建的投影：{string.Join("、", catalogue.Names)}。",
            $"No projection is named '{name}'. The projections are: {string.Join(", ", catalogue.Names)}.");
        problem.Extensions["projections"] = catalogue.Names;
        return problem;
    }
}
