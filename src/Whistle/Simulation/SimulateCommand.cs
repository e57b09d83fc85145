using System.Globalization;
using JasperFx.CommandLine;
using Marten;
using Whistle.Complaints;
using Whistle.County.Directory;
using Whistle.Simulation;

namespace Whistle.Hosting.Simulation;

/// <summary>The flags of <c>simulate</c>.</summary>
public sealed class SimulateInput : NetCoreInput
{
    [Description("The first month to simulate, yyyy-MM (required)")]
    public string MonthFlag { get; set; } = "";

    [Description("How many months (default 1)")]
    public int MonthsFlag { get; set; } = 1;

    [Description("The seed: the same seed gives the same month (default 42)")]
    public int SeedFlag { get; set; } = 42;

    [Description("Complaint volume relative to the sample county (default 1; 10 for a county ten times its size)")]
    public double ScaleFlag { get; set; } = 1;

    [Description("The county (tenant) to fill (default the sample county's)")]
    public string? CountyFlag { get; set; }

    [Description("Add to a county that already has cases")]
    public bool AppendFlag { get; set; }
}

/// <summary>
/// <c>dotnet run --project src/Whistle -- simulate --month 2026-11 [--seed 42] [--scale 10] [--months 12] [--county code]
/// [--append]</c>: runs a county through simulated months through the API's own endpoints and handlers, into the
/// database the service is configured with (ConnectionStrings:Whistle; ops/simulate names ops/run's). A simulated
/// period must be over by the wall clock: its scheduled messages are played by the simulated clock, and Wolverine
/// keeps any due in the real future for the service itself.
/// </summary>
[Description("Simulates months of a county through the API's own commands (issue 12 §5)", Name = "simulate")]
public sealed class SimulateCommand : JasperFxAsyncCommand<SimulateInput>
{
    public override async Task<bool> Execute(SimulateInput input)
    {
        if (!DateOnly.TryParseExact(input.MonthFlag, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || input.MonthsFlag is < 1 or > 120 || input.ScaleFlag is <= 0 or > 1000)
        {
            await Console.Error.WriteLineAsync("用法 Usage: simulate --month yyyy-MM [--months 1..120] [--seed n] [--scale >0] [--county code] [--append]");
            return false;
        }
        var days = first.AddMonths(input.MonthsFlag).DayNumber - first.DayNumber;
        var config = input.BuildHost().Services.GetRequiredService<IConfiguration>();
        var connection = config.GetConnectionString("Whistle") is { Length: > 0 } cs ? cs
            : throw new InvalidOperationException("ConnectionStrings:Whistle is not set; ops/simulate sets it.");
        var sample = config[SampleCounty.Setting] is { Length: > 0 } path ? path : "samples/county/county.json";
        var county = input.CountyFlag ?? SampleCounty.Read(SampleCounty.Locate(sample)).Id;
        var plan = new SimulationPlan(county, first, days, input.SeedFlag, input.ScaleFlag);
        if (plan.End > DateTimeOffset.UtcNow)
        {
            await Console.Error.WriteLineAsync(
                $"模拟期须已结束：{plan.End:yyyy-MM-dd} 尚未到来。The simulated period must be over by the wall clock; it ends {plan.End:yyyy-MM-dd}.");
            return false;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        await using var service = await SimulationHost.StartAsync(connection, sample, plan.Start, cancel.Token);
        using var simulator = new Simulator(service, plan, new ProgressBar());
        await simulator.County.LoadIntoAsync(service.App.Services, county, plan.Start.AddDays(-1), cancel.Token);
        if (!input.AppendFlag && await HasCasesAsync(service, county, cancel.Token))
        {
            await Console.Error.WriteLineAsync(
                $"县 {county} 已有案件，未写入。County {county} already has cases: nothing was written. Pass --append to add to them.");
            return false;
        }
        // Messages due after the period are played up to now, the rest handed to the service's scheduler: the service,
        // started later, finds nothing overdue unplayed and nothing played twice.
        var summary = await simulator.RunAsync(DateTimeOffset.UtcNow, cancel.Token);
        await simulator.HandBackAsync();
        Console.WriteLine(summary);
        return summary.Errors == 0;
    }

    private static async Task<bool> HasCasesAsync(SimulatedService service, string county, CancellationToken ct)
    {
        await using var session = service.App.Services.GetRequiredService<IDocumentStore>().QuerySession(county);
        return await session.Query<ComplaintDetails>().AnyAsync(ct);
    }
}
