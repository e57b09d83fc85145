using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Whistle.Simulation;

/// <summary>How many of each act the simulator did, refused or failed, by name; safe to count from any thread.</summary>
public sealed class SimulationTally
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Count(string what) => _counts.AddOrUpdate(what, 1, (_, n) => n + 1);

    public int Of(string what) => _counts.GetValueOrDefault(what);

    public IReadOnlyDictionary<string, int> Snapshot() => new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);
}

/// <summary>Where a run is: days done of the total, the events appended so far and the time taken.</summary>
public sealed record SimulationProgress(int DaysDone, int Days, long Events, TimeSpan Elapsed)
{
    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Events / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// What a run did: the acts by name (with refusals and errors), the events appended by type, the time the commands
/// took, and the async projections' lag: how long after the last command the daemon reached the high-water mark.
/// </summary>
public sealed record SimulationSummary(
    SimulationPlan Plan,
    IReadOnlyDictionary<string, int> Acts,
    IReadOnlyDictionary<string, long> Events,
    TimeSpan Took,
    TimeSpan ProjectionLag,
    int ActsAfterThePeriod,
    int MessagesNotPlayed)
{
    public long EventCount => Events.Values.Sum();
    public long EventsOf(string type) => Events.GetValueOrDefault(type);
    public int Errors => Acts.Where(a => a.Key.StartsWith("error: ", StringComparison.Ordinal)).Sum(a => a.Value);

    public override string ToString()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"模拟完成 Simulated {Plan.County}: {Plan.Days} days from {Plan.First:yyyy-MM-dd}, seed {Plan.Seed}, scale {Plan.Scale}");
        text.AppendLine(c, $"  投诉 Complaints lodged      {Acts.GetValueOrDefault("lodge complaint"),8}");
        text.AppendLine(c, $"  吹哨 Whistles blown         {EventsOf("whistle_blown"),8}");
        text.AppendLine(c, $"  升级 Escalations            {EventsOf("whistle_escalated"),8}");
        text.AppendLine(c, $"  逾期 Assignments overdue    {EventsOf("assignment_overdue"),8}");
        text.AppendLine(c, $"  通报 Breach notices         {EventsOf("breach_notice_published"),8}");
        text.AppendLine(c, $"  物业费纠纷 Fee disputes       {EventsOf("fee_dispute_raised"),8}");
        text.AppendLine(c, $"  调解 Mediation cases         {EventsOf("mediation_case_opened"),8}");
        text.AppendLine(c, $"  事件 Events appended        {EventCount,8}");
        text.AppendLine(c, $"  用时 Took                   {Took.TotalSeconds,8:0.0} s ({(Took.TotalSeconds > 0 ? EventCount / Took.TotalSeconds : 0):0} events/s)");
        text.AppendLine(c, $"  投影滞后 Projection lag      {ProjectionLag.TotalMilliseconds,8:0} ms after the last command");
        text.AppendLine(c, $"  Acts after the period (not done): {ActsAfterThePeriod}; scheduled messages left for the service: {MessagesNotPlayed}");
        text.AppendLine("  Acts:");
        foreach (var (act, n) in Acts) text.AppendLine(c, $"    {act,-48} {n,8}");
        text.AppendLine("  Events:");
        foreach (var (type, n) in Events) text.AppendLine(c, $"    {type,-48} {n,8}");
        return text.ToString();
    }
}
