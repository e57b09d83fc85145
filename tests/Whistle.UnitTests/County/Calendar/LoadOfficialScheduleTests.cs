using Shouldly;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Xunit;

namespace Whistle.UnitTests.County.Calendar;

public class LoadOfficialScheduleTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, China);

    // A 2027 notice as a test gives it: 元旦 on Friday 1 January, and one make-up Saturday.
    private static readonly OfficialDayInput NewYear = new(new DateOnly(2027, 1, 1), DayKind.Holiday, " 元旦 ");
    private static readonly OfficialDayInput MakeUp = new(new DateOnly(2027, 2, 20), DayKind.MakeUpWorkday, "春节");

    private static LoadOfficialSchedule Notice(params OfficialDayInput[] days) =>
        new("国务院办公厅关于2027年部分节假日安排的通知", new DateOnly(2026, 11, 5), "国办发明电〔2026〕1号", null, null, days);

    private static CountyCalendar Loaded(int year, LoadOfficialSchedule notice) =>
        CountyCalendar.Create(LoadOfficialScheduleEndpoint.Decide(year, notice, 0, Users.AdminActor, Now));

    [Fact]
    public void a_notice_with_its_days_passes_validation() =>
        LoadOfficialScheduleEndpoint.Validate(2027, Notice(NewYear, MakeUp)).ShouldBeNoProblem();

    [Fact]
    public void a_day_outside_the_year_is_rejected() =>
        LoadOfficialScheduleEndpoint.Validate(2027, Notice(NewYear, new(new DateOnly(2026, 12, 31), DayKind.Holiday, "元旦")))
            .ShouldRejectField("days[1].date", "within 2027");

    [Fact]
    public void a_day_both_holiday_and_workday_is_rejected() =>
        LoadOfficialScheduleEndpoint.Validate(2027, Notice(NewYear, NewYear with { Kind = DayKind.MakeUpWorkday }))
            .ShouldRejectField("days", "2027-01-01");

    [Fact]
    public void the_notice_must_be_named_and_dated() =>
        LoadOfficialScheduleEndpoint.Validate(2027, Notice(NewYear) with { Title = " ", Published = null })
            .ShouldRejectFields("title", "published");

    [Fact]
    public void only_official_kinds_and_at_least_one_day()
    {
        LoadOfficialScheduleEndpoint.Validate(2027, Notice(NewYear with { Kind = DayKind.CountyHoliday }))
            .ShouldRejectField("days[0].kind", "Holiday or MakeUpWorkday");
        LoadOfficialScheduleEndpoint.Validate(2027, Notice()).ShouldRejectField("days", "1 to 100");
    }

    [Fact]
    public void the_notices_address_must_be_absolute_http() =>
        LoadOfficialScheduleEndpoint.Validate(2027, Notice(NewYear) with { Url = new Uri("ftp://example.org/n") })
            .ShouldRejectField("url", "absolute http(s) URL");

    [Fact]
    public void the_message_is_chinese_then_english() =>
        LoadOfficialScheduleEndpoint.Validate(2027, Notice(NewYear with { Date = new DateOnly(2028, 1, 1) }))
            .ShouldRejectField("days[0].date", "日期须在 2027 年之内。The date must fall within 2027.");

    [Fact]
    public void loading_records_the_notice_as_the_years_source_and_the_next_version()
    {
        var loaded = LoadOfficialScheduleEndpoint.Decide(2027, Notice(MakeUp, NewYear), 3, Users.AdminActor, Now);

        loaded.Version.ShouldBe(4);
        loaded.Issuer.ShouldBe("国务院办公厅");
        loaded.Document.ShouldBe("国办发明电〔2026〕1号");
        loaded.Days.Select(d => d.Date).ShouldBe([new DateOnly(2027, 1, 1), new DateOnly(2027, 2, 20)]);
        loaded.Days[0].Name.ShouldBe("元旦");
        loaded.By.ShouldBe(Users.AdminActor);
        loaded.At.ShouldBe(Now);
    }

    [Fact]
    public void a_loaded_year_counts_in_the_working_calendar()
    {
        var calendar = Loaded(2027, Notice(NewYear, MakeUp));

        calendar.HasOfficialSchedule(2027).ShouldBeTrue();
        var working = calendar.ToWorkingCalendar();
        working.IsWorkingDay(new DateOnly(2027, 1, 1)).ShouldBeFalse();
        working.IsWorkingDay(new DateOnly(2027, 2, 20)).ShouldBeTrue();
        working.IsWorkingDay(new DateOnly(2026, 10, 1)).ShouldBeFalse();   // the embedded years still count
    }

    [Fact]
    public void a_loaded_schedule_replaces_the_embedded_one_of_its_year_as_a_whole()
    {
        var calendar = Loaded(2026, Notice(NewYear with { Date = new DateOnly(2026, 3, 2), Name = "测试" }));

        calendar.OfficialSchedules.Single(s => s.Year == 2026).Source.Title.ShouldStartWith("国务院办公厅关于2027年");
        var working = calendar.ToWorkingCalendar();
        working.IsWorkingDay(new DateOnly(2026, 3, 2)).ShouldBeFalse();
        working.IsWorkingDay(new DateOnly(2026, 10, 1)).ShouldBeTrue();    // the embedded 国庆 is replaced
        working.IsWorkingDay(new DateOnly(2025, 10, 1)).ShouldBeFalse();   // other years untouched
    }

    [Fact]
    public void a_deadline_in_a_year_without_a_schedule_is_marked()
    {
        var blown = new DateTimeOffset(2026, 12, 30, 10, 0, 0, China);   // a Wednesday; 7 working days reach 2027
        var official = new CountyCalendar { Id = CountyCalendar.StreamId };

        var unmarked = WhistleDeadlines.Compute(WhistleType.Routine, blown, DeadlinePolicy.Default, official);

        unmarked.WithoutOfficialSchedule.ShouldBe(true);
        unmarked.ReplyDue.ShouldBe(new DateTimeOffset(2027, 1, 8, 17, 0, 0, China));   // 1 January counted as a working day
    }

    [Fact]
    public void a_deadline_with_the_years_schedule_loaded_is_not_marked()
    {
        var blown = new DateTimeOffset(2026, 12, 30, 10, 0, 0, China);

        var deadlines = WhistleDeadlines.Compute(WhistleType.Routine, blown, DeadlinePolicy.Default, Loaded(2027, Notice(NewYear)));

        deadlines.WithoutOfficialSchedule.ShouldBeNull();
        deadlines.ReplyDue.ShouldBe(new DateTimeOffset(2027, 1, 11, 17, 0, 0, China));
    }

    [Fact]
    public void a_deadline_inside_embedded_years_is_not_marked() =>
        WhistleDeadlines.Compute(WhistleType.Routine, new DateTimeOffset(2026, 3, 2, 10, 0, 0, China), DeadlinePolicy.Default,
            new CountyCalendar { Id = CountyCalendar.StreamId }).WithoutOfficialSchedule.ShouldBeNull();

    [Fact]
    public void a_calendar_basis_interval_lacks_no_schedule() =>
        DueTimes.YearsWithoutOfficialSchedule(new DateTimeOffset(2027, 3, 1, 10, 0, 0, China), new DateTimeOffset(2027, 3, 2, 10, 0, 0, China),
            Interval.CalendarHours(24), new CountyCalendar { Id = CountyCalendar.StreamId }).ShouldBeEmpty();

    [Theory]
    [InlineData("2026-11-01T00:00:00+08:00", null)]            // 61 days before 2027: not yet
    [InlineData("2026-11-02T00:00:00+08:00", "2027")]          // 60 days before, and 2027 is not embedded
    [InlineData("2025-12-20T00:00:00+08:00", null)]            // 2026 is embedded
    public void readiness_warns_sixty_days_before_a_year_without_a_schedule(string now, string? mentions)
    {
        var missing = OfficialScheduleCoverage.Missing(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), []);

        if (mentions is null) missing.ShouldBeNull();
        else missing.ShouldNotBeNull().ShouldContain($"PUT /api/calendar/official/{mentions}");
    }

    [Fact]
    public void readiness_is_satisfied_once_every_county_has_loaded_the_year() =>
        OfficialScheduleCoverage.Missing(Now, [Loaded(2027, Notice(NewYear))]).ShouldBeNull();
}
