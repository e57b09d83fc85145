using Marten;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Calendar;

/// <summary>A new version of the county's own days (local holidays and workdays), the whole list as it now is.</summary>
public sealed record CountyCalendarRevised(Guid CalendarId, int Version, IReadOnlyList<CalendarDay> Days, Actor By, DateTimeOffset At);

/// <summary>The events of the county calendar's stream, as the event store registers them.</summary>
public static class CountyCalendarEvents
{
    public static readonly IReadOnlyList<Type> All = [typeof(CountyCalendarRevised)];
}

/// <summary>The county's own days, laid over the State Council's schedule; its version is recorded with every due time.</summary>
public sealed record CountyCalendar
{
    public static readonly Guid StreamId = Directory.DirectoryIds.For("calendar", "county");

    public Guid Id { get; init; }
    public int Version { get; init; }
    public IReadOnlyList<CalendarDay> Days { get; init; } = [];
    public DateTimeOffset? UpdatedAt { get; init; }
    public Actor? UpdatedBy { get; init; }

    public static CountyCalendar Create(CountyCalendarRevised e) => new CountyCalendar { Id = e.CalendarId }.Apply(e);

    public CountyCalendar Apply(CountyCalendarRevised e) => this with { Version = e.Version, Days = e.Days, UpdatedAt = e.At, UpdatedBy = e.By };

    public WorkingCalendar ToWorkingCalendar() => new(OfficialHolidays.Days, Days);

    /// <summary>The county's calendar in force: version 0 (the official schedule alone) until it adds days.</summary>
    public static async Task<CountyCalendar> CurrentAsync(IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<CountyCalendar>(StreamId, ct) ?? new CountyCalendar { Id = StreamId };
}

/// <summary>A year's days that depart from the ordinary week, and where each comes from.</summary>
public sealed record CalendarYear(
    int Year, int CountyVersion, TimeOnly Opens, TimeOnly Closes,
    IReadOnlyList<HolidaySource> Sources, IReadOnlyList<CalendarYear.Day> Days)
{
    public sealed record Day(DateOnly Date, DayKind Kind, string? Name, bool IsWorking, string Origin);
}

public static class CalendarYearEndpoint
{
    /// <summary>The year's holidays and make-up workdays: the State Council's (with the notice they come from) and the county's.</summary>
    [WolverineGet("/api/calendar/{year}", OperationId = "GetCalendarYear")]
    public static async Task<CalendarYear> Get(int year, IQuerySession session, CancellationToken ct)
    {
        var county = await CountyCalendar.CurrentAsync(session, ct);
        var calendar = county.ToWorkingCalendar();
        var countyDates = county.Days.Select(d => d.Date).ToHashSet();
        var days = calendar.Days.Where(d => d.Date.Year == year)
            .Select(d => new CalendarYear.Day(d.Date, d.Kind, d.Name, d.IsWorking, countyDates.Contains(d.Date) ? "county" : "official"))
            .ToList();
        var sources = OfficialHolidays.Schedules.Where(s => s.Year == year).Select(s => s.Source).ToList();
        return new CalendarYear(year, county.Version, calendar.Opens, calendar.Closes, sources, days);
    }
}
