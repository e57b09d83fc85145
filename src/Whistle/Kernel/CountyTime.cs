namespace Whistle.Kernel;

/// <summary>Counties keep China Standard Time (UTC+8, no daylight saving): years and days turn at local midnight.</summary>
public static class CountyTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>A wall-clock time without an offset (a form's datetime-local field) read as China time.</summary>
    public static DateTimeOffset At(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset);

    /// <summary>A datetime-local value read as China time; null when empty or unreadable (the API then names the field).</summary>
    public static DateTimeOffset? ParseLocal(string? value) =>
        DateTime.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local)
            ? At(local)
            : null;
}
