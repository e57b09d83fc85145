using Shouldly;
using Whistle.County.Calendar;
using Xunit;

namespace Whistle.UnitTests.County.Calendar;

public class OfficialHolidaysTests
{
    [Theory]
    [InlineData(2025, "元旦", 1)]
    [InlineData(2025, "春节", 8)]
    [InlineData(2025, "清明节", 3)]
    [InlineData(2025, "劳动节", 5)]
    [InlineData(2025, "端午节", 3)]
    [InlineData(2025, "国庆节、中秋节", 8)]
    [InlineData(2026, "元旦", 3)]
    [InlineData(2026, "春节", 9)]
    [InlineData(2026, "清明节", 3)]
    [InlineData(2026, "劳动节", 5)]
    [InlineData(2026, "端午节", 3)]
    [InlineData(2026, "中秋节", 3)]
    [InlineData(2026, "国庆节", 7)]
    public void each_festival_has_the_days_off_its_notice_announces(int year, string festival, int daysOff) =>
        Schedule(year).Days.Count(day => day.Kind == DayKind.Holiday && day.Name == festival).ShouldBe(daysOff);

    [Theory]
    [InlineData(2025, "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11")]
    [InlineData(2026, "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")]
    public void the_make_up_workdays_are_the_ones_the_notice_lists(int year, params string[] dates) =>
        Schedule(year).Days.Where(day => day.Kind == DayKind.MakeUpWorkday).Select(day => day.Date)
            .ShouldBe(dates.Select(date => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void every_make_up_workday_falls_on_a_weekend() =>
        OfficialHolidays.Days.Where(day => day.Kind == DayKind.MakeUpWorkday)
            .ShouldAllBe(day => day.Date.DayOfWeek == DayOfWeek.Saturday || day.Date.DayOfWeek == DayOfWeek.Sunday);

    [Fact]
    public void every_official_day_names_its_festival_and_lies_in_its_year() =>
        OfficialHolidays.Schedules.ShouldAllBe(schedule =>
            schedule.Days.All(day => !string.IsNullOrWhiteSpace(day.Name) && day.Date.Year == schedule.Year));

    [Fact]
    public void no_official_date_is_both_a_holiday_and_a_workday() =>
        WorkingCalendar.Conflicts(OfficialHolidays.Days).ShouldBeEmpty();

    [Theory]
    [InlineData(2025, "国办发明电〔2024〕12号", "国务院办公厅关于2025年部分节假日安排的通知", "2024-11-12")]
    [InlineData(2026, "国办发明电〔2025〕7号", "国务院办公厅关于2026年部分节假日安排的通知", "2025-11-04")]
    public void each_year_names_the_notice_it_comes_from(int year, string document, string title, string published)
    {
        var source = Schedule(year).Source;

        source.Issuer.ShouldBe("国务院办公厅");
        source.Document.ShouldBe(document);
        source.Title.ShouldBe(title);
        source.Published.ShouldBe(DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture));
        source.Url.ShouldNotBeNull().Host.ShouldBe("www.gov.cn");
    }

    [Fact]
    public void the_embedded_years_are_2025_and_2026() =>
        OfficialHolidays.Schedules.Select(schedule => schedule.Year).ShouldBe([2025, 2026]);

    private static HolidaySchedule Schedule(int year) => OfficialHolidays.Schedules.Single(schedule => schedule.Year == year);
}
