using JasperFx.CommandLine;
using Marten;
using Whistle.County.Directory;
using Whistle.History.Timeline;

namespace Whistle.Hosting.History;

/// <summary>The argument and flags of <c>timeline</c>.</summary>
public sealed class TimelineInput : NetCoreInput
{
    [Description("The case: its id, or its number (TS-…, WY-…, TJ-…)")]
    public string Case { get; set; } = "";

    [Description("The county (tenant) the case belongs to (default the sample county's)")]
    public string? CountyFlag { get; set; }

    [Description("Print the English sentences instead of the Chinese")]
    public bool EnFlag { get; set; }
}

/// <summary>
/// <c>dotnet run --project src/Whistle -- timeline TS-2026-000012 [--en] [--county code]</c>: prints a case's timeline
/// in the terminal, one line per event across every stream of the case, personal data in clear (the terminal is the
/// operator's). The lines are <see cref="TimelineText.Render"/>'s.
/// </summary>
[Description("Replays a case's timeline in the terminal (issue 13 §5)", Name = "timeline")]
public sealed class TimelineCommand : JasperFxAsyncCommand<TimelineInput>
{
    public override async Task<bool> Execute(TimelineInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var config = host.Services.GetRequiredService<IConfiguration>();
        var county = input.CountyFlag
            ?? SampleCounty.Read(SampleCounty.Locate(config[SampleCounty.Setting] is { Length: > 0 } path ? path : "samples/county/county.json")).Id;
        await using var session = store.QuerySession(county);
        var id = Guid.TryParse(input.Case, out var parsed) ? parsed : await CaseTimeline.FindByNumberAsync(session, input.Case, default);
        if (id is not { } caseId || await CaseTimeline.LoadAsync(session, caseId, host.Services.GetRequiredService<Privacy.Sealing.PersonalDataVault>(), default) is not { } history)
        {
            await Console.Error.WriteLineAsync($"县 {county} 没有案件 {input.Case}。County {county} has no case {input.Case}.");
            return false;
        }
        foreach (var line in TimelineText.Render(history, input.EnFlag)) Console.WriteLine(line);
        return true;
    }
}
