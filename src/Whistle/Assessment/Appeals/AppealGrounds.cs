using System.Globalization;
using Whistle.Kernel;
using Whistle.Whistles;

namespace Whistle.Assessment.Appeals;

/// <summary>A department's assignment on a whistle as the assessment counts it, with the month it is counted in.</summary>
public sealed record AssessedOnWhistle(string Month, AssessedAssignment Assignment);

/// <summary>The pure rules an appeal is judged by: which item it names on the whistle, and until when it may be lodged.</summary>
public static class AppealGrounds
{
    /// <summary>
    /// The department's assignment on the whistle, folded from the whistle's own events by the scorecard's own fold
    /// (<see cref="ScoredAssignment.Next(ScoredAssignment?, string, object)"/>), so the write side sees the item exactly
    /// as the scorecard counts it, without reading the scorecard. Null when the department was never given the whistle.
    /// </summary>
    public static AssessedOnWhistle? Of(IReadOnlyList<object> whistleEvents, string department)
    {
        if (whistleEvents.OfType<WhistleBlown>().FirstOrDefault() is not { } blown) return null;
        var key = ScoredAssignment.Key(department, blown.WhistleId);
        return whistleEvents.Aggregate((ScoredAssignment?)null, (d, e) => ScoredAssignment.Next(d, key, e)) is { } scored
            ? new AssessedOnWhistle(scored.Month, scored.Assignment)
            : null;
    }

    /// <summary>
    /// The end of the appeal window of a month: midnight (China time) after the <paramref name="days"/>th day of the next
    /// month. November 2026 with 10 days: 2026-12-11 00:00 China time, i.e. appeals are taken through 10 December.
    /// </summary>
    public static DateTimeOffset WindowEnd(string month, int days)
    {
        var first = DateTime.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DateTimeOffset(first.AddMonths(1).AddDays(days), CountyTime.Offset);
    }
}
