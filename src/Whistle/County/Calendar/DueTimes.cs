namespace Whistle.County.Calendar;

/// <summary>Due-time arithmetic for deadlines: pure, and every result is in China Standard Time (+08:00).</summary>
public static class DueTimes
{
    /// <summary>
    /// When an interval started at <paramref name="start"/> runs out.
    /// <list type="bullet">
    /// <item>Calendar basis: start plus the duration; nights, weekends and holidays count.</item>
    /// <item>Working days: office close on the Nth working day after the start's local date. The start day never
    /// counts, whatever the hour, so a case received at 08:00 and one received at 16:59 get the same due time.</item>
    /// <item>Working minutes and hours: only office time on working days is consumed, from the next office opening
    /// when the start falls outside it. A due time landing exactly at close stays at close.</item>
    /// </list>
    /// </summary>
    public static DateTimeOffset Due(DateTimeOffset start, Interval interval, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(interval);
        ArgumentNullException.ThrowIfNull(calendar);
        var local = start.ToOffset(WorkingCalendar.Offset);
        return interval switch
        {
            { Basis: IntervalBasis.Calendar } => local + interval.Duration,
            { Unit: IntervalUnit.Days } => AfterWorkingDays(local, interval.Amount, calendar),
            _ => AfterOfficeTime(local, interval.Duration, calendar),
        };
    }

    /// <summary>
    /// The wall-clock point a <paramref name="fraction"/> of the way from <paramref name="start"/> to
    /// <paramref name="due"/> (0.75 reminds when three quarters of the time have passed), whatever the office hours.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside 0–1, or the due time precedes the start.</exception>
    public static DateTimeOffset Reminder(DateTimeOffset start, DateTimeOffset due, double fraction)
    {
        if (double.IsNaN(fraction) || fraction < 0 || fraction > 1)
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "A reminder falls between the start (0) and the due time (1).");
        ArgumentOutOfRangeException.ThrowIfLessThan(due, start);
        return start.ToOffset(WorkingCalendar.Offset) + (due - start) * fraction;
    }

    /// <summary>
    /// The local years from <paramref name="start"/> to <paramref name="due"/> that have no official schedule in the
    /// county's calendar, in order; empty for a calendar-basis interval, which no holiday moves.
    /// </summary>
    public static IReadOnlyList<int> YearsWithoutOfficialSchedule(
        DateTimeOffset start, DateTimeOffset due, Interval interval, CountyCalendar county)
    {
        ArgumentNullException.ThrowIfNull(interval);
        ArgumentNullException.ThrowIfNull(county);
        if (interval.Basis == IntervalBasis.Calendar) return [];
        var from = start.ToOffset(WorkingCalendar.Offset).Year;
        var to = Math.Max(from, due.ToOffset(WorkingCalendar.Offset).Year);
        return [.. Enumerable.Range(from, to - from + 1).Where(year => !county.HasOfficialSchedule(year))];
    }

    private static DateTimeOffset AfterWorkingDays(DateTimeOffset start, int count, WorkingCalendar calendar)
    {
        var date = DateOnly.FromDateTime(start.DateTime);
        for (var counted = 0; counted < count;)
        {
            date = date.AddDays(1);
            if (calendar.IsWorkingDay(date)) counted++;
        }
        return At(date, calendar.Closes);
    }

    private static DateTimeOffset AfterOfficeTime(DateTimeOffset start, TimeSpan duration, WorkingCalendar calendar)
    {
        var date = DateOnly.FromDateTime(start.DateTime);
        var time = TimeOnly.FromDateTime(start.DateTime);
        var remaining = duration;
        while (true)
        {
            if (calendar.IsWorkingDay(date) && time < calendar.Closes)
            {
                if (time < calendar.Opens) time = calendar.Opens;
                var open = calendar.Closes - time;
                // "<=" keeps a due time that lands exactly on close at close, rather than at the next opening.
                if (remaining <= open) return At(date, time) + remaining;
                remaining -= open;
            }
            date = date.AddDays(1);
            time = calendar.Opens;
        }
    }

    private static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), WorkingCalendar.Offset);
}
