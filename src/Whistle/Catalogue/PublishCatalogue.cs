using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Directory;
using Whistle.Hosting;
using Whistle.Whistles;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Catalogue;

public sealed record CatalogueEntryInput(
    string? CategoryId, string? Name, string? NameEn, string? Lead, IReadOnlyList<string>? CoHandling, WhistleType? WhistleType);

/// <summary>Publishes a new version of the dispatch catalogue; earlier versions stay readable.</summary>
public sealed record PublishCatalogue(IReadOnlyList<CatalogueEntryInput>? Entries, string? Note);

public sealed record CatalogueVersionPublished(int Version, int Entries);

public static class PublishCatalogueEndpoint
{
    public const int MaxEntries = 500;

    public static async Task<(DispatchCatalogue?, DepartmentCodes)> LoadAsync(IQuerySession session, CancellationToken ct) =>
        (await DispatchCatalogue.CurrentAsync(session, ct), await DepartmentCodes.LoadAsync(session, ct));

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
            errors.Text($"{at}.categoryId", entry.CategoryId, 64)
                .Text($"{at}.name", entry.Name, 50)
                .Text($"{at}.nameEn", entry.NameEn, 100)
                .Text($"{at}.lead", entry.Lead, 32)
                .Defined($"{at}.whistleType", entry.WhistleType)
                .When(entries.Take(i).Any(e => e.CategoryId == entry.CategoryId), $"{at}.categoryId",
                    $"类别 {entry.CategoryId} 重复。Category {entry.CategoryId} appears twice.")
                .When(entry.Lead is { Length: > 0 } lead && !departments.Contains(lead), $"{at}.lead",
                    $"没有编码为 {entry.Lead} 的部门。No department {entry.Lead}.")
                .When(entry.CoHandling?.FirstOrDefault(d => !departments.Contains(d)) is { } unknown, $"{at}.coHandling",
                    $"没有编码为 {entry.CoHandling?.FirstOrDefault(d => !departments.Contains(d))} 的部门。No such department.")
                .When(entry.Lead is not null && entry.CoHandling?.Contains(entry.Lead) == true, $"{at}.coHandling",
                    "牵头部门不能同时是配合部门。The lead department cannot also co-handle.");
        }
        return errors.ToProblem();
    }

    [WolverinePut("/api/catalogue", OperationId = nameof(PublishCatalogue))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static (CatalogueVersionPublished, IMartenOp) Put(
        PublishCatalogue command, DispatchCatalogue? current, ClaimsPrincipal user, DateTimeOffset now)
    {
        var entries = command.Entries!.Select(e => new CatalogueEntry(
            e.CategoryId!.Trim(), e.Name!.Trim(), e.NameEn!.Trim(), e.Lead!, (e.CoHandling ?? []).Distinct().ToList(),
            e.WhistleType!.Value)).ToList();
        var version = (current?.Version ?? 0) + 1;
        var published = new CataloguePublished(DispatchCatalogue.StreamId, version, entries, command.Note?.Trim(), Actor.From(user), now);
        return (new CatalogueVersionPublished(version, entries.Count),
            current is null
                ? MartenOps.StartStream<DispatchCatalogue>(DispatchCatalogue.StreamId, published)
                : MartenOps.Append(DispatchCatalogue.StreamId, current.Version, published));
    }
}
