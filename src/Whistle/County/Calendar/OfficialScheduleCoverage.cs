namespace Whistle.County.Calendar;

/// <summary>Whether the next year's official schedule is known in time (readiness warns 60 days ahead).</summary>
public static class OfficialScheduleCoverage
{
    /// <summary>How long before 1 January readiness reports a missing schedule for the coming year.</summary>
    public static readonly TimeSpan WarnAhead = TimeSpan.FromDays(60);

    /// <summary>Whether the coming year starts within <see cref="WarnAhead"/> of <paramref name="now"/>: only then is there anything to check.</summary>
    public static bool InWarningWindow(DateTimeOffset now)
    {
        var local = now.ToOffset(WorkingCalendar.Offset);
        return new DateTimeOffset(local.Year + 1, 1, 1, 0, 0, 0, WorkingCalendar.Offset) - local <= WarnAhead;
    }

    /// <summary>
    /// The warning for the coming year when it starts (local time, +08:00) within <see cref="WarnAhead"/> of
    /// <paramref name="now"/> and a county's calendar lacks its schedule; null when nothing is missing.
    /// <paramref name="counties"/> are the calendars of the counties, a county that never wrote one standing as the
    /// calendar of the embedded schedules alone; with none, only the embedded schedules count. Pure.
    /// </summary>
    public static string? Missing(DateTimeOffset now, IReadOnlyCollection<CountyCalendar> counties)
    {
        ArgumentNullException.ThrowIfNull(counties);
        var local = now.ToOffset(WorkingCalendar.Offset);
        var next = local.Year + 1;
        var starts = new DateTimeOffset(next, 1, 1, 0, 0, 0, WorkingCalendar.Offset);
        if (starts - local > WarnAhead) return null;
        var calendars = counties.Count == 0 ? [new CountyCalendar { Id = CountyCalendar.StreamId }] : counties;
        var lacking = calendars.Count(county => !county.HasOfficialSchedule(next));
        if (lacking == 0) return null;
        var days = (int)Math.Ceiling((starts - local).TotalDays);
        return $"{next} 年的国务院节假日安排尚未载入（{lacking} 个县的日历缺少；{days} 天后开始），其截止时间会把节假日算作工作日："
            + $"请 PUT /api/calendar/official/{next}。The official holiday schedule for {next} is missing from {lacking} county calendar(s) "
            + $"and {next} starts in {days} day(s); due times in {next} count its holidays as working days until it is loaded "
            + $"with PUT /api/calendar/official/{next}.";
    }
}
