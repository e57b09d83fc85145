using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Directory;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.County.Calendar;

public sealed record OfficialDayInput(DateOnly? Date, DayKind? Kind, string? Name);

/// <summary>
/// A year's official schedule as the State Council's notice gives it (国务院办公厅关于某年部分节假日安排的通知): the
/// notice's title and date (its document number, issuer and address when known) and its days, holidays (放假) and
/// make-up workdays (调休上班), each named by its festival.
/// </summary>
[ExampleBody("""{"title": "国务院办公厅关于2026年部分节假日安排的通知", "published": "2025-11-04", "document": "国办发明电〔2025〕7号", "issuer": "国务院办公厅", "url": "https://www.gov.cn/zhengce/content/2025-11/04/content_0000000.htm", "days": [{"date": "2026-01-01", "kind": "Holiday", "name": "元旦"}, {"date": "2026-01-04", "kind": "MakeUpWorkday", "name": "元旦调休上班"}]}""")]
[OptionalFields("document", "issuer")]
public sealed record LoadOfficialSchedule(
    string? Title, DateOnly? Published, string? Document, string? Issuer, Uri? Url, IReadOnlyList<OfficialDayInput>? Days);

public sealed record OfficialScheduleVersion(int Year, int Version, int Days);

public static class LoadOfficialScheduleEndpoint
{
    public const int MaxDays = 100;
    public const string StateCouncilOffice = "国务院办公厅";

    public static ProblemDetails Validate(int year, LoadOfficialSchedule command)
    {
        var days = command.Days;
        var errors = new FieldErrors()
            .When(year is < 2000 or > 2100, "year", "年份须在 2000 至 2100 之间。The year must be between 2000 and 2100.")
            .Text("title", command.Title, 200)
            .When(command.Published is null, "published", "写明通知的发布日期。Give the date the notice was published.")
            .Text("document", command.Document, 50, required: false)
            .Text("issuer", command.Issuer, 50, required: false)
            .When(command.Url is { IsAbsoluteUri: false } || command.Url is { Scheme: not ("http" or "https") }, "url",
                "通知的网址须是 http(s) 绝对地址。The notice's address must be an absolute http(s) URL.")
            .When(days is null || days.Count == 0 || days.Count > MaxDays, "days",
                $"列出通知中的放假日和调休上班日（1 至 {MaxDays} 个）。List the notice's holidays and make-up workdays, 1 to {MaxDays}.");
        if (errors.Any) return errors.ToProblem();
        for (var i = 0; i < days!.Count; i++)
        {
            errors.When(days[i].Date is null, $"days[{i}].date", "必填。Required.")
                .When(days[i].Date is { } date && date.Year != year, $"days[{i}].date",
                    $"日期须在 {year} 年之内。The date must fall within {year}.")
                .When(days[i].Kind is not (DayKind.Holiday or DayKind.MakeUpWorkday), $"days[{i}].kind",
                    "官方安排只有 Holiday 或 MakeUpWorkday。An official schedule has Holiday or MakeUpWorkday days.")
                .Text($"days[{i}].name", days[i].Name, 50);
        }
        if (errors.Any) return errors.ToProblem();
        var conflicts = WorkingCalendar.Conflicts(days.Select(d => new CalendarDay(d.Date!.Value, d.Kind!.Value, d.Name)))
            .Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        return conflicts.Count == 0
            ? Problems.None
            : errors.Add("days", $"同一天既放假又上班：{string.Join("、", conflicts)}。A date is both a holiday and a workday: {string.Join(", ", conflicts)}.")
                .ToProblem();
    }

    public static Guid StreamId() => CountyCalendar.StreamId;

    /// <summary>Loads (or reloads) a year's official schedule; it replaces an embedded schedule of that year as a whole.</summary>
    [EndpointSummary("载入国务院放假安排 Load a year's official schedule")]
    [WolverinePut("/api/calendar/official/{year}", OperationId = nameof(LoadOfficialSchedule))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static (OfficialScheduleVersion, Events) Put(
        int year, LoadOfficialSchedule command,
        [WriteAggregate(Required = false, FromMethod = nameof(StreamId))] CountyCalendar? calendar,
        ClaimsPrincipal user, DateTimeOffset now)
    {
        var loaded = Decide(year, command, calendar?.Version ?? 0, Actor.From(user), now);
        return (new OfficialScheduleVersion(year, loaded.Version, loaded.Days.Count), [loaded]);
    }

    /// <summary>The decision: the notice as the year's source, its days de-duplicated and in date order, as the next version.</summary>
    public static OfficialScheduleLoaded Decide(int year, LoadOfficialSchedule command, int currentVersion, Actor by, DateTimeOffset now)
    {
        var days = command.Days!
            .Select(d => new CalendarDay(d.Date!.Value, d.Kind!.Value, d.Name!.Trim()))
            .DistinctBy(d => d.Date).OrderBy(d => d.Date).ToList();
        return new OfficialScheduleLoaded(
            CountyCalendar.StreamId, currentVersion + 1, year,
            command.Issuer?.Trim() is { Length: > 0 } issuer ? issuer : StateCouncilOffice,
            command.Document?.Trim() ?? "", command.Title!.Trim(), command.Published!.Value, command.Url?.AbsoluteUri,
            days, by, now);
    }
}
