using System.Globalization;
using Shouldly;
using Whistle.County.Calendar;
using Whistle.Mediation;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

/// <summary>
/// Days checked by hand against Calendar/Holidays/cn-2026.json (国办发明电〔2025〕7号): 清明 04-04–06, 劳动节 05-01–05,
/// 国庆 10-01–07 with make-up workdays Sunday 09-20 and Saturday 10-10, 春节 02-15–23 with make-up Saturday 02-28.
/// </summary>
public class MediationTimesTests
{
    private static DateTimeOffset Instant(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    private static DateOnly Date(string value) => DateOnly.Parse(value, CultureInfo.InvariantCulture);

    private static WorkingCalendar WithCountyDay(string date, DayKind kind) =>
        new(OfficialHolidays.Days, [new CalendarDay(Date(date), kind, "县里安排")]);

    [Theory]
    [InlineData("2026-03-02T11:00:00+08:00", "2026-04-02")]
    [InlineData("2026-12-15T10:00:00+08:00", "2027-01-15")]
    [InlineData("2026-03-01T23:30:00+08:00", "2026-04-01")]
    [InlineData("2026-03-01T16:30:00+00:00", "2026-04-02")]   // 00:30 on 2 March in China
    [InlineData("2026-03-31T10:00:00+08:00", "2026-04-30")]   // no 31 April: the month's last day
    public void the_one_month_limit_ends_on_the_same_date_of_the_next_month_in_china_time(string acceptedAt, string lastDay) =>
        MediationTimes.LimitLastDay(Instant(acceptedAt), OfficialCalendar).ShouldBe(Date(lastDay));

    [Theory]
    [InlineData("2026-03-19T10:00:00+08:00", "2026-04-20")]   // Sunday 04-19 → Monday
    [InlineData("2026-03-18T10:00:00+08:00", "2026-04-20")]   // Saturday 04-18 → past Sunday to Monday
    [InlineData("2026-03-18T16:30:00+00:00", "2026-04-20")]   // 00:30 on 19 March in China: Sunday 04-19 → Monday
    [InlineData("2026-09-05T10:00:00+08:00", "2026-10-08")]   // Monday 10-05 in the National Day holiday → Thursday 10-08
    [InlineData("2026-03-04T10:00:00+08:00", "2026-04-07")]   // Saturday 04-04, 清明 to 04-06 → Tuesday 04-07
    [InlineData("2026-04-01T10:00:00+08:00", "2026-05-06")]   // Friday 05-01, 劳动节 to 05-05 → Wednesday 05-06
    [InlineData("2026-09-10T10:00:00+08:00", "2026-10-10")]   // Saturday 10-10 is a make-up workday: it stays
    [InlineData("2026-01-31T10:00:00+08:00", "2026-02-28")]   // no 31 February; Saturday 02-28 is a make-up workday
    public void a_one_month_limit_ending_on_a_rest_day_ends_with_the_next_working_day(string acceptedAt, string lastDay) =>
        MediationTimes.LimitLastDay(Instant(acceptedAt), OfficialCalendar).ShouldBe(Date(lastDay));

    [Theory]
    [InlineData("2026-02-05T10:00:00+08:00", "2026-03-05", DayKind.CountyHoliday, "2026-03-06")]   // Thursday closed by the county → Friday
    [InlineData("2026-02-06T10:00:00+08:00", "2026-03-06", DayKind.CountyHoliday, "2026-03-09")]   // Friday closed → past the weekend to Monday
    [InlineData("2026-03-19T10:00:00+08:00", "2026-04-19", DayKind.CountyWorkday, "2026-04-19")]   // a Sunday the county works: it stays
    [InlineData("2026-09-05T10:00:00+08:00", "2026-10-06", DayKind.CountyWorkday, "2026-10-06")]   // a National Day the county works
    public void the_countys_own_days_count_for_the_one_month_limit(string acceptedAt, string countyDay, DayKind kind, string lastDay) =>
        MediationTimes.LimitLastDay(Instant(acceptedAt), WithCountyDay(countyDay, kind)).ShouldBe(Date(lastDay));

    [Fact]
    public void a_last_day_ends_at_midnight_china_time() =>
        MediationTimes.EndOf(new DateOnly(2026, 4, 2)).ShouldBe(new DateTimeOffset(2026, 4, 2, 16, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("2026-03-23T15:00:00+08:00", "2026-04-22")]   // Wednesday
    [InlineData("2026-03-23T00:00:00+08:00", "2026-04-22")]
    [InlineData("2026-03-23T23:59:59+08:00", "2026-04-22")]
    [InlineData("2026-03-22T16:30:00+00:00", "2026-04-22")]   // 00:30 on 23 March in China
    [InlineData("2026-12-01T09:00:00+08:00", "2026-12-31")]   // Thursday
    public void the_confirmation_window_counts_30_days_from_the_day_after_the_agreement_took_effect(string signedAt, string lastDay) =>
        MediationTimes.ConfirmationLastDay(Instant(signedAt), OfficialCalendar).ShouldBe(Date(lastDay));

    [Theory]
    [InlineData("2026-09-05T10:00:00+08:00", "2026-10-08")]   // day 30 is Monday 10-05, in the National Day holiday → Thursday 10-08
    [InlineData("2026-03-20T15:00:00+08:00", "2026-04-20")]   // Sunday 04-19 → Monday
    [InlineData("2026-03-19T15:00:00+08:00", "2026-04-20")]   // Saturday 04-18 → Monday
    [InlineData("2026-01-16T10:00:00+08:00", "2026-02-24")]   // Sunday 02-15, the first day of 春节 to 02-23 → Tuesday 02-24
    [InlineData("2026-09-10T10:00:00+08:00", "2026-10-10")]   // Saturday 10-10 is a make-up workday: it stays
    [InlineData("2026-08-21T10:00:00+08:00", "2026-09-20")]   // Sunday 09-20 is a make-up workday: it stays
    public void a_confirmation_window_whose_day_30_is_a_rest_day_closes_after_the_next_working_day(string signedAt, string lastDay) =>
        MediationTimes.ConfirmationLastDay(Instant(signedAt), OfficialCalendar).ShouldBe(Date(lastDay));

    [Theory]
    [InlineData("2026-02-03T10:00:00+08:00", "2026-03-05", DayKind.CountyHoliday, "2026-03-06")]   // Thursday closed by the county → Friday
    [InlineData("2026-03-20T15:00:00+08:00", "2026-04-20", DayKind.CountyHoliday, "2026-04-21")]   // Sunday, then a Monday the county closes → Tuesday
    [InlineData("2026-03-20T15:00:00+08:00", "2026-04-19", DayKind.CountyWorkday, "2026-04-19")]   // a Sunday the county works: it stays
    public void the_countys_own_days_count_for_the_confirmation_window(string signedAt, string countyDay, DayKind kind, string lastDay) =>
        MediationTimes.ConfirmationLastDay(Instant(signedAt), WithCountyDay(countyDay, kind)).ShouldBe(Date(lastDay));

    [Theory]
    [InlineData("2026-03-20T15:00:00+08:00", "2026-04-09T09:00:00+08:00")]
    [InlineData("2026-09-05T10:00:00+08:00", "2026-09-25T09:00:00+08:00")]   // day 20 is 中秋节; the window's end moves, the reminder does not
    public void the_reminder_comes_at_nine_on_day_20_whatever_the_day(string signedAt, string reminderAt) =>
        MediationTimes.ConfirmationReminderAt(Instant(signedAt)).ShouldBe(Instant(reminderAt));

    [Theory]
    [InlineData("2026-04-01", "2026-04-04")]
    [InlineData("2026-12-30", "2027-01-02")]
    [InlineData("2026-09-28", "2026-10-01")]   // the court's own period: a holiday does not move it here
    public void the_court_decides_on_accepting_within_3_days(string appliedOn, string dueOn) =>
        MediationTimes.AcceptanceDueOn(Date(appliedOn)).ShouldBe(Date(dueOn));

    [Theory]
    [InlineData(false, "2026-04-19")]
    [InlineData(true, "2026-04-29")]
    public void the_court_rules_within_15_days_or_25_when_extended(bool extended, string dueOn) =>
        MediationTimes.RulingDueOn(new DateOnly(2026, 4, 4), extended).ShouldBe(Date(dueOn));

    [Theory]
    [InlineData(4, 20, 23, 59, 0)]
    [InlineData(4, 21, 0, 0, -1)]
    [InlineData(4, 9, 8, 0, 11)]
    public void days_left_are_calendar_days_in_china_time(int month, int day, int hour, int minute, int left) =>
        MediationTimes.DaysLeft(ConfirmationLastDay, At(month, day, hour, minute)).ShouldBe(left);
}
