using System.Globalization;
using System.Text.RegularExpressions;
using Whistle.Kernel;

namespace Whistle.Assessment;

/// <summary>
/// A calendar month of the county (China Standard Time), as scorecards are keyed: "2026-11". An instant belongs to the
/// month in which it falls on the county's clock, so 2026-11-30T16:30Z (00:30 on 1 December in the county) is December.
/// </summary>
public static partial class AssessmentMonth
{
    public static string Of(DateTimeOffset instant) =>
        CountyTime.Local(instant).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="month"/> is a month written yyyy-MM (01 to 12): "2026-13" and "2026-1" are not.</summary>
    public static bool IsValid(string? month) =>
        month is not null && Pattern().IsMatch(month) && int.Parse(month[5..], CultureInfo.InvariantCulture) is >= 1 and <= 12;

    /// <summary>The scorecard's key: the department's code and the month, "gongan:2026-11".</summary>
    public static string Key(string department, string month) => $"{department}:{month}";

    public static (string Department, string Month) Split(string key)
    {
        var at = key.LastIndexOf(':');
        return (key[..at], key[(at + 1)..]);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
