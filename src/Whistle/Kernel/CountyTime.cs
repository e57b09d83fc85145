namespace Whistle.Kernel;

/// <summary>Counties keep China Standard Time (UTC+8, no daylight saving): years and days turn at local midnight.</summary>
public static class CountyTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(Offset);
}
