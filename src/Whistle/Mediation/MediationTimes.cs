using Whistle.County.Calendar;
using Whistle.Kernel;

namespace Whistle.Mediation;

/// <summary>
/// The time limits of a mediation case, counted in China time. A period "within N days of" a day starts the next day
/// and ends at 24:00 of its last day (民法典 Art. 201–203; 民事诉讼法 Art. 85); a month ends on the same date of the
/// next month, or that month's last day when it has none. The parties' periods (the one-month limit, the 30-day
/// confirmation window) whose last day is a rest day end with the next working day (Art. 203); the court's own days
/// and the day-20 reminder are not moved. Pure: the county's calendar is an argument.
/// </summary>
public static class MediationTimes
{
    /// <summary>MoJ 2002 rules: 一般在一个月内调结.</summary>
    public const int LimitMonths = 1;
    /// <summary>人民调解法 Art. 33: both parties apply within 30 days of the agreement taking effect.</summary>
    public const int ConfirmationWindowDays = 30;
    /// <summary>
    /// The parties are reminded on day 20 if they have not applied, at the start of office hours; day 20 is a reminder,
    /// not a period's end, so a rest day does not move it.
    /// </summary>
    public const int ConfirmationReminderDay = 20;
    public static readonly TimeSpan ReminderHour = TimeSpan.FromHours(9);
    /// <summary>The docket flags a window with this many days or fewer left.</summary>
    public const int ClosingSoonDays = 10;
    /// <summary>法释〔2011〕5号 Art. 4: the court decides within 3 days whether to accept.</summary>
    public const int CourtAcceptanceDays = 3;
    /// <summary>Art. 6: it rules within 15 days of accepting, 10 more with the president's approval.</summary>
    public const int CourtRulingDays = 15;
    public const int CourtRulingExtensionDays = 10;

    /// <summary>The county's calendar day at this instant.</summary>
    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(CountyTime.Local(instant).DateTime);

    /// <summary>24:00 China time of this day: the instant a period whose last day it is ends.</summary>
    public static DateTimeOffset EndOf(DateOnly day) =>
        new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), CountyTime.Offset);

    /// <summary>
    /// 民法典 Art. 203: a last day that is a rest day under the county's calendar — a weekend, a statutory holiday or a
    /// day the county closes — gives way to the next working day. A make-up workday is a working day and stays.
    /// </summary>
    public static DateOnly OnWorkingDay(DateOnly lastDay, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        while (!calendar.IsWorkingDay(lastDay)) lastDay = lastDay.AddDays(1);
        return lastDay;
    }

    public static DateOnly LimitLastDay(DateTimeOffset acceptedAt, WorkingCalendar calendar) =>
        OnWorkingDay(Day(acceptedAt).AddMonths(LimitMonths), calendar);

    public static DateOnly ConfirmationLastDay(DateTimeOffset effectiveAt, WorkingCalendar calendar) =>
        OnWorkingDay(Day(effectiveAt).AddDays(ConfirmationWindowDays), calendar);

    public static DateTimeOffset ConfirmationReminderAt(DateTimeOffset effectiveAt) =>
        EndOf(Day(effectiveAt).AddDays(ConfirmationReminderDay - 1)).Add(ReminderHour);

    public static DateOnly AcceptanceDueOn(DateOnly appliedOn) => appliedOn.AddDays(CourtAcceptanceDays);

    public static DateOnly RulingDueOn(DateOnly acceptedOn, bool extended) =>
        acceptedOn.AddDays(CourtRulingDays + (extended ? CourtRulingExtensionDays : 0));

    /// <summary>Days from today to the last day: 0 on the last day itself, negative once it has passed.</summary>
    public static int DaysLeft(DateOnly lastDay, DateTimeOffset now) => lastDay.DayNumber - Day(now).DayNumber;
}
