using System.Collections.Frozen;

namespace Whistle.County.Calendar;

/// <summary>
/// A county's working days and office hours: the official schedule with the county's own days laid over it. Local
/// time is China Standard Time, a fixed UTC+8 without daylight saving. Immutable, so one instance can be shared.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>China Standard Time. China has kept one fixed offset, without daylight saving, since 1991.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    private readonly FrozenDictionary<DateOnly, CalendarDay> _days;

    /// <param name="official">The State Council's days, usually <see cref="OfficialHolidays.Days"/>.</param>
    /// <param name="county">The county's own days; on a date both name, the county's day wins.</param>
    /// <param name="opens">Office opening, local time; 09:00 when not given.</param>
    /// <param name="closes">Office closing, local time; 17:00 when not given.</param>
    /// <exception cref="ArgumentException">
    /// A list gives one date two different kinds (see <see cref="Conflicts"/>), or the office closes before it opens.
    /// </exception>
    public WorkingCalendar(
        IEnumerable<CalendarDay> official, IEnumerable<CalendarDay>? county = null,
        TimeOnly? opens = null, TimeOnly? closes = null)
    {
        ArgumentNullException.ThrowIfNull(official);
        var officialDays = official.ToList();
        var countyDays = (county ?? []).ToList();
        RejectConflicts(officialDays, nameof(official));
        RejectConflicts(countyDays, nameof(county));

        Opens = opens ?? new TimeOnly(9, 0);
        Closes = closes ?? new TimeOnly(17, 0);
        if (Opens >= Closes)
            throw new ArgumentException($"The office must open before it closes ({Opens:HH:mm}–{Closes:HH:mm}).", nameof(closes));

        var days = new Dictionary<DateOnly, CalendarDay>();
        foreach (var day in officialDays.Concat(countyDays)) days[day.Date] = day;
        _days = days.ToFrozenDictionary();
        Days = [.. days.Values.OrderBy(day => day.Date)];
    }

    /// <summary>Office opening, local time.</summary>
    public TimeOnly Opens { get; }

    /// <summary>Office closing, local time.</summary>
    public TimeOnly Closes { get; }

    /// <summary>The dates that depart from the ordinary week, in date order, each with the kind that applies.</summary>
    public IReadOnlyList<CalendarDay> Days { get; }

    /// <summary>Monday to Friday unless a holiday; Saturday and Sunday only as a make-up or county workday.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        _days.TryGetValue(date, out var day)
            ? day.IsWorking
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The dates a list gives twice with different kinds, in date order; empty when the list is consistent. The same
    /// date given twice with the same kind is not a conflict.
    /// </summary>
    public static IReadOnlyList<DateOnly> Conflicts(IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return
        [
            .. days.GroupBy(day => day.Date)
                .Where(sameDate => sameDate.Select(day => day.Kind).Distinct().Skip(1).Any())
                .Select(sameDate => sameDate.Key)
                .Order(),
        ];
    }

    private static void RejectConflicts(IEnumerable<CalendarDay> days, string parameter)
    {
        var conflicts = Conflicts(days);
        if (conflicts.Count > 0)
            throw new ArgumentException(
                $"Dates given twice with different kinds: {string.Join(", ", conflicts.Select(d => d.ToString("yyyy-MM-dd", null)))}.",
                parameter);
    }
}
