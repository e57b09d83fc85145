using Marten;
using Whistle.County;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Wolverine;

namespace Whistle.Complaints;

/// <summary>The policy and calendar in force, for the complaint decisions that set a due time (lodge, accept, resolve, reopen).</summary>
public sealed record ComplaintTiming(DeadlinePolicy Policy, CountyCalendar Calendar)
{
    /// <summary>The due time of <paramref name="step"/> for a complaint of this urgency and category, started now.</summary>
    public ComplaintDeadline Due(ComplaintStep step, ComplaintUrgency urgency, string categoryId, DateTimeOffset now) =>
        ComplaintTimeLimits.Compute(step, urgency, categoryId, now, Policy, Calendar);

    /// <summary>The due time of <paramref name="step"/> for this complaint, started now.</summary>
    public ComplaintDeadline Due(ComplaintStep step, Complaint complaint, DateTimeOffset now) =>
        Due(step, complaint.Urgency, complaint.CategoryId, now);

    /// <summary>The policy and calendar in force, from memory (<see cref="CountyReferenceCache"/>).</summary>
    public static async Task<ComplaintTiming> LoadAsync(IQuerySession session, CountyReferenceCache reference, CancellationToken ct) =>
        From(await reference.CurrentAsync(session, ct));

    public static ComplaintTiming From(CountyReference county) => new(county.Policy, county.Calendar);
}

/// <summary>
/// The complaint's time limits at work: every act that starts a step (lodging → accept, acceptance or reopening →
/// resolve, resolution → follow-up) records the step's due time on its event and schedules a reminder and a deadline
/// for it, durable and never cancelled. A step done, or a later due time, leaves them stale: their handlers then do nothing.
/// </summary>
public static class ComplaintDeadlines
{
    /// <summary>The reminder and the deadline of a due time, scheduled now and never cancelled.</summary>
    public static OutgoingMessages Schedule(Guid complaintId, ComplaintDeadline due) =>
    [
        new ComplaintReminderDue(complaintId, due.Step, due.DueAt).ScheduledAt(due.RemindAt),
        new ComplaintDeadlineReached(complaintId, due.Step, due.DueAt).ScheduledAt(due.DueAt),
    ];

    /// <summary>Whether this step, due at this time, is still the one the complaint waits for: not done, not re-timed, not ended.</summary>
    public static bool IsCurrent(Complaint complaint, ComplaintStep step, DateTimeOffset dueAt) =>
        !complaint.IsFinal && complaint.Due is { } due && due.Step == step && due.DueAt == dueAt;

    /// <summary>Who a reminder tells: the workers of the complaint's community, who handle it.</summary>
    public static IReadOnlyList<Audience> ToldOfReminder(Complaint complaint) => [Audience.Community(complaint.CommunityId)];

    /// <summary>Who a missed due time tells: the community, which must act, and the joint-meeting office, which supervises overdue work.</summary>
    public static IReadOnlyList<Audience> ToldOfOverdue(Complaint complaint) => [Audience.Community(complaint.CommunityId), Audience.Office];

    public static string Label(this ComplaintStep step) => step switch
    {
        ComplaintStep.Accept => "受理",
        ComplaintStep.Resolve => "办结",
        ComplaintStep.FollowUp => "回访",
        _ => step.ToString(),
    };

    public static string Label(this ComplaintUrgency urgency) => urgency switch
    {
        ComplaintUrgency.Emergency => "紧急",
        ComplaintUrgency.Ordinary => "一般",
        ComplaintUrgency.Complex => "复杂",
        _ => urgency.ToString(),
    };
}
