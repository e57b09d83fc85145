using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Directory;
using Whistle.Hosting;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Calendar;

public sealed record CountyDayInput(DateOnly? Date, DayKind? Kind, string? Name);

/// <summary>Sets the county's own days (a local holiday, an extra workday); they win over the official schedule.</summary>
public sealed record ReviseCountyCalendar(IReadOnlyList<CountyDayInput>? Days);

public sealed record CountyCalendarVersion(int Version, int Days);

public static class ReviseCountyCalendarEndpoint
{
    public const int MaxDays = 1000;

    public static Task<CountyCalendar?> LoadAsync(IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<CountyCalendar>(CountyCalendar.StreamId, ct);

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
        var conflicts = WorkingCalendar.Conflicts(days.Select(d => new CalendarDay(d.Date!.Value, d.Kind!.Value, d.Name)));
        return conflicts.Count == 0
            ? Problems.None
            : errors.Add("days", $"同一天给了两种含义：{string.Join("、", conflicts)}。A date is given twice with different meanings: {string.Join(", ", conflicts)}.")
                .ToProblem();
    }

    [WolverinePut("/api/calendar/county-days", OperationId = nameof(ReviseCountyCalendar))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static (CountyCalendarVersion, IMartenOp) Put(
        ReviseCountyCalendar command, CountyCalendar? current, ClaimsPrincipal user, DateTimeOffset now)
    {
        var days = command.Days!
            .Select(d => new CalendarDay(d.Date!.Value, d.Kind!.Value, d.Name?.Trim()))
            .DistinctBy(d => d.Date).OrderBy(d => d.Date).ToList();
        var version = (current?.Version ?? 0) + 1;
        var revised = new CountyCalendarRevised(CountyCalendar.StreamId, version, days, Actor.From(user), now);
        return (new CountyCalendarVersion(version, days.Count),
            current is null
                ? MartenOps.StartStream<CountyCalendar>(CountyCalendar.StreamId, revised)
                : MartenOps.Append(CountyCalendar.StreamId, version, revised));
    }
}
