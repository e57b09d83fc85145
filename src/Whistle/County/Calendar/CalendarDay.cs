using System.Text.Json.Serialization;

namespace Whistle.County.Calendar;

/// <summary>Why a date departs from the Monday-to-Friday week.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DayKind>))]
public enum DayKind
{
    /// <summary>法定节假日（放假）: a day off in the State Council's schedule, whatever the weekday.</summary>
    Holiday,

    /// <summary>调休上班: a Saturday or Sunday the State Council's schedule makes a working day.</summary>
    MakeUpWorkday,

    /// <summary>A day off the county declares itself; it overrides the official schedule.</summary>
    CountyHoliday,

    /// <summary>A working day the county declares itself; it overrides the official schedule.</summary>
    CountyWorkday,
}

/// <summary>
/// One date that is not an ordinary weekday or weekend day. <paramref name="Name"/> is the festival (春节) for an
/// official day, make-up workdays included, or the county's own reason.
/// </summary>
public sealed record CalendarDay(DateOnly Date, DayKind Kind, string? Name = null)
{
    /// <summary>Whether the office is open on this date.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsWorking => Kind is DayKind.MakeUpWorkday or DayKind.CountyWorkday;
}
