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
