using Marten;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Catalogue;

/// <summary>The catalogue in force: its version is what every routing decision records.</summary>
public sealed record DispatchCatalogue
{
    /// <summary>One catalogue stream per county.</summary>
    public static readonly Guid StreamId = Directory.DirectoryIds.For("catalogue", "dispatch");

    public Guid Id { get; init; }
    public int Version { get; init; }
    public IReadOnlyList<CatalogueEntry> Entries { get; init; } = [];
    public string? Note { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public Actor PublishedBy { get; init; } = new("", "", "");

    public CatalogueEntry? Find(string categoryId) => Entries.FirstOrDefault(e => e.CategoryId == categoryId);

    public static DispatchCatalogue Create(CataloguePublished e) => new DispatchCatalogue { Id = e.CatalogueId }.Apply(e);

    public DispatchCatalogue Apply(CataloguePublished e) =>
        this with { Version = e.Version, Entries = e.Entries, Note = e.Note, PublishedAt = e.At, PublishedBy = e.By };

    public static Task<DispatchCatalogue?> CurrentAsync(IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<DispatchCatalogue>(StreamId, ct);
}

/// <summary>
/// Where a case of a category goes when a whistle is blown on it: the lead department, those that help, and the whistle
/// type (which sets the due times) — each the whistler's choice where given, else the catalogue's line for the category
/// (<see cref="Entry"/>; routine when the catalogue has none). The one reading of the catalogue's routing: the whistle's
/// decision applies it and the lodging page previews it.
/// </summary>
public sealed record DispatchRoute(CatalogueEntry? Entry, string? Lead, IReadOnlyList<string> CoHandling, WhistleType Type)
{
    public static DispatchRoute Of(
        DispatchCatalogue? catalogue, string categoryId, WhistleType? type = null, string? lead = null, IReadOnlyList<string>? coHandling = null)
    {
        var entry = catalogue?.Find(categoryId);
        return new(entry, lead ?? entry?.Lead, coHandling ?? entry?.CoHandling ?? [], type ?? entry?.WhistleType ?? WhistleType.Routine);
    }
}

/// <summary>A case category as the intake forms list it.</summary>
public sealed record ComplaintCategory(string Id, string Name, string NameEn);

public static class CatalogueEndpoints
{
    public static ProblemDetails NotPublished() =>
        Problems.NotFound("本县尚未发布派单目录。", "This county has not published a dispatch catalogue yet.");
}

public static class CurrentCatalogueEndpoint
{
    public static Task<DispatchCatalogue?> LoadAsync(IQuerySession session, CancellationToken ct) =>
        DispatchCatalogue.CurrentAsync(session, ct);

    public static ProblemDetails Validate(DispatchCatalogue? catalogue) =>
        catalogue is null ? CatalogueEndpoints.NotPublished() : Problems.None;

    /// <summary>The catalogue in force.</summary>
    [EndpointSummary("现行投诉类别目录 The catalogue in force")]
    [WolverineGet("/api/catalogue", OperationId = "GetCatalogue")]
    public static DispatchCatalogue Get(DispatchCatalogue catalogue) => catalogue;
}

public static class CatalogueVersionEndpoint
{
    public static async Task<CataloguePublished?> LoadAsync(int version, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(DispatchCatalogue.StreamId, version: version, token: ct);
        return events.Count == version ? events[^1].Data as CataloguePublished : null;
    }

    public static ProblemDetails Validate(int version, CataloguePublished? published) =>
        published is null
            ? Problems.NotFound($"派单目录没有第 {version} 版。", $"The catalogue has no version {version}.")
            : Problems.None;

    /// <summary>An earlier (or the current) version of the catalogue, as it was published.</summary>
    [EndpointSummary("某一版本的类别目录 A version of the catalogue")]
    [WolverineGet("/api/catalogue/versions/{version}", OperationId = "GetCatalogueVersion")]
    public static CataloguePublished Get(CataloguePublished published) => published;
}

public static class ComplaintCategoriesEndpoint
{
    /// <summary>The categories complaints are lodged under: those of the catalogue in force.</summary>
    [EndpointSummary("投诉类别 The complaint categories")]
    [WolverineGet("/api/complaint-categories", OperationId = "ListComplaintCategories")]
    public static async Task<IReadOnlyList<ComplaintCategory>> Get(IQuerySession session, CancellationToken ct) =>
        (await DispatchCatalogue.CurrentAsync(session, ct))?.Entries
            .Select(e => new ComplaintCategory(e.CategoryId, e.Name, e.NameEn)).ToList() ?? [];
}
