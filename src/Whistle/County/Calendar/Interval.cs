using System.Text.Json.Serialization;

namespace Whistle.County.Calendar;

[JsonConverter(typeof(JsonStringEnumConverter<IntervalUnit>))]
public enum IntervalUnit
{
    Minutes,
    Hours,
    Days,
}

/// <summary>Whether an interval runs on the clock, or only through office time on working days.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IntervalBasis>))]
public enum IntervalBasis
{
    /// <summary>Wall-clock time: nights, weekends and holidays count.</summary>
    Calendar,

    /// <summary>
    /// Working time: working days are counted whole and end at office close; minutes and hours consume only office
    /// time on working days.
    /// </summary>
    Working,
}

/// <summary>
/// How long a deadline runs, e.g. <c>Interval.WorkingDays(7)</c>. Serialises as
/// <c>{"amount":7,"unit":"Days","basis":"Working"}</c>. The amount is always positive: the constructor is the only
/// way in, deserialisation included, so no interval holds a zero or negative amount.
/// </summary>
public sealed record Interval
{
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive, or the unit or basis is unknown.</exception>
    public Interval(int amount, IntervalUnit unit, IntervalBasis basis)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (!Enum.IsDefined(unit)) throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown unit.");
        if (!Enum.IsDefined(basis)) throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown basis.");
        Amount = amount;
        Unit = unit;
        Basis = basis;
    }

    public int Amount { get; }
    public IntervalUnit Unit { get; }
    public IntervalBasis Basis { get; }

    public static Interval CalendarMinutes(int amount) => new(amount, IntervalUnit.Minutes, IntervalBasis.Calendar);
    public static Interval CalendarHours(int amount) => new(amount, IntervalUnit.Hours, IntervalBasis.Calendar);
    public static Interval CalendarDays(int amount) => new(amount, IntervalUnit.Days, IntervalBasis.Calendar);
    public static Interval WorkingMinutes(int amount) => new(amount, IntervalUnit.Minutes, IntervalBasis.Working);
    public static Interval WorkingHours(int amount) => new(amount, IntervalUnit.Hours, IntervalBasis.Working);
    public static Interval WorkingDays(int amount) => new(amount, IntervalUnit.Days, IntervalBasis.Working);

    /// <summary>The amount as elapsed time; working days are counted, not timed, so they have none.</summary>
    internal TimeSpan Duration => Unit switch
    {
        IntervalUnit.Minutes => TimeSpan.FromMinutes(Amount),
        IntervalUnit.Hours => TimeSpan.FromHours(Amount),
        _ => TimeSpan.FromDays(Amount),
    };
}
