using System.Globalization;
using Shouldly;
using Whistle.County.Calendar;
using Xunit;

namespace Whistle.UnitTests.County.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Official = new(OfficialHolidays.Days);

    [Theory]
    [InlineData("2025-11-14", true)]  // an ordinary Friday
    [InlineData("2025-11-15", false)] // an ordinary Saturday
    [InlineData("2025-11-16", false)] // an ordinary Sunday
    [InlineData("2025-10-08", false)] // Wednesday, last day of 国庆节、中秋节
    [InlineData("2025-10-11", true)]  // Saturday, make-up workday
    [InlineData("2025-09-28", true)]  // Sunday, make-up workday
    [InlineData("2026-02-14", true)]  // Saturday, make-up workday for 春节
    [InlineData("2026-02-23", false)] // Monday, last day of 春节
    [InlineData("2026-01-04", true)]  // Sunday, make-up workday for 元旦
    [InlineData("2027-01-01", true)]  // a Friday in a year without a schedule: weekdays work
    public void weekdays_work_unless_a_holiday_and_weekends_only_as_make_up_workdays(string date, bool working) =>
        Official.IsWorkingDay(Date(date)).ShouldBe(working);

    [Theory]
    [InlineData("2025-11-17", DayKind.CountyHoliday, false)] // an ordinary Monday closed by the county
    [InlineData("2025-11-15", DayKind.CountyWorkday, true)]  // an ordinary Saturday opened by the county
    [InlineData("2025-10-08", DayKind.CountyWorkday, true)]  // an official holiday the county works
    [InlineData("2025-10-11", DayKind.CountyHoliday, false)] // an official make-up workday the county keeps off
    public void a_county_day_overrides_the_week_and_the_official_schedule(string date, DayKind kind, bool working) =>
        new WorkingCalendar(OfficialHolidays.Days, [new CalendarDay(Date(date), kind, "县里安排")])
            .IsWorkingDay(Date(date)).ShouldBe(working);

    [Fact]
    public void the_calendar_lists_the_kind_that_applies_on_each_special_date()
    {
        var calendar = new WorkingCalendar(OfficialHolidays.Days, [new CalendarDay(Date("2025-10-08"), DayKind.CountyWorkday, "县里安排")]);

        calendar.Days.Single(day => day.Date == Date("2025-10-08")).ShouldBe(new CalendarDay(Date("2025-10-08"), DayKind.CountyWorkday, "县里安排"));
        calendar.Days.Count.ShouldBe(OfficialHolidays.Days.Count);
        calendar.Days.Select(day => day.Date).ShouldBeInOrder();
    }

    [Fact]
    public void office_hours_are_nine_to_five_unless_the_county_sets_them()
    {
        Official.Opens.ShouldBe(new TimeOnly(9, 0));
        Official.Closes.ShouldBe(new TimeOnly(17, 0));

        var county = new WorkingCalendar(OfficialHolidays.Days, opens: new TimeOnly(8, 30), closes: new TimeOnly(17, 30));
        county.Opens.ShouldBe(new TimeOnly(8, 30));
        county.Closes.ShouldBe(new TimeOnly(17, 30));
    }

    [Theory]
    [InlineData("17:00", "09:00")]
    [InlineData("09:00", "09:00")]
    public void an_office_that_does_not_open_before_it_closes_is_rejected(string opens, string closes) =>
        Should.Throw<ArgumentException>(() => new WorkingCalendar(
            [], opens: TimeOnly.Parse(opens, CultureInfo.InvariantCulture), closes: TimeOnly.Parse(closes, CultureInfo.InvariantCulture)));

    [Fact]
    public void a_date_given_twice_with_different_kinds_is_reported_once()
    {
        CalendarDay[] days =
        [
            new(Date("2025-11-17"), DayKind.CountyHoliday),
            new(Date("2025-11-15"), DayKind.CountyWorkday),
            new(Date("2025-11-17"), DayKind.CountyWorkday),
            new(Date("2025-11-03"), DayKind.CountyHoliday),
            new(Date("2025-11-03"), DayKind.CountyWorkday),
            new(Date("2025-11-03"), DayKind.CountyHoliday),
        ];

        WorkingCalendar.Conflicts(days).ShouldBe([Date("2025-11-03"), Date("2025-11-17")]);
    }

    [Fact]
    public void a_date_given_twice_with_the_same_kind_is_not_a_conflict() =>
        WorkingCalendar.Conflicts(
        [
            new(Date("2025-11-17"), DayKind.CountyHoliday, "防汛"),
            new(Date("2025-11-17"), DayKind.CountyHoliday, "防汛"),
        ]).ShouldBeEmpty();

    [Fact]
    public void a_county_list_with_a_conflict_is_rejected_naming_the_date() =>
        Should.Throw<ArgumentException>(() => new WorkingCalendar(
                OfficialHolidays.Days,
                [new(Date("2025-11-17"), DayKind.CountyHoliday), new(Date("2025-11-17"), DayKind.CountyWorkday)]))
            .Message.ShouldContain("2025-11-17");

    private static DateOnly Date(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);
}
