using Marten;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Calendar;

/// <summary>A new version of the county's own days (local holidays and workdays), the whole list as it now is.</summary>
public sealed record CountyCalendarRevised(Guid CalendarId, int Version, IReadOnlyList<CalendarDay> Days, Actor By, DateTimeOffset At);

/// <summary>
/// A year's official schedule (the State Council's notice, its holidays and make-up workdays) loaded by the
/// administrator, as the next version of the county's calendar. It replaces the whole year of an embedded schedule.
/// </summary>
public sealed record OfficialScheduleLoaded(
    Guid CalendarId, int Version, int Year, string Issuer, string Document, string Title, DateOnly Published, string? Url,
    IReadOnlyList<CalendarDay> Days, Actor By, DateTimeOffset At)
{
    /// <summary>The year's schedule, its notice named as the embedded schedules name theirs.</summary>
    public HolidaySchedule ToSchedule() =>
        new(Year, new HolidaySource(Issuer, Document, Title, Published, Url is null ? null : new Uri(Url, UriKind.Absolute)), Days);
}

/// <summary>The county's office hours (local time), in force from this version of its calendar.</summary>
public sealed record OfficeHoursSet(Guid CalendarId, int Version, TimeOnly Opens, TimeOnly Closes, Actor By, DateTimeOffset At);

/// <summary>The events of the county calendar's stream, as the event store registers them.</summary>
public static class CountyCalendarEvents
{
    public static readonly IReadOnlyList<Type> All = [typeof(CountyCalendarRevised), typeof(OfficialScheduleLoaded), typeof(OfficeHoursSet)];
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

    /// <summary>The official schedules the administrator loaded, one per year, oldest first.</summary>
    public IReadOnlyList<HolidaySchedule> LoadedSchedules { get; init; } = [];

    public static CountyCalendar Create(CountyCalendarRevised e) => new CountyCalendar { Id = e.CalendarId }.Apply(e);

    /// <summary>Office opening, local time; null for the default 09:00.</summary>
    public TimeOnly? Opens { get; init; }

    /// <summary>Office closing, local time; null for the default 17:00.</summary>
    public TimeOnly? Closes { get; init; }

    public static CountyCalendar Create(OfficialScheduleLoaded e) => new CountyCalendar { Id = e.CalendarId }.Apply(e);

    public static CountyCalendar Create(OfficeHoursSet e) => new CountyCalendar { Id = e.CalendarId }.Apply(e);

    public CountyCalendar Apply(OfficeHoursSet e) =>
        this with { Version = e.Version, Opens = e.Opens, Closes = e.Closes, UpdatedAt = e.At, UpdatedBy = e.By };

    public CountyCalendar Apply(CountyCalendarRevised e) => this with { Version = e.Version, Days = e.Days, UpdatedAt = e.At, UpdatedBy = e.By };

    public CountyCalendar Apply(OfficialScheduleLoaded e) => this with
    {
        Version = e.Version,
        LoadedSchedules = [.. LoadedSchedules.Where(s => s.Year != e.Year).Append(e.ToSchedule()).OrderBy(s => s.Year)],
        UpdatedAt = e.At,
        UpdatedBy = e.By,
    };

    /// <summary>The official schedule of every year known: the embedded ones, each replaced by a loaded one of its year.</summary>
    public IReadOnlyList<HolidaySchedule> OfficialSchedules =>
    [
        .. OfficialHolidays.Schedules.Where(embedded => LoadedSchedules.All(loaded => loaded.Year != embedded.Year))
            .Concat(LoadedSchedules).OrderBy(s => s.Year),
    ];

    /// <summary>Whether the State Council's schedule for the year is known (embedded or loaded).</summary>
    public bool HasOfficialSchedule(int year) =>
        LoadedSchedules.Any(s => s.Year == year) || OfficialHolidays.Schedules.Any(s => s.Year == year);

    public WorkingCalendar ToWorkingCalendar() => new(OfficialSchedules.SelectMany(s => s.Days), Days, Opens, Closes);

    /// <summary>The county's calendar in force: version 0 (the official schedule alone) until it adds days.</summary>
    public static async Task<CountyCalendar> CurrentAsync(IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<CountyCalendar>(StreamId, ct) ?? new CountyCalendar { Id = StreamId };
}

/// <summary>A year's days that depart from the ordinary week, and where each comes from.</summary>
public sealed record CalendarYear(
    int Year, int CountyVersion, TimeOnly Opens, TimeOnly Closes,
    IReadOnlyList<HolidaySource> Sources, IReadOnlyList<CalendarYear.Day> Days, bool HasOfficialSchedule = true,
    string? OfficialScheduleOrigin = null)
{
    public sealed record Day(DateOnly Date, DayKind Kind, string? Name, bool IsWorking, string Origin);
}

public static class CalendarYearEndpoint
{
    /// <summary>The year's holidays and make-up workdays: the State Council's (with the notice they come from) and the county's.</summary>
    [EndpointSummary("查看年度日历 A year's calendar")]
    [WolverineGet("/api/calendar/{year}", OperationId = "GetCalendarYear")]
    public static async Task<CalendarYear> Get(int year, IQuerySession session, CancellationToken ct)
    {
        var county = await CountyCalendar.CurrentAsync(session, ct);
        var calendar = county.ToWorkingCalendar();
        var countyDates = county.Days.Select(d => d.Date).ToHashSet();
        var days = calendar.Days.Where(d => d.Date.Year == year)
            .Select(d => new CalendarYear.Day(d.Date, d.Kind, d.Name, d.IsWorking, countyDates.Contains(d.Date) ? "county" : "official"))
            .ToList();
        var sources = county.OfficialSchedules.Where(s => s.Year == year).Select(s => s.Source).ToList();
        var origin = county.LoadedSchedules.Any(s => s.Year == year) ? "loaded"
            : OfficialHolidays.Schedules.Any(s => s.Year == year) ? "embedded" : null;
        return new CalendarYear(year, county.Version, calendar.Opens, calendar.Closes, sources, days, origin is not null, origin);
    }
}
