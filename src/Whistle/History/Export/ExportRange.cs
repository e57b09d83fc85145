using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;

namespace Whistle.History.Export;

/// <summary>
/// The days an export covers: from the start of <see cref="From"/> up to, not including, the start of <see cref="To"/>,
/// county days (China time, where days turn at local midnight). An event belongs to the range by its business moment
/// (<see cref="EventMoment"/>), never by the store's timestamp alone.
/// </summary>
public sealed record ExportRange(DateOnly From, DateOnly To)
{
    /// <summary>The setting that bounds how many days one export may cover.</summary>
    public const string MaxDaysSetting = "Whistle:History:MaxExportDays";

    /// <summary>A year and a day, so that a whole leap year exports in one go.</summary>
    public const int DefaultMaxDays = 366;

    public DateTimeOffset Start => Midnight(From);
    public DateTimeOffset End => Midnight(To);
    public int Days => To.DayNumber - From.DayNumber;

    /// <summary>Whether a business moment lies in the range: at or after its start, before its end.</summary>
    public bool Holds(DateTimeOffset moment) => moment >= Start && moment < End;

    public static int MaxDays(IConfiguration config) => config.GetValue(MaxDaysSetting, DefaultMaxDays);

    /// <summary>
    /// Reads <c>from</c> and <c>to</c> (yyyy-MM-dd): both required, <c>from</c> before <c>to</c> (which is exclusive), at most
    /// <paramref name="maxDays"/> days between them. Every broken rule is a field error of one 400.
    /// </summary>
    public static (ExportRange? Range, ProblemDetails Problem) Parse(string? from, string? to, int maxDays)
    {
        var errors = new FieldErrors();
        var start = Day(errors, "from", from);
        var end = Day(errors, "to", to);
        if (start is { } f && end is { } t)
        {
            errors.When(f >= t, "to", $"结束日期（不含）须晚于开始日期：{f:yyyy-MM-dd} 至 {t:yyyy-MM-dd}。The end day (exclusive) must come after the start day: {f:yyyy-MM-dd} to {t:yyyy-MM-dd}.");
            errors.When(t.DayNumber - f.DayNumber > maxDays, "to",
                $"一次最多导出 {maxDays} 天，所请求的是 {t.DayNumber - f.DayNumber} 天。An export covers at most {maxDays} days; {t.DayNumber - f.DayNumber} were asked for.");
        }
        return errors.Any ? (null, errors.ToProblem()) : (new ExportRange(start!.Value, end!.Value), Problems.None);
    }

    private static DateOnly? Day(FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "必填，格式 yyyy-MM-dd。Required, written yyyy-MM-dd.");
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add(field, $"日期应写作 yyyy-MM-dd，如 2026-11-01（收到 {value}）。A day written yyyy-MM-dd, e.g. 2026-11-01 (got {value}).");
        return null;
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), CountyTime.Offset);
}
