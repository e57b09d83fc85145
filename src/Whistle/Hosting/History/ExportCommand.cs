using System.Diagnostics;
using JasperFx.CommandLine;
using Whistle.County.Directory;
using Whistle.History.Export;
using Whistle.Kernel;

namespace Whistle.Hosting.History;

/// <summary>The flags of <c>export</c>.</summary>
public sealed class ExportInput : NetCoreInput
{
    [Description("The first day, yyyy-MM-dd, China time (required)")]
    public string FromFlag { get; set; } = "";

    [Description("The day after the last, yyyy-MM-dd (exclusive, required)")]
    public string ToFlag { get; set; } = "";

    [Description("The county (tenant) to export (default the sample county's)")]
    public string? CountyFlag { get; set; }

    [Description("Write the events of the range to this CSV file")]
    public string? EventsFlag { get; set; }

    [Description("A read model to export: complaints, whistles or department-scorecards (with --out)")]
    public string? ReadModelFlag { get; set; }

    [Description("The CSV file the read model is written to")]
    public string? OutFlag { get; set; }

    [Description("Mask personal data, as analysts read it (default: in clear, as an administrator)")]
    public bool MaskedFlag { get; set; }
}

/// <summary>
/// <c>dotnet run --project src/Whistle -- export --from 2026-11-01 --to 2026-12-01 [--county code] [--events events.csv]
/// [--read-model complaints --out complaints.csv] [--masked]</c>: writes the county's events and a read model of the range
/// as CSV (UTF-8 with BOM) through the same services as <c>GET /api/history/export/…</c>, with a progress bar. The range
/// obeys the same limit (<c>Whistle:History:MaxExportDays</c>).
/// </summary>
[Description("Exports events and read models of a date range to CSV (issue 13 §5)", Name = "export")]
public sealed class ExportCommand : JasperFxAsyncCommand<ExportInput>
{
    private const string UsageText =
        "用法 Usage: export --from yyyy-MM-dd --to yyyy-MM-dd [--county code] [--events file.csv] [--read-model name --out file.csv] [--masked]";

    public override async Task<bool> Execute(ExportInput input)
    {
        using var host = input.BuildHost();
        var config = host.Services.GetRequiredService<IConfiguration>();
        var (range, problem) = ExportRange.Parse(input.FromFlag, input.ToFlag, ExportRange.MaxDays(config));
        if (range is null || (input.EventsFlag is null && input.ReadModelFlag is null) || (input.ReadModelFlag is null) != (input.OutFlag is null))
        {
            await Console.Error.WriteLineAsync(UsageText);
            if (problem is Microsoft.AspNetCore.Mvc.ValidationProblemDetails v)
                foreach (var (field, messages) in v.Errors) await Console.Error.WriteLineAsync($"  --{field}: {string.Join(" ", messages)}");
            return false;
        }
        if (input.ReadModelFlag is { } name && !ReadModelExport.Names.Contains(name))
        {
            await Console.Error.WriteLineAsync($"没有可导出的读模型“{name}”。No read model '{name}'. 可导出 The read models: {string.Join(", ", ReadModelExport.Names)}.");
            return false;
        }
        var sample = config[SampleCounty.Setting] is { Length: > 0 } path ? path : "samples/county/county.json";
        var county = input.CountyFlag ?? SampleCounty.Read(SampleCounty.Locate(sample)).Id;
        var clock = Stopwatch.StartNew();
        if (input.EventsFlag is { } eventsFile)
        {
            var events = host.Services.GetRequiredService<EventExport>();
            var total = await events.CountAsync(county, range, CancellationToken.None);
            await using var file = File.Create(eventsFile);
            var rows = await events.WriteAsync(county, range, input.MaskedFlag, file, new HistoryProgress("export", "events", total), CancellationToken.None);
            Console.WriteLine($"{eventsFile}: {rows} 个事件 events, {range.From:yyyy-MM-dd} – {range.To:yyyy-MM-dd} (不含 exclusive), {county}");
        }
        if (input.ReadModelFlag is { } readModel && input.OutFlag is { } outFile)
        {
            // The verb reads as an administrator of the county (or, masked, as an analyst): county-wide.
            var scope = new Scope("export", input.MaskedFlag ? Roles.Analyst : Roles.Admin, null, null, null);
            await using (var file = File.Create(outFile))
                await host.Services.GetRequiredService<ReadModelExport>().WriteAsync(
                    readModel, county, range, scope, file, new HistoryProgress("export", readModel, 0), CancellationToken.None);
            if (!Console.IsErrorRedirected) await Console.Error.WriteLineAsync();
            Console.WriteLine($"{outFile}: {readModel}, {range.From:yyyy-MM-dd} – {range.To:yyyy-MM-dd} (不含 exclusive), {county}");
        }
        Console.WriteLine($"用时 {clock.Elapsed.TotalSeconds:0.0} 秒。Took {clock.Elapsed.TotalSeconds:0.0} s.");
        return true;
    }
}
