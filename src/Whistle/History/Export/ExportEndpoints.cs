using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Assessment;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.History.Export;

public static class EventsCsvEndpoint
{
    public static ProblemDetails Validate(string? from, string? to, IConfiguration config) =>
        ExportRange.Parse(from, to, ExportRange.MaxDays(config)).Problem;

    /// <summary>
    /// The county's events whose business moment lies in [from, to) (county days), in sequence order, as CSV (UTF-8 with
    /// BOM), streamed as they are read. Residents' personal data is masked, whoever exports. A range longer than
    /// <c>Whistle:History:MaxExportDays</c> (366 unless configured), a from not before to, or a day that does not parse is 400.
    /// </summary>
    /// <param name="from">the first day, yyyy-MM-dd, China time.</param>
    /// <param name="to">the day after the last, yyyy-MM-dd (exclusive).</param>
    /// <param name="config">where the longest range is set.</param>
    /// <param name="user">the caller: their county.</param>
    /// <param name="export">the export.</param>
    /// <param name="ct">cancelled when the client goes away.</param>
    [EndpointSummary("导出事件 CSV Export events as CSV")]
    [WolverineGet("/api/history/export/events.csv", OperationId = "ExportEventsCsv")]
    [Authorize(Roles = Scope.HistoryExporters)]
    [Produces("text/csv")]
    public static IResult Get(string? from, string? to, IConfiguration config, ClaimsPrincipal user, EventExport export, CancellationToken ct)
    {
        var range = ExportRange.Parse(from, to, ExportRange.MaxDays(config)).Range!;
        var county = user.CountyOf() ?? "";
        return Results.Stream(body => export.WriteAsync(county, range, masked: true, body, null, ct),
            Csv.ContentType, $"events-{range.From:yyyyMMdd}-{range.To:yyyyMMdd}.csv");
    }
}

public static class ReadModelCsvEndpoint
{
    public static ProblemDetails Validate(string file, string? from, string? to, IConfiguration config) =>
        ReadModelOf(file) is null
            ? Problems.NotFound(
                $"没有可导出的“{file}”。可导出：events.csv、{string.Join("、", ReadModelExport.Names.Select(n => n + ".csv"))}。",
                $"Nothing named '{file}' can be exported. The exports are: events.csv, {string.Join(", ", ReadModelExport.Names.Select(n => n + ".csv"))}.")
            : ExportRange.Parse(from, to, ExportRange.MaxDays(config)).Problem;

    /// <summary>
    /// A read model's rows whose main date lies in [from, to), as CSV (UTF-8 with BOM): <c>complaints.csv</c> (by the day
    /// lodged), <c>whistles.csv</c> (by the day blown), <c>department-scorecards.csv</c> (the months that begin in the range).
    /// The caller's scope filters the rows. An unknown read model is 404; the range is checked as the events export's.
    /// </summary>
    /// <param name="file">the read model's name and .csv, e.g. complaints.csv.</param>
    /// <param name="from">the first day, yyyy-MM-dd, China time.</param>
    /// <param name="to">the day after the last, yyyy-MM-dd (exclusive).</param>
    /// <param name="config">where the longest range is set.</param>
    /// <param name="user">the caller: their county and scope.</param>
    /// <param name="export">the export.</param>
    /// <param name="ct">cancelled when the client goes away.</param>
    [EndpointSummary("导出读模型 CSV Export a read model as CSV")]
    [WolverineGet("/api/history/export/{file}", OperationId = "ExportReadModelCsv")]
    [Authorize(Roles = Scope.HistoryExporters)]
    [Produces("text/csv")]
    public static IResult Get(string file, string? from, string? to, IConfiguration config, ClaimsPrincipal user, ReadModelExport export, CancellationToken ct)
    {
        var range = ExportRange.Parse(from, to, ExportRange.MaxDays(config)).Range!;
        var readModel = ReadModelOf(file)!;
        var county = user.CountyOf() ?? "";
        var scope = Scope.Of(user);
        return Results.Stream(body => export.WriteAsync(readModel, county, range, scope, body, null, ct),
            Csv.ContentType, $"{readModel}-{range.From:yyyyMMdd}-{range.To:yyyyMMdd}.csv");
    }

    /// <summary>The read model a file name asks for: its name before <c>.csv</c>, if it is one of <see cref="ReadModelExport.Names"/>.</summary>
    public static string? ReadModelOf(string file) =>
        file.EndsWith(".csv", StringComparison.Ordinal) && file[..^4] is var name && ReadModelExport.Names.Contains(name) ? name : null;
}

/// <summary>The history's export services.</summary>
public static class ExportSetup
{
    public static IServiceCollection AddHistoryExport(this IServiceCollection services) =>
        services.AddSingleton<EventExport>().AddSingleton<ReadModelExport>();
}
