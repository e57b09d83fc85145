using Whistle.County.Calendar;

namespace Whistle.County.Deadlines;

/// <summary>
/// The due times of one assignment, with the versions of the policy and calendar they were computed under.
/// <paramref name="WithoutOfficialSchedule"/> is true when a working-time due time runs through a year whose State
/// Council schedule is neither embedded nor loaded, so its holidays were counted as working days; null otherwise
/// (an optional trailing field: events recorded before it read as null).
/// </summary>
public sealed record AssignmentDeadlines(
    DateTimeOffset SignForDue, DateTimeOffset SignForReminder,
    DateTimeOffset ReplyDue, DateTimeOffset ReplyReminder,
    int PolicyVersion, int CalendarVersion, bool? WithoutOfficialSchedule = null);

public static class WhistleDeadlines
{
    /// <summary>
    /// Both deadlines run from the moment the whistle is blown: the sign-for and the reply interval of the type's
    /// rule, each with its reminder at the rule's fraction of the interval. Pure.
    /// </summary>
    public static AssignmentDeadlines Compute(
        WhistleType type, DateTimeOffset start, DeadlinePolicy policy, CountyCalendar county)
    {
        var rule = policy.Rule(type);
        var calendar = county.ToWorkingCalendar();
        var signFor = DueTimes.Due(start, rule.SignFor, calendar);
        var reply = DueTimes.Due(start, rule.Reply, calendar);
        var unscheduled = DueTimes.YearsWithoutOfficialSchedule(start, signFor, rule.SignFor, county)
            .Concat(DueTimes.YearsWithoutOfficialSchedule(start, reply, rule.Reply, county)).Any();
        return new AssignmentDeadlines(
            signFor, DueTimes.Reminder(start, signFor, rule.ReminderAt),
            reply, DueTimes.Reminder(start, reply, rule.ReminderAt),
            policy.Version, county.Version, unscheduled ? true : null);
    }
}

/// <summary>
/// When the joint-meeting office must rule on a rejection (审定) and when it is reminded, with the versions of the
/// policy and calendar they were computed under.
/// </summary>
public sealed record RulingDeadline(DateTimeOffset Due, DateTimeOffset Reminder, int PolicyVersion, int CalendarVersion);

/// <summary>The other times of the whistle workflow the deadline policy sets, each pure.</summary>
public static class WhistleWindows
{
    /// <summary>
    /// The end of the window in which a department may reject (退单) an assignment it got at <paramref name="assignedAt"/>
    /// (the whistle blown, or a reassignment): the policy's rejection window of the type, on the county calendar.
    /// </summary>
    public static DateTimeOffset RejectionWindowEnd(WhistleType type, DateTimeOffset assignedAt, DeadlinePolicy policy, CountyCalendar county) =>
        DueTimes.Due(assignedAt, policy.RejectionWindow(type), county.ToWorkingCalendar());

    /// <summary>The office's ruling on a rejection made at <paramref name="rejectedAt"/>: due after the policy's ruling time, reminded at its fraction.</summary>
    public static RulingDeadline Ruling(WhistleType type, DateTimeOffset rejectedAt, DeadlinePolicy policy, CountyCalendar county)
    {
        var due = DueTimes.Due(rejectedAt, policy.Ruling(type), county.ToWorkingCalendar());
        return new RulingDeadline(due, DueTimes.Reminder(rejectedAt, due, policy.RulingReminderAt(type)), policy.Version, county.Version);
    }

    /// <summary>When a due time missed at <paramref name="overdueAt"/>, if still uncured, is published as a notice (通报).</summary>
    public static DateTimeOffset BreachNoticeAt(WhistleType type, DateTimeOffset overdueAt, DeadlinePolicy policy, CountyCalendar county) =>
        DueTimes.Due(overdueAt, policy.BreachNotice(type), county.ToWorkingCalendar());
}
