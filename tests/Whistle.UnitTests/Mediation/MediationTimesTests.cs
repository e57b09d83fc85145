using System.Globalization;
using Shouldly;
using Whistle.Mediation;
using Xunit;
using static Whistle.UnitTests.Mediation.MediationHistory;

namespace Whistle.UnitTests.Mediation;

public class MediationTimesTests
{
    [Theory]
    [InlineData("2026-03-02T11:00:00+08:00", "2026-04-02")]
    [InlineData("2026-01-31T10:00:00+08:00", "2026-02-28")]   // no 31 February: the month's last day
    [InlineData("2026-12-15T10:00:00+08:00", "2027-01-15")]
    [InlineData("2026-03-01T23:30:00+08:00", "2026-04-01")]
    [InlineData("2026-03-01T16:30:00+00:00", "2026-04-02")]   // 00:30 on 2 March in China
    public void the_one_month_limit_ends_on_the_same_date_of_the_next_month_in_china_time(string acceptedAt, string lastDay) =>
        MediationTimes.LimitLastDay(DateTimeOffset.Parse(acceptedAt, CultureInfo.InvariantCulture))
            .ShouldBe(DateOnly.Parse(lastDay, CultureInfo.InvariantCulture));

    [Fact]
    public void a_last_day_ends_at_midnight_china_time() =>
        MediationTimes.EndOf(new DateOnly(2026, 4, 2)).ShouldBe(new DateTimeOffset(2026, 4, 2, 16, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("2026-03-20T15:00:00+08:00", "2026-04-19")]
    [InlineData("2026-03-20T00:00:00+08:00", "2026-04-19")]
    [InlineData("2026-03-20T23:59:59+08:00", "2026-04-19")]
    [InlineData("2026-12-10T09:00:00+08:00", "2027-01-09")]
    public void the_confirmation_window_counts_30_days_from_the_day_after_the_agreement_took_effect(string signedAt, string lastDay) =>
        MediationTimes.ConfirmationLastDay(DateTimeOffset.Parse(signedAt, CultureInfo.InvariantCulture))
            .ShouldBe(DateOnly.Parse(lastDay, CultureInfo.InvariantCulture));

    [Fact]
    public void the_reminder_comes_at_nine_on_day_20() =>
        MediationTimes.ConfirmationReminderAt(SignedAt).ShouldBe(At(4, 9, 9, 0));

    [Theory]
    [InlineData("2026-04-01", "2026-04-04")]
    [InlineData("2026-12-30", "2027-01-02")]
    public void the_court_decides_on_accepting_within_3_days(string appliedOn, string dueOn) =>
        MediationTimes.AcceptanceDueOn(DateOnly.Parse(appliedOn, CultureInfo.InvariantCulture))
            .ShouldBe(DateOnly.Parse(dueOn, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(false, "2026-04-19")]
    [InlineData(true, "2026-04-29")]
    public void the_court_rules_within_15_days_or_25_when_extended(bool extended, string dueOn) =>
        MediationTimes.RulingDueOn(new DateOnly(2026, 4, 4), extended)
            .ShouldBe(DateOnly.Parse(dueOn, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(4, 19, 23, 59, 0)]
    [InlineData(4, 20, 0, 0, -1)]
    [InlineData(4, 9, 8, 0, 10)]
    public void days_left_are_calendar_days_in_china_time(int month, int day, int hour, int minute, int left) =>
        MediationTimes.DaysLeft(ConfirmationLastDay, At(month, day, hour, minute)).ShouldBe(left);
}
