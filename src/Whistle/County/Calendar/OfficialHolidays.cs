using System.Reflection;
using System.Text.Json;

namespace Whistle.County.Calendar;

/// <summary>The notice a year's official schedule is taken from.</summary>
public sealed record HolidaySource(string Issuer, string Document, string Title, DateOnly Published, Uri? Url);

/// <summary>One year's official holidays and make-up workdays, with the notice they come from.</summary>
public sealed record HolidaySchedule(int Year, HolidaySource Source, IReadOnlyList<CalendarDay> Days);

/// <summary>
/// The State Council's holiday schedules (国务院办公厅《关于某年部分节假日安排的通知》), one embedded file per year in
/// <c>Calendar/Holidays/cn-YYYY.json</c>, kept festival by festival as the notice words them so each file can be
/// checked against its notice line by line. A year without a file has no official days: add the file when the
/// notice is published, usually in November of the year before.
/// </summary>
public static class OfficialHolidays
{
    private const string ResourcePrefix = "Whistle.County.Calendar.Holidays.";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<IReadOnlyList<HolidaySchedule>> Loaded = new(Load);
    private static readonly Lazy<IReadOnlyList<CalendarDay>> AllDays =
        new(() => [.. Loaded.Value.SelectMany(schedule => schedule.Days)]);

    /// <summary>Every embedded year, oldest first.</summary>
    public static IReadOnlyList<HolidaySchedule> Schedules => Loaded.Value;

    /// <summary>Every official day of every embedded year, in date order.</summary>
    public static IReadOnlyList<CalendarDay> Days => AllDays.Value;

    private sealed record ScheduleFile(int Year, HolidaySource Source, IReadOnlyList<FestivalRow> Festivals);

    /// <summary>One numbered line of the notice: 放假 from–to, and the weekend days worked in exchange (上班).</summary>
    private sealed record FestivalRow(string Name, DateOnly From, DateOnly To, IReadOnlyList<DateOnly> MakeUpWorkdays);

    private static IReadOnlyList<HolidaySchedule> Load()
    {
        var assembly = typeof(OfficialHolidays).Assembly;
        var schedules = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)
                && name.EndsWith(".json", StringComparison.Ordinal))
            .Select(name => Read(assembly, name))
            .OrderBy(schedule => schedule.Year)
            .ToList();
        var conflicts = WorkingCalendar.Conflicts(schedules.SelectMany(schedule => schedule.Days));
        if (conflicts.Count > 0)
            throw new InvalidDataException($"The official schedules give {string.Join(", ", conflicts)} two kinds.");
        return [.. schedules];
    }

    private static HolidaySchedule Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidDataException($"{resource} is not embedded.");
        var file = JsonSerializer.Deserialize<ScheduleFile>(stream, Json)
            ?? throw new InvalidDataException($"{resource} holds no schedule.");
        if (file.Source is null || file.Festivals is null)
            throw new InvalidDataException($"{resource} must name its source and list its festivals.");

        var days = new List<CalendarDay>();
        foreach (var festival in file.Festivals)
        {
            if (festival.To < festival.From)
                throw new InvalidDataException($"{resource}: {festival.Name} ends before it starts.");
            for (var date = festival.From; date <= festival.To; date = date.AddDays(1))
                days.Add(new CalendarDay(date, DayKind.Holiday, festival.Name));
            days.AddRange((festival.MakeUpWorkdays ?? []).Select(date => new CalendarDay(date, DayKind.MakeUpWorkday, festival.Name)));
        }
        return new HolidaySchedule(file.Year, file.Source, [.. days.OrderBy(day => day.Date)]);
    }
}
