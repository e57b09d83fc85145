using System.Globalization;
using Whistle.Complaints;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Whistle.Kernel;
using Whistle.UnitTests.Whistles;
using Wolverine;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

/// <summary>The Given events of complaint tests: one complaint in the sample county, and the histories that lead to each status.</summary>
public static class ComplaintHistory
{
    public static readonly Guid Id = Guid.Parse("019ab0c2-4a00-7000-8000-000000000123");
    public const string Number = "TS-2026-000123";
    public static readonly Guid OtherId = Guid.Parse("019ab0c2-4a00-7000-8000-000000000124");
    public const string OtherNumber = "TS-2026-000124";
    public static readonly Guid EarlierId = Guid.Parse("019ab0c2-4a00-7000-8000-000000000100");
    public const string EarlierNumber = "TS-2026-000100";

    public const string SubDistrictId = "SD01";      // 城关街道
    public const string CommunityId = "CM0101";      // 东关社区
    public const string CompoundId = "CP010101";     // 东关花园
    public const string NeighbourCommunityId = "CM0102";   // 西关社区, same sub-district
    public const string OtherSubDistrictId = "SD02";       // 河滨街道
    public const string OtherSubDistrictCommunityId = "CM0201";

    public static readonly DateTimeOffset LodgedAt = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));
    public static readonly Actor Clerk = Users.ClerkActor;

    /// <summary>The built-in time limits, published as the county's version 3, over its calendar's version 2.</summary>
    public static readonly ComplaintTiming TimeLimits = new(
        DeadlinePolicy.Default with { Version = 3 }, new CountyCalendar { Id = CountyCalendar.StreamId, Version = 2 });

    /// <summary>A local time in China (+08:00), e.g. <c>At("2026-12-08T17:00")</c>.</summary>
    public static DateTimeOffset At(string localTime) =>
        new(DateTime.Parse(localTime, CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    /// <summary>A due time as <see cref="TimeLimits"/> records it (policy version 3, calendar version 2).</summary>
    public static ComplaintDeadline Due(ComplaintStep step, string dueAt, string remindAt) =>
        new(step, At(dueAt), At(remindAt), PolicyVersion: 3, CalendarVersion: 2);

    /// <summary>The reminder and the deadline a due time schedules, as <see cref="Timers"/> unwraps them.</summary>
    public static Scheduled[] TimersOf(Guid complaintId, ComplaintDeadline due) =>
    [
        new(new ComplaintReminderDue(complaintId, due.Step, due.DueAt), due.RemindAt),
        new(new ComplaintDeadlineReached(complaintId, due.Step, due.DueAt), due.DueAt),
    ];

    /// <summary>Unwraps Wolverine's <c>ScheduledAt</c> envelopes of the complaint's timers so they compare by value.</summary>
    public static IReadOnlyList<Scheduled> Timers(this OutgoingMessages messages) =>
        messages.Select(m => m switch
        {
            DeliveryMessage<ComplaintReminderDue> d => new Scheduled(d.Message, d.Options.ScheduledTime),
            DeliveryMessage<ComplaintDeadlineReached> d => new Scheduled(d.Message, d.Options.ScheduledTime),
            _ => new Scheduled(m, null),
        }).ToList();

    public static readonly Complainant Resident = new("王小明", "13812345678", "东关花园 3 栋 2 单元 501");

    public static ComplaintLodged Lodged(
        Guid? id = null, string number = Number, string communityId = CommunityId, string subDistrictId = SubDistrictId) =>
        new(id ?? Id, number, ComplaintChannel.Hotline, "illegal-construction", CompoundId, communityId, subDistrictId,
            Resident, "楼顶有人违章搭建彩钢房。", Clerk, LodgedAt);

    public static ComplaintAccepted Accepted() => new(Id, Clerk, LodgedAt.AddHours(1));

    public static ComplaintDeclined Declined() =>
        new(Id, "属于民事纠纷，不属于投诉受理范围。", "县人民法院", Clerk, LodgedAt.AddHours(1));

    public static ComplaintNoteAdded NoteAdded(string text = "已联系物业核实。", NoteVisibility visibility = NoteVisibility.Internal) =>
        new(Id, Guid.Parse("019ab0c2-4a00-7000-8000-0000000000a1"), visibility, text, Clerk, LodgedAt.AddHours(2));

    public static ComplaintResolved Resolved(string outcome = "彩钢房已拆除。") => new(Id, outcome, Clerk, LodgedAt.AddDays(3));

    public static ComplaintFollowUpRecorded FollowedUp(Satisfaction satisfaction, string? comment = null) =>
        new(Id, satisfaction, comment, Clerk, LodgedAt.AddDays(4));

    public static ComplaintClosed Closed() => new(Id, Clerk, LodgedAt.AddDays(5));

    public static ComplaintReopened Reopened() => new(Id, "回访不满意：只拆了一半。", Clerk, LodgedAt.AddDays(5));

    public static ComplaintWithdrawn Withdrawn() => new(Id, "邻里已协商解决。", Clerk, LodgedAt.AddDays(1));

    public static ComplaintMarkedDuplicate MarkedDuplicate(Guid? originalId = null, string originalNumber = EarlierNumber) =>
        new(Id, originalId ?? EarlierId, originalNumber, Clerk, LodgedAt.AddHours(1));

    public static ComplaintLinked Linked(Guid? otherId = null, string otherNumber = OtherNumber) =>
        new(Id, otherId ?? OtherId, otherNumber, Clerk, LodgedAt.AddHours(2));

    /// <summary>The shortest history that leaves the complaint in this status.</summary>
    public static object[] HistoryOf(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Lodged => [Lodged()],
        ComplaintStatus.Accepted => [Lodged(), Accepted()],
        ComplaintStatus.Declined => [Lodged(), Declined()],
        ComplaintStatus.Resolved => [Lodged(), Accepted(), Resolved()],
        ComplaintStatus.FollowedUp => [.. HistoryOf(ComplaintStatus.Resolved), FollowedUp(Satisfaction.Satisfied)],
        ComplaintStatus.Closed => [.. HistoryOf(ComplaintStatus.FollowedUp), Closed()],
        ComplaintStatus.Withdrawn => [Lodged(), Accepted(), Withdrawn()],
        ComplaintStatus.Duplicate => [Lodged(), MarkedDuplicate()],
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No history leads there."),
    };

    /// <summary>The write model of a complaint in this status, checked to really be in it.</summary>
    public static Complaint ComplaintThatIs(ComplaintStatus status)
    {
        var complaint = Given<Complaint>(HistoryOf(status));
        return complaint.Status == status
            ? complaint
            : throw new InvalidOperationException($"The history of {status} folds to {complaint.Status}.");
    }

    /// <summary>A complaint as the details projection holds it.</summary>
    public static ComplaintDetails Details(
        Guid id, string number, string communityId = CommunityId, string subDistrictId = SubDistrictId,
        params object[] more) =>
        Project<ComplaintDetailsProjection, ComplaintDetails>([Lodged(id, number, communityId, subDistrictId), .. more]);

    /// <summary>Another complaint named in a command's body, as its own stream folds it (what duplicate and link decisions load).</summary>
    public static NamedComplaint Named(
        Guid id, string number, string communityId = CommunityId, string subDistrictId = SubDistrictId,
        params object[] more) =>
        new(Given<Complaint>([Lodged(id, number, communityId, subDistrictId), .. more]));

    /// <summary>A complaint named in a command's body that does not exist.</summary>
    public static readonly NamedComplaint Unknown = new(null);
}
