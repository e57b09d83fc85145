using System.Globalization;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Directory;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.County.Calendar;

[OptionalFields("name")]
public sealed record CountyDayInput(DateOnly? Date, DayKind? Kind, string? Name);

/// <summary>Sets the county's own days (a local holiday, an extra workday); they win over the official schedule.</summary>
[ExampleBody("""{"days": [{"date": "2026-09-15", "kind": "CountyHoliday", "name": "县庆"}]}""")]
public sealed record ReviseCountyCalendar([BodyLimit(MaxItems = ReviseCountyCalendarEndpoint.MaxDays)] IReadOnlyList<CountyDayInput>? Days);

public sealed record CountyCalendarVersion(int Version, int Days);

public static class ReviseCountyCalendarEndpoint
{
    public const int MaxDays = 1000;

    public static ProblemDetails Validate(ReviseCountyCalendar command)
    {
        var days = command.Days;
        var errors = new FieldErrors().When(days is null || days.Count > MaxDays, "days",
            $"列出县里自定的日子（至多 {MaxDays} 个；空列表表示没有）。List the county's days, at most {MaxDays}; [] for none.");
        if (errors.Any) return errors.ToProblem();
        for (var i = 0; i < days!.Count; i++)
        {
            errors.When(days[i].Date is null, $"days[{i}].date", "必填。Required.")
                .When(days[i].Kind is not (DayKind.CountyHoliday or DayKind.CountyWorkday), $"days[{i}].kind",
                    "县里只能设 CountyHoliday 或 CountyWorkday。A county sets CountyHoliday or CountyWorkday days.")
                .Text($"days[{i}].name", days[i].Name, 50, required: false);
        }
        if (errors.Any) return errors.ToProblem();
        var conflicts = WorkingCalendar.Conflicts(days.Select(d => new CalendarDay(d.Date!.Value, d.Kind!.Value, d.Name)))
            .Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        return conflicts.Count == 0
            ? Problems.None
            : errors.Add("days", $"同一天给了两种含义：{string.Join("、", conflicts)}。A date is given twice with different meanings: {string.Join(", ", conflicts)}.")
                .ToProblem();
    }

    public static Guid StreamId() => CountyCalendar.StreamId;

    [EndpointSummary("修订本县日历 Revise the county calendar")]
    [WolverinePut("/api/calendar/county-days", OperationId = nameof(ReviseCountyCalendar))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static (CountyCalendarVersion, Events) Put(
        ReviseCountyCalendar command, [WriteAggregate(Required = false, FromMethod = nameof(StreamId))] CountyCalendar? calendar,
        ClaimsPrincipal user, DateTimeOffset now)
    {
        var revised = Revise(command, calendar?.Version ?? 0, Actor.From(user), now);
        return (new CountyCalendarVersion(revised.Version, revised.Days.Count), [revised]);
    }

    /// <summary>The decision: the county's days de-duplicated and in date order, as the next version.</summary>
    public static CountyCalendarRevised Revise(ReviseCountyCalendar command, int currentVersion, Actor by, DateTimeOffset now)
    {
        var days = command.Days!
            .Select(d => new CalendarDay(d.Date!.Value, d.Kind!.Value, d.Name?.Trim()))
            .DistinctBy(d => d.Date).OrderBy(d => d.Date).ToList();
        return new CountyCalendarRevised(CountyCalendar.StreamId, currentVersion + 1, days, by, now);
    }
}
