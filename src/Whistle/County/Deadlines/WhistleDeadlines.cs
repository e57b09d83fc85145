using Whistle.County.Calendar;

namespace Whistle.County.Deadlines;

/// <summary>The due times of one assignment, with the versions of the policy and calendar they were computed under.</summary>
public sealed record AssignmentDeadlines(
    DateTimeOffset SignForDue, DateTimeOffset SignForReminder,
    DateTimeOffset ReplyDue, DateTimeOffset ReplyReminder,
    int PolicyVersion, int CalendarVersion);

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
        return new AssignmentDeadlines(
            signFor, DueTimes.Reminder(start, signFor, rule.ReminderAt),
            reply, DueTimes.Reminder(start, reply, rule.ReminderAt),
            policy.Version, county.Version);
    }
}
