using System.Collections;
using System.Globalization;
using System.Reflection;
using Shouldly;
using Whistle.County.Calendar;
using Whistle.County.Catalogue;
using Whistle.County.Deadlines;
using Whistle.County.Directory;
using Whistle.Kernel;
using Whistle.UnitTests.Complaints;
using Whistle.Whistles;
using Wolverine;
using Wolverine.Marten;
using WhistleModel = Whistle.Whistles.Whistle;

namespace Whistle.UnitTests.Whistles;

/// <summary>
/// The Given events of whistle tests: a routine whistle blown by 东关社区 on the sample complaint, led by 城管 with 规划
/// co-handling, timed by the built-in policy over the official calendar, and the events that can follow.
/// </summary>
public static class WhistleHistory
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The business time decisions run at: Monday 2026-03-02 10:00, an ordinary working week.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, China);

    /// <summary>The Given whistle was blown an hour before <see cref="Now"/>.</summary>
    public static readonly DateTimeOffset BlownAt = new(2026, 3, 2, 9, 0, 0, China);

    public static readonly Guid WhistleId = Guid.Parse("019ca8f0-3000-7000-8000-00000000b001");
    public static readonly Guid OtherWhistleId = Guid.Parse("019ca8f0-3000-7000-8000-00000000b002");

    public const string Category = "illegal-construction";
    public const string Lead = "chengguan";       // 县城市管理局
    public const string CoHandler = "guihua";     // 县自然资源和规划局
    public const string Other = "zhujian";        // 县住房和城乡建设局, not on the whistle
    public const string Spare = "gongan";         // 县公安局, not on the whistle
    public const string Need = "楼顶违章搭建彩钢房，社区劝阻无效，请城管牵头、规划配合认定并拆除。";

    public static readonly Actor Whistler = Users.CommunityWorkerActor;

    public static CountyCalendar OfficialCalendar => new() { Id = CountyCalendar.StreamId };

    public static WhistleTiming Timing => new(DeadlinePolicy.Default, OfficialCalendar);

    /// <summary>The catalogue's one line: illegal construction goes to 城管 (lead) with 规划, as a routine whistle.</summary>
    public static DispatchCatalogue OneLineCatalogue => new()
    {
        Id = DispatchCatalogue.StreamId,
        Version = 4,
        Entries = [new CatalogueEntry(Category, "违法建设", "Illegal construction", Lead, [CoHandler], WhistleType.Routine)],
    };

    public static DepartmentCodes Departments => new(new HashSet<string>(StringComparer.Ordinal) { Lead, CoHandler, Other, Spare });

    /// <summary>The departments with an active officer in the staff register: all but <see cref="Spare"/>.</summary>
    public static IReadOnlySet<string> Staffed => new HashSet<string>(StringComparer.Ordinal) { Lead, CoHandler, Other };

    public static WhistleRouting Routing => new(OneLineCatalogue, DeadlinePolicy.Default, OfficialCalendar, Departments, Staffed);

    /// <summary>The due times the built-in policy gives a whistle of this type started at this time.</summary>
    public static AssignmentDeadlines DeadlinesFrom(DateTimeOffset start, WhistleType type = WhistleType.Routine) =>
        WhistleDeadlines.Compute(type, start, DeadlinePolicy.Default, OfficialCalendar);

    public static AssignmentDeadlines Original => DeadlinesFrom(BlownAt);

    /// <summary>The end of the rejection window the built-in policy gives an assignment got at this time.</summary>
    public static DateTimeOffset RejectionWindowFrom(DateTimeOffset assignedAt, WhistleType type = WhistleType.Routine) =>
        WhistleWindows.RejectionWindowEnd(type, assignedAt, DeadlinePolicy.Default, OfficialCalendar);

    /// <summary>The ruling the built-in policy gives the office on a rejection made at this time.</summary>
    public static RulingDeadline RulingFrom(DateTimeOffset rejectedAt, WhistleType type = WhistleType.Routine) =>
        WhistleWindows.Ruling(type, rejectedAt, DeadlinePolicy.Default, OfficialCalendar);

    public static Actor Officer(string department) => Users.DepartmentOfficerActor(department);

    public static WhistleBlown Blown(
        WhistleLevel level = WhistleLevel.Community, WhistleType type = WhistleType.Routine, params string[] coHandling) =>
        new(WhistleId, ComplaintHistory.Id, ComplaintHistory.Number, Category, type, level,
            ComplaintHistory.CommunityId, ComplaintHistory.SubDistrictId, Need,
            [
                new AssignmentTerms(Lead, AssignmentRole.Lead, DeadlinesFrom(BlownAt, type), RejectionWindowFrom(BlownAt, type)),
                .. (coHandling.Length == 0 ? [CoHandler] : coHandling)
                    .Select(d => new AssignmentTerms(d, AssignmentRole.CoHandling, DeadlinesFrom(BlownAt, type), RejectionWindowFrom(BlownAt, type))),
            ],
            4, null, Whistler, BlownAt);

    public static AssignmentSignedFor SignedFor(string department) =>
        new(WhistleId, department, Officer(department), BlownAt.AddMinutes(20));

    public static AssignmentReplied Replied(string department) =>
        new(WhistleId, department, "已责令拆除，现场复查完毕。", ["photo-1.jpg"], Officer(department), BlownAt.AddDays(3));

    public static ExtensionRequested ExtensionAsked(string department, DateTimeOffset proposedReplyDue) =>
        new(WhistleId, department, proposedReplyDue, "需等待规划认定结论。", Officer(department), BlownAt.AddDays(2));

    public static ExtensionGranted Granted(string department, DateTimeOffset replyDue, DateTimeOffset replyReminder) =>
        new(WhistleId, department, replyDue, replyReminder, Whistler, BlownAt.AddDays(2).AddHours(1));

    public static ExtensionRefused Refused(string department) =>
        new(WhistleId, department, "情况紧急，不宜延期。", Whistler, BlownAt.AddDays(2).AddHours(1));

    /// <summary>When the Given rejections are made: two hours after the whistle was blown.</summary>
    public static readonly DateTimeOffset RejectedAt = BlownAt.AddHours(2);

    public static AssignmentRejected Rejected(string department) =>
        new(WhistleId, department, "《城乡规划法》第六十四条", "违法建设的认定属规划部门职责。", Officer(department), RejectedAt);

    /// <summary>The pause a rejection begins: the office to rule by the built-in ruling time.</summary>
    public static AssignmentPaused Paused(string department) =>
        new(WhistleId, department, PauseReason.AwaitingRuling, RulingFrom(RejectedAt), Officer(department), RejectedAt);

    /// <summary>A rejection as the endpoint records it: the rejection, then the pause.</summary>
    public static object[] RejectedAndPaused(string department) => [Rejected(department), Paused(department)];

    public static AssignmentPauseEnded PauseEnded(string department) =>
        new(WhistleId, department, PauseReason.AwaitingRuling, Users.OfficeActor, BlownAt.AddHours(4));

    public static RulingReminderSent RulingReminded(string department) =>
        new(WhistleId, department, RulingFrom(RejectedAt).Due, RulingFrom(RejectedAt).Reminder, [Audience.Office]);

    public static RulingOverdue RulingMissed(string department) =>
        new(WhistleId, department, RulingFrom(RejectedAt).Due, RulingFrom(RejectedAt).Due, [Audience.Supervisors, Audience.Office]);

    public static SupervisionOpened Supervised(string department, WhistleLevel from = WhistleLevel.Community) =>
        new(WhistleId, from, WhistleLevel.CountySupervision, department, RulingFrom(RejectedAt).Due, RulingFrom(RejectedAt).Due,
            [Audience.Supervisors, Audience.Office]);

    public static BreachNoticePublished Noticed(string department, DeadlineKind missed, DateTimeOffset dueAt, DateTimeOffset at) =>
        new(WhistleId, ComplaintHistory.Id, ComplaintHistory.Number, ComplaintHistory.CommunityId, ComplaintHistory.SubDistrictId,
            department, missed, dueAt, dueAt, 0, 0, at, [Audience.Office, Audience.Officers(department)]);

    public static RejectionArbitrated Upheld(string department, string reassignTo, AssignmentDeadlines renewed, AssignmentRole role = AssignmentRole.Lead) =>
        new(WhistleId, department, ArbitrationRuling.Upheld, "退单理由成立。",
            new AssignmentTerms(reassignTo, role, renewed, RejectionWindowFrom(BlownAt.AddHours(4))), null, Users.OfficeActor, BlownAt.AddHours(4));

    public static RejectionArbitrated Overruled(string department, AssignmentDeadlines renewed) =>
        new(WhistleId, department, ArbitrationRuling.Overruled, "属本部门职责。", null, renewed, Users.OfficeActor, BlownAt.AddHours(4));

    public static ReminderSent Reminded(string department, DeadlineKind kind, DateTimeOffset dueAt, DateTimeOffset at) =>
        new(WhistleId, department, kind, dueAt, at);

    public static AssignmentOverdue Overdue(string department, DeadlineKind kind, DateTimeOffset dueAt) =>
        new(WhistleId, department, kind, dueAt, dueAt);

    public static WhistleEscalated Escalated(
        WhistleLevel from, string department, DeadlineKind missed, AssignmentDeadlines renewed, DateTimeOffset at) =>
        new(WhistleId, from, from + 1, department, missed, renewed, at);

    public static AssignmentDeadlinesRenewed RenewedInRound(
        WhistleLevel level, string department, DeadlineKind missed, AssignmentDeadlines renewed, DateTimeOffset at) =>
        new(WhistleId, department, missed, level, renewed, at);

    /// <summary>The due times a missed sign-for renews: a new sign-for from the miss, the reply still due when it was.</summary>
    public static AssignmentDeadlines SignForRenewedFrom(DateTimeOffset at, AssignmentDeadlines before) =>
        DeadlinesFrom(at) with { ReplyDue = before.ReplyDue, ReplyReminder = before.ReplyReminder };

    public static ReplyReturned Returned(string department, AssignmentDeadlines renewed) =>
        new(WhistleId, department, "现场仍有残余构件。", renewed, Whistler, BlownAt.AddDays(4));

    public static DepartmentRated Rated(string department, int score = 5) =>
        new(WhistleId, department, score, null, Whistler, BlownAt.AddDays(5));

    public static WhistleConcluded Concluded(params string[] departments) =>
        new(WhistleId, ComplaintHistory.Id, departments.Length == 0 ? [Lead, CoHandler] : departments, Whistler, BlownAt.AddDays(5));

    /// <summary>The write model after these events, folded through its own Create and Apply.</summary>
    public static WhistleModel WhistleAfter(params object[] events) => EventSpecification.Given<WhistleModel>(events);

    /// <summary>The details read model after these events, folded through the projection.</summary>
    public static WhistleDetails DetailsAfter(params object[] events) =>
        EventSpecification.Project<WhistleDetailsProjection, WhistleDetails>(events);

    /// <summary>The whistle once every department has replied: ready to conclude.</summary>
    public static object[] AllReplied =>
        [Blown(), SignedFor(Lead), SignedFor(CoHandler), Replied(Lead), Replied(CoHandler)];
}

/// <summary>An outgoing message as a test reads it: the message, and when Wolverine is to deliver it (null: now).</summary>
public sealed record Scheduled(object Message, DateTimeOffset? At)
{
    /// <summary>The reminder and then the deadline a due time schedules, as the whistle rules promise them.</summary>
    public static Scheduled[] For(string department, DeadlineKind kind, DateTimeOffset due, DateTimeOffset reminder) =>
    [
        new(new WhistleReminderDue(WhistleHistory.WhistleId, department, kind, due), reminder),
        new(new WhistleDeadlineReached(WhistleHistory.WhistleId, department, kind, due), due),
    ];

    public static Scheduled[] SignFor(string department, AssignmentDeadlines due) =>
        For(department, DeadlineKind.SignFor, due.SignForDue, due.SignForReminder);

    public static Scheduled[] Reply(string department, AssignmentDeadlines due) =>
        For(department, DeadlineKind.Reply, due.ReplyDue, due.ReplyReminder);

    /// <summary>The office's ruling on the department's rejection: its reminder, then its deadline.</summary>
    public static Scheduled[] Ruling(string department, RulingDeadline ruling) =>
    [
        new(new RulingReminderDue(WhistleHistory.WhistleId, department, ruling.Due), ruling.Reminder),
        new(new RulingDeadlineReached(WhistleHistory.WhistleId, department, ruling.Due), ruling.Due),
    ];

    /// <summary>
    /// The notice of a breach recorded at <paramref name="overdueAt"/>, at the built-in 5 working days later, under
    /// policy and calendar version 0.
    /// </summary>
    public static Scheduled Notice(string department, DeadlineKind kind, DateTimeOffset dueAt, DateTimeOffset overdueAt)
    {
        var at = WhistleWindows.BreachNoticeAt(WhistleType.Routine, overdueAt, DeadlinePolicy.Default, WhistleHistory.OfficialCalendar);
        return new(new BreachNoticeDue(WhistleHistory.WhistleId, department, kind, dueAt, overdueAt, at, 0, 0), at);
    }
}

public static class ScheduledAssertions
{
    /// <summary>Unwraps Wolverine's <c>ScheduledAt</c> envelopes so messages and their times compare by value.</summary>
    public static IReadOnlyList<Scheduled> Unwrapped(this OutgoingMessages messages) =>
        messages.Select(m => m switch
        {
            DeliveryMessage<WhistleReminderDue> d => new Scheduled(d.Message, d.Options.ScheduledTime),
            DeliveryMessage<WhistleDeadlineReached> d => new Scheduled(d.Message, d.Options.ScheduledTime),
            DeliveryMessage<RulingReminderDue> d => new Scheduled(d.Message, d.Options.ScheduledTime),
            DeliveryMessage<RulingDeadlineReached> d => new Scheduled(d.Message, d.Options.ScheduledTime),
            DeliveryMessage<BreachNoticeDue> d => new Scheduled(d.Message, d.Options.ScheduledTime),
            _ => new Scheduled(m, null),
        }).ToList();

    /// <summary>A stale deadline: no event, nothing scheduled.</summary>
    public static void ShouldDoNothing(this (Events Events, OutgoingMessages Messages) outcome)
    {
        outcome.Events.ShouldBeEmpty();
        outcome.Messages.ShouldBeEmpty();
    }

    /// <summary>Exactly these messages, scheduled at exactly these times, in any order.</summary>
    public static void ShouldSchedule(this OutgoingMessages messages, params Scheduled[] expected) =>
        messages.Unwrapped().ShouldBe(expected, ignoreOrder: true);
}

public static class EventAssertions
{
    /// <summary>
    /// Exactly these events, in this order, compared field by field. Events carry lists (assignments, evidence,
    /// departments) that a record's own equality compares by reference, so both sides are written out in full.
    /// </summary>
    public static void ShouldBeEvents(this IEnumerable<object> actual, params object[] expected) =>
        actual.Select(Show).ToList().ShouldBe(expected.Select(Show).ToList());

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        DateTimeOffset time => time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss.fffffff zzz", CultureInfo.InvariantCulture),
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Show))}]",
        _ when value.GetType() is { IsEnum: false, Namespace: { } ns } type && ns.StartsWith("Whistle", StringComparison.Ordinal) =>
            $"{type.Name} {{ {string.Join(", ", type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).Select(p => $"{p.Name} = {Show(p.GetValue(value))}"))} }}",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
