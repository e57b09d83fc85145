using Shouldly;
using Whistle.County.Calendar;
using Xunit;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.County.Calendar;

public class CountyCalendarTests
{
    private static readonly DateOnly CountyDay = new(2025, 11, 17);     // a Monday
    private static readonly DateOnly ExtraSaturday = new(2025, 11, 15);

    private static readonly CountyDayInput Holiday = new(CountyDay, DayKind.CountyHoliday, " 县庆 ");
    private static readonly CountyDayInput Workday = new(ExtraSaturday, DayKind.CountyWorkday, "防汛值班");

    private static ReviseCountyCalendar Days(params CountyDayInput[] days) => new(days);

    [Fact]
    public void county_holidays_and_workdays_pass_validation() =>
        ReviseCountyCalendarEndpoint.Validate(Days(Holiday, Workday)).ShouldBeNoProblem();

    [Fact]
    public void an_empty_list_clears_the_countys_days() =>
        ReviseCountyCalendarEndpoint.Validate(Days()).ShouldBeNoProblem();

    [Fact]
    public void the_days_must_be_listed() =>
        ReviseCountyCalendarEndpoint.Validate(new ReviseCountyCalendar(null)).ShouldRejectField("days", "[] for none");

    [Fact]
    public void more_than_1000_days_are_rejected()
    {
        var days = Enumerable.Range(0, 1001).Select(i => Holiday with { Date = new DateOnly(2026, 1, 1).AddDays(i) }).ToArray();

        ReviseCountyCalendarEndpoint.Validate(Days(days)).ShouldRejectField("days", "at most 1000");
    }

    [Theory]
    [InlineData(DayKind.Holiday)]
    [InlineData(DayKind.MakeUpWorkday)]
    [InlineData((DayKind)9)]
    public void a_county_cannot_set_an_official_kind_of_day(DayKind kind) =>
        ReviseCountyCalendarEndpoint.Validate(Days(Holiday, Workday with { Kind = kind }))
            .ShouldRejectField("days[1].kind", "A county sets CountyHoliday or CountyWorkday days.");

    [Fact]
    public void a_day_needs_a_date_and_a_kind() =>
        ReviseCountyCalendarEndpoint.Validate(Days(new CountyDayInput(null, null, null))).ShouldRejectFields("days[0].date", "days[0].kind");

    [Fact]
    public void a_name_is_at_most_50_characters() =>
        ReviseCountyCalendarEndpoint.Validate(Days(Holiday with { Name = new string('节', 51) })).ShouldRejectField("days[0].name", "At most 50");

    [Fact]
    public void the_same_date_given_two_kinds_is_rejected_naming_the_date() =>
        ReviseCountyCalendarEndpoint.Validate(Days(Holiday, Workday, Holiday with { Kind = DayKind.CountyWorkday }))
            .ShouldRejectField("days", "A date is given twice with different meanings: 2025-11-17.");

    [Fact]
    public void the_same_date_given_twice_with_the_same_kind_is_accepted() =>
        ReviseCountyCalendarEndpoint.Validate(Days(Holiday, Workday, Holiday with { Name = "县庆（补）" })).ShouldBeNoProblem();

    [Fact]
    public void the_first_revision_is_version_1_with_the_days_in_date_order_and_names_trimmed()
    {
        var revised = ReviseCountyCalendarEndpoint.Revise(Days(Holiday, Workday), 0, Users.AdminActor, Now);

        revised.CalendarId.ShouldBe(CountyCalendar.StreamId);
        revised.Version.ShouldBe(1);
        revised.Days.ShouldBe(
        [
            new CalendarDay(ExtraSaturday, DayKind.CountyWorkday, "防汛值班"),
            new CalendarDay(CountyDay, DayKind.CountyHoliday, "县庆"),
        ]);
        revised.By.ShouldBe(Users.AdminActor);
        revised.At.ShouldBe(Now);
    }

    [Fact]
    public void a_date_given_twice_is_kept_once_as_first_given() =>
        ReviseCountyCalendarEndpoint.Revise(Days(Holiday, Holiday with { Name = "县庆（补）" }), 0, Users.AdminActor, Now)
            .Days.ShouldBe([new CalendarDay(CountyDay, DayKind.CountyHoliday, "县庆")]);

    [Fact]
    public void a_revision_is_the_next_version_of_the_current_calendar() =>
        ReviseCountyCalendarEndpoint.Revise(Days(Workday), 4, Users.AdminActor, Now).Version.ShouldBe(5);

    [Fact]
    public void the_county_calendar_starts_at_version_0_with_the_official_schedule_alone()
    {
        var calendar = new CountyCalendar();

        calendar.Version.ShouldBe(0);
        calendar.Days.ShouldBeEmpty();
        calendar.ToWorkingCalendar().Days.ShouldBe(OfficialHolidays.Days.OrderBy(d => d.Date));
    }

    [Fact]
    public void each_revision_replaces_the_countys_days()
    {
        var earlier = new DateTimeOffset(2025, 10, 20, 9, 0, 0, TimeSpan.FromHours(8));
        var calendar = CountyCalendar.Create(ReviseCountyCalendarEndpoint.Revise(Days(Holiday, Workday), 0, Users.ClerkActor, earlier));

        calendar = calendar.Apply(ReviseCountyCalendarEndpoint.Revise(Days(Workday), calendar.Version, Users.AdminActor, Now));

        calendar.Id.ShouldBe(CountyCalendar.StreamId);
        calendar.Version.ShouldBe(2);
        calendar.Days.ShouldBe([new CalendarDay(ExtraSaturday, DayKind.CountyWorkday, "防汛值班")]);
        calendar.UpdatedAt.ShouldBe(Now);
        calendar.UpdatedBy.ShouldBe(Users.AdminActor);
    }

    [Fact]
    public void the_countys_days_are_laid_over_the_official_schedule()
    {
        var calendar = CountyCalendar.Create(ReviseCountyCalendarEndpoint.Revise(
            Days(Holiday, Workday, new CountyDayInput(new DateOnly(2025, 10, 8), DayKind.CountyWorkday, "县里上班")),
            0, Users.AdminActor, Now)).ToWorkingCalendar();

        calendar.IsWorkingDay(CountyDay).ShouldBeFalse();
        calendar.IsWorkingDay(ExtraSaturday).ShouldBeTrue();
        calendar.IsWorkingDay(new DateOnly(2025, 10, 8)).ShouldBeTrue();    // an official holiday the county works
        calendar.IsWorkingDay(new DateOnly(2025, 10, 7)).ShouldBeFalse();   // the official holiday stands
        calendar.IsWorkingDay(new DateOnly(2025, 10, 11)).ShouldBeTrue();   // the official make-up Saturday stands
        calendar.IsWorkingDay(new DateOnly(2025, 11, 18)).ShouldBeTrue();
    }
}
