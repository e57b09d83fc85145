using Whistle.Hosting;

namespace Whistle.Mediation;

/// <summary>
/// The time limits of a mediation case, counted in China time. A period "within N days of" a day starts the next day
/// and ends at 24:00 of its last day (民法典 Art. 201–203; 民事诉讼法 Art. 85); a month ends on the same date of the
/// next month, or that month's last day when it has none. Rest days do not move a last day here.
/// </summary>
public static class MediationTimes
{
    /// <summary>MoJ 2002 rules: 一般在一个月内调结.</summary>
    public const int LimitMonths = 1;
    /// <summary>人民调解法 Art. 33: both parties apply within 30 days of the agreement taking effect.</summary>
    public const int ConfirmationWindowDays = 30;
    /// <summary>The parties are reminded on day 20 if they have not applied, at the start of office hours.</summary>
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

    public static DateOnly LimitLastDay(DateTimeOffset acceptedAt) => Day(acceptedAt).AddMonths(LimitMonths);

    public static DateOnly ConfirmationLastDay(DateTimeOffset effectiveAt) => Day(effectiveAt).AddDays(ConfirmationWindowDays);

    public static DateTimeOffset ConfirmationReminderAt(DateTimeOffset effectiveAt) =>
        EndOf(Day(effectiveAt).AddDays(ConfirmationReminderDay - 1)).Add(ReminderHour);

    public static DateOnly AcceptanceDueOn(DateOnly appliedOn) => appliedOn.AddDays(CourtAcceptanceDays);

    public static DateOnly RulingDueOn(DateOnly acceptedOn, bool extended) =>
        acceptedOn.AddDays(CourtRulingDays + (extended ? CourtRulingExtensionDays : 0));

    /// <summary>Days from today to the last day: 0 on the last day itself, negative once it has passed.</summary>
    public static int DaysLeft(DateOnly lastDay, DateTimeOffset now) => lastDay.DayNumber - Day(now).DayNumber;
}
