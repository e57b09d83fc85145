using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Deadlines;
using Whistle.County.Directory;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.County.Catalogue;

public sealed record CatalogueEntryInput(
    string? CategoryId, string? Name, string? NameEn, string? Lead, IReadOnlyList<string>? CoHandling, WhistleType? WhistleType);

/// <summary>Publishes a new version of the dispatch catalogue; earlier versions stay readable.</summary>
[ExampleBody("""{"entries": [{"categoryId": "illegal-parking", "name": "占用消防通道停车", "nameEn": "Parking in a fire lane", "lead": "gongan", "coHandling": ["chengguan"], "whistleType": "Routine"}], "note": "新增城管协办。"}""")]
[OptionalFields("note")]
public sealed record PublishCatalogue([BodyLimit(MaxItems = PublishCatalogueEndpoint.MaxEntries)] IReadOnlyList<CatalogueEntryInput>? Entries, string? Note);

public sealed record CatalogueVersionPublished(int Version, int Entries);

public static class PublishCatalogueEndpoint
{
    public const int MaxEntries = 500;

    public static Task<DepartmentCodes> LoadAsync(IQuerySession session, CancellationToken ct) =>
        DepartmentCodes.LoadAsync(session, ct);

    public static ProblemDetails Validate(PublishCatalogue command, DepartmentCodes departments)
    {
        var errors = new FieldErrors()
            .When(command.Entries is null || command.Entries.Count is 0 or > MaxEntries, "entries",
                $"目录应有 1 到 {MaxEntries} 条。The catalogue needs 1 to {MaxEntries} entries.")
            .Text("note", command.Note, 500, required: false);
        var entries = command.Entries ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var (entry, at) = (entries[i], $"entries[{i}]");
            if (entry is null)
            {
                errors.Add(at, "条目不能为空。An entry cannot be null.");
                continue;
            }
            errors.Text($"{at}.categoryId", entry.CategoryId, 64)
                .Text($"{at}.name", entry.Name, 50)
                .Text($"{at}.nameEn", entry.NameEn, 100)
                .Text($"{at}.lead", entry.Lead, 32)
                .Defined($"{at}.whistleType", entry.WhistleType)
                .When(entries.Take(i).Any(e => e?.CategoryId?.Trim() == entry.CategoryId?.Trim()), $"{at}.categoryId",
                    $"类别 {entry.CategoryId} 重复。Category {entry.CategoryId} appears twice.")
                .When(entry.Lead is { Length: > 0 } lead && !departments.Contains(lead), $"{at}.lead",
                    $"没有编码为 {entry.Lead} 的部门。No department {entry.Lead}.")
                .When(entry.CoHandling?.FirstOrDefault(d => !departments.Contains(d)) is { } unknown, $"{at}.coHandling",
                    $"没有编码为 {entry.CoHandling?.FirstOrDefault(d => !departments.Contains(d))} 的部门。No such department.")
                .When(entry.CoHandling?.Any(string.IsNullOrWhiteSpace) == true, $"{at}.coHandling",
                    "配合部门编码不能为空。A co-handling department code cannot be empty.")
                .When(entry.Lead is not null && entry.CoHandling?.Contains(entry.Lead) == true, $"{at}.coHandling",
                    "牵头部门不能同时是配合部门。The lead department cannot also co-handle.");
        }
        return errors.ToProblem();
    }

    public static Guid StreamId() => DispatchCatalogue.StreamId;

    /// <summary>Through the aggregate workflow: two administrators publishing at once cannot both become version n + 1.</summary>
    [EndpointSummary("发布投诉类别目录 Publish the catalogue")]
    [WolverinePut("/api/catalogue", OperationId = nameof(PublishCatalogue))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static (CatalogueVersionPublished, Events) Put(
        PublishCatalogue command, [WriteAggregate(Required = false, FromMethod = nameof(StreamId))] DispatchCatalogue? catalogue,
        ClaimsPrincipal user, DateTimeOffset now)
    {
        var published = Publish(command, catalogue?.Version ?? 0, Actor.From(user), now);
        return (new CatalogueVersionPublished(published.Version, published.Entries.Count), [published]);
    }

    /// <summary>The decision: the next version of the catalogue, entries trimmed and co-handling de-duplicated.</summary>
    public static CataloguePublished Publish(PublishCatalogue command, int currentVersion, Actor by, DateTimeOffset now)
    {
        var entries = command.Entries!.Select(e => new CatalogueEntry(
            e.CategoryId!.Trim(), e.Name!.Trim(), e.NameEn!.Trim(), e.Lead!, (e.CoHandling ?? []).Distinct().ToList(),
            e.WhistleType!.Value)).ToList();
        return new CataloguePublished(DispatchCatalogue.StreamId, currentVersion + 1, entries, command.Note?.Trim(), by, now);
    }
}
