using Alba;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;

namespace Whistle.IntegrationTests.County.Calendar;

public sealed class CalendarEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private Task<IScenarioResult> Revise(ReviseCountyCalendar days, int status, string county) =>
        Send(Tokens.Admin, x => x.Put.Json(days, JsonStyle.MinimalApi).ToUrl("/api/calendar/county-days"), status, county);

    [Fact]
    public async Task a_year_lists_the_state_councils_days_with_their_source()
    {
        var year = await Get<CalendarYear>(Tokens.Clerk, "/api/calendar/2026");

        year.Sources.Single().Document.ShouldBe("国办发明电〔2025〕7号");
        year.Days.Single(d => d.Date == new DateOnly(2026, 10, 10)).Kind.ShouldBe(DayKind.MakeUpWorkday);
        year.Days.Count(d => d.Kind == DayKind.Holiday && d.Date.Month == 2).ShouldBe(9);
        year.Days.ShouldAllBe(d => d.Origin == "official");
    }

    [Fact]
    public async Task a_county_holiday_moves_a_due_time_and_is_versioned()
    {
        var county = await App.NewCountyAsync();
        var start = Uri.EscapeDataString("2026-03-02T10:00:00+08:00");
        var before = await Get<AssignmentDeadlines>(Tokens.Clerk, $"/api/deadline-policy/due-times?whistleType=Routine&start={start}", county);

        await Revise(new ReviseCountyCalendar([new(new DateOnly(2026, 3, 5), DayKind.CountyHoliday, "县庆")]), 200, county);

        var after = await Get<AssignmentDeadlines>(Tokens.Clerk, $"/api/deadline-policy/due-times?whistleType=Routine&start={start}", county);
        before.ReplyDue.ShouldBe(At("2026-03-11T17:00:00+08:00"));
        after.ReplyDue.ShouldBe(At("2026-03-12T17:00:00+08:00"));
        after.CalendarVersion.ShouldBe(1);
        (await Get<CalendarYear>(Tokens.Clerk, "/api/calendar/2026", county)).Days
            .Single(d => d.Date == new DateOnly(2026, 3, 5)).Origin.ShouldBe("county");
    }

    [Fact]
    public async Task a_day_given_twice_with_different_meanings_is_400_and_nothing_is_stored()
    {
        var county = await App.NewCountyAsync();

        var result = await Revise(new ReviseCountyCalendar(
        [
            new(new DateOnly(2026, 3, 5), DayKind.CountyHoliday, "县庆"),
            new(new DateOnly(2026, 3, 5), DayKind.CountyWorkday, "补班"),
        ]), 400, county);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors["days"][0].ShouldContain("2026-03-05");
        (await Get<CalendarYear>(Tokens.Clerk, "/api/calendar/2026", county)).CountyVersion.ShouldBe(0);
    }
}

public sealed class OfficialScheduleEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly LoadOfficialSchedule Notice2027 = new(
        "国务院办公厅关于2027年部分节假日安排的通知", new DateOnly(2026, 11, 5), "国办发明电〔2026〕1号", null, null,
        [new(new DateOnly(2027, 1, 1), DayKind.Holiday, "元旦"), new(new DateOnly(2027, 2, 20), DayKind.MakeUpWorkday, "春节")]);

    private Task<IScenarioResult> Load(int year, LoadOfficialSchedule notice, int status, string county) =>
        Send(Tokens.Admin, x => x.Put.Json(notice, JsonStyle.MinimalApi).ToUrl($"/api/calendar/official/{year}"), status, county);

    [Fact]
    public async Task a_loaded_year_is_listed_with_its_source_and_moves_due_times()
    {
        var county = await App.NewCountyAsync();
        var start = Uri.EscapeDataString("2026-12-30T10:00:00+08:00");
        (await Get<CalendarYear>(Tokens.Clerk, "/api/calendar/2027", county)).HasOfficialSchedule.ShouldBeFalse();
        var before = await Get<AssignmentDeadlines>(Tokens.Clerk, $"/api/deadline-policy/due-times?whistleType=Routine&start={start}", county);

        var answer = (await (await Load(2027, Notice2027, 200, county)).ReadAsJsonAsync<OfficialScheduleVersion>())!;

        answer.ShouldBe(new OfficialScheduleVersion(2027, 1, 2));
        var year = await Get<CalendarYear>(Tokens.Clerk, "/api/calendar/2027", county);
        year.HasOfficialSchedule.ShouldBeTrue();
        year.OfficialScheduleOrigin.ShouldBe("loaded");
        year.Sources.Single().Document.ShouldBe("国办发明电〔2026〕1号");
        year.Days.Single(d => d.Date == new DateOnly(2027, 1, 1)).Kind.ShouldBe(DayKind.Holiday);
        var after = await Get<AssignmentDeadlines>(Tokens.Clerk, $"/api/deadline-policy/due-times?whistleType=Routine&start={start}", county);
        before.WithoutOfficialSchedule.ShouldBe(true);
        before.ReplyDue.ShouldBe(At("2027-01-08T17:00:00+08:00"));
        after.WithoutOfficialSchedule.ShouldBeNull();
        after.ReplyDue.ShouldBe(At("2027-01-11T17:00:00+08:00"));
        after.CalendarVersion.ShouldBe(1);
        (await EventsOf(CountyCalendar.StreamId, county)).Single().Data.ShouldBeOfType<OfficialScheduleLoaded>().Year.ShouldBe(2027);
    }

    [Fact]
    public async Task a_day_outside_the_year_is_400_and_nothing_is_stored()
    {
        var county = await App.NewCountyAsync();

        var result = await Load(2028, Notice2027, 400, county);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors["days[0].date"][0].ShouldStartWith("日期须在 2028 年之内。");
        (await Get<CalendarYear>(Tokens.Clerk, "/api/calendar/2028", county)).CountyVersion.ShouldBe(0);
    }

    [Fact]
    public async Task only_an_administrator_loads_a_schedule() =>
        await Send(Tokens.Clerk, x => x.Put.Json(Notice2027, JsonStyle.MinimalApi).ToUrl("/api/calendar/official/2027"), 403, await App.NewCountyAsync());
}

public sealed class OfficeHoursEndpointTests(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task the_countys_office_hours_move_its_due_times_and_are_versioned()
    {
        var county = await App.NewCountyAsync();
        var start = Uri.EscapeDataString("2026-03-02T10:00:00+08:00");

        await Send(Tokens.Admin, x => x.Put.Json(new SetOfficeHours(new TimeOnly(8, 30), new TimeOnly(17, 30)), JsonStyle.MinimalApi)
            .ToUrl("/api/calendar/office-hours"), 200, county);

        var after = await Get<AssignmentDeadlines>(Tokens.Clerk, $"/api/deadline-policy/due-times?whistleType=Routine&start={start}", county);
        after.ReplyDue.ShouldBe(At("2026-03-11T17:30:00+08:00"));
        after.CalendarVersion.ShouldBe(1);
        var year = await Get<CalendarYear>(Tokens.Clerk, "/api/calendar/2026", county);
        year.Closes.ShouldBe(new TimeOnly(17, 30));
        (await Get<AssignmentDeadlines>(Tokens.Clerk, $"/api/deadline-policy/due-times?whistleType=Routine&start={start}", await App.NewCountyAsync()))
            .ReplyDue.ShouldBe(At("2026-03-11T17:00:00+08:00"));   // another county keeps 09:00-17:00
    }

    [Fact]
    public async Task closing_before_opening_is_400() =>
        await Send(Tokens.Admin, x => x.Put.Json(new SetOfficeHours(new TimeOnly(17, 0), new TimeOnly(9, 0)), JsonStyle.MinimalApi)
            .ToUrl("/api/calendar/office-hours"), 400, await App.NewCountyAsync());
}
