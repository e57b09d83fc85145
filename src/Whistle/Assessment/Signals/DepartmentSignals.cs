using System.Collections.Immutable;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Whistle.Complaints;
using Whistle.Whistles;

namespace Whistle.Assessment.Signals;

/// <summary>The patterns of event sequences that may mean a department is gaming its assessment (docs/assessment.md).</summary>
public enum SignalKind
{
    /// <summary>签收后又退单: signed for, then rejected.</summary>
    SignedForThenRejected = 1,
    /// <summary>再次退单: a department rejected again a whistle it had rejected before (overruled, or come back to it).</summary>
    RejectedAgain = 2,
    /// <summary>临期反馈被退回: replied in the last fraction of the time allowed, and the reply was returned (退回重办).</summary>
    LastMinuteReplyReturned = 3,
    /// <summary>办结后短期重开: the complaint was reopened soon after it was resolved or closed on the department's reply.</summary>
    ReopenedSoonAfterClosure = 4,
}

/// <summary>
/// The thresholds of the signals. Constants, so that a rebuild of the projection gives the same signals; a change is a
/// new version of the projection. See docs/assessment.md for a worked example.
/// </summary>
public static class SignalThresholds
{
    /// <summary>A reply given in the last 5% of the time allowed (from the assignment, or its renewal, to the reply due time) is last-minute.</summary>
    public const decimal LastFraction = 0.05m;

    /// <summary>A complaint reopened within 30 days of its latest resolution or closure was reopened soon.</summary>
    public static readonly TimeSpan ReopenWithin = TimeSpan.FromDays(30);

    /// <summary>Whether a reply at <paramref name="at"/> falls in the last fraction of the window from <paramref name="start"/> to <paramref name="due"/> (and not after it).</summary>
    public static bool IsLastMinute(DateTimeOffset start, DateTimeOffset due, DateTimeOffset at)
    {
        var allowed = due - start;
        if (allowed <= TimeSpan.Zero || at > due) return false;
        return at >= due - TimeSpan.FromTicks((long)(allowed.Ticks * LastFraction));
    }
}

/// <summary>One event behind a signal: its type, the stream it was appended to (whistle or complaint), and its time.</summary>
public sealed record SignalEvent(string Type, Guid StreamId, DateTimeOffset At);

/// <summary>One signal: what was seen, on which whistle (and complaint), and the events that show it.</summary>
public sealed record GamingSignal(SignalKind Kind, Guid WhistleId, Guid ComplaintId, IReadOnlyList<SignalEvent> Events);

/// <summary>How many signals of each kind a department has in the month; shown beside its score, never folded into it.</summary>
public sealed record SignalCounts(int SignedForThenRejected, int RejectedAgain, int LastMinuteReplyReturned, int ReopenedSoonAfterClosure)
{
    public int Total => SignedForThenRejected + RejectedAgain + LastMinuteReplyReturned + ReopenedSoonAfterClosure;

    public static readonly SignalCounts None = new(0, 0, 0, 0);

    public static SignalCounts Of(IReadOnlyCollection<GamingSignal> signals) => new(
        signals.Count(s => s.Kind == SignalKind.SignedForThenRejected), signals.Count(s => s.Kind == SignalKind.RejectedAgain),
        signals.Count(s => s.Kind == SignalKind.LastMinuteReplyReturned), signals.Count(s => s.Kind == SignalKind.ReopenedSoonAfterClosure));
}

/// <summary>
/// What the signals remember of one assignment: the events a later event may complete a pattern with. The reply window
/// starts when the department got the assignment, or when its reply due time was renewed (a returned reply, an
/// overruled rejection, a missed reply); an extension moves the due time, not the start.
/// </summary>
public sealed record WatchedAssignment
{
    public Guid WhistleId { get; init; }
    public Guid ComplaintId { get; init; }
    public DateTimeOffset WindowStart { get; init; }
    public DateTimeOffset ReplyDue { get; init; }
    public SignalEvent? SignedFor { get; init; }
    public ImmutableList<SignalEvent> Rejections { get; init; } = [];
    /// <summary>The latest reply, and whether it came in the last fraction of its window.</summary>
    public SignalEvent? Reply { get; init; }
    public bool LastReplyLastMinute { get; init; }
    /// <summary>The complaint's latest resolution or closure.</summary>
    public SignalEvent? Closure { get; init; }
}

/// <summary>
/// A department's gaming signals for one month (keyed "gongan:2026-11", as its scorecard: the month of the
/// assignment's first sign-for due time), computed from event sequences on its assignments and their complaints.
/// Built by the async daemon.
/// </summary>
public sealed record DepartmentSignals
{
    public string Id { get; init; } = "";
    public string Department { get; init; } = "";
    public string Month { get; init; } = "";
    public ImmutableList<WatchedAssignment> Assignments { get; init; } = [];
    public ImmutableList<GamingSignal> Signals { get; init; } = [];

    public static DepartmentSignals Empty(string id)
    {
        var (department, month) = AssessmentMonth.Split(id);
        return new DepartmentSignals { Id = id, Department = department, Month = month };
    }

    /// <summary>The next signals after one event routed here. Pure: the projection's whole logic, and what the unit tests fold.</summary>
    public static DepartmentSignals Next(DepartmentSignals? doc, string id, object data)
    {
        doc ??= Empty(id);
        var department = doc.Department;
        return data switch
        {
            WhistleBlown e => e.Assignments.Where(a => a.Department == department && AssessmentMonth.Of(a.Deadlines.SignForDue) == doc.Month)
                .Aggregate(doc, (d, a) => d.Add(new WatchedAssignment
                {
                    WhistleId = e.WhistleId, ComplaintId = e.ComplaintId, WindowStart = e.At, ReplyDue = a.Deadlines.ReplyDue,
                })),
            RejectionArbitrated e => doc.Arbitrated(e),
            AssignmentSignedFor e when e.Department == department =>
                doc.Change(e.WhistleId, a => a with { SignedFor = a.SignedFor ?? Seen(e, e.WhistleId, e.At) }),
            AssignmentRejected e when e.Department == department => doc.Rejected(e),
            AssignmentReplied e when e.Department == department => doc.Change(e.WhistleId, a => a with
            {
                Reply = Seen(e, e.WhistleId, e.At), LastReplyLastMinute = SignalThresholds.IsLastMinute(a.WindowStart, a.ReplyDue, e.At),
            }),
            ReplyReturned e when e.Department == department => doc.Returned(e),
            ExtensionGranted e when e.Department == department => doc.Change(e.WhistleId, a => a with { ReplyDue = e.ReplyDue }),
            WhistleEscalated e when e.Department == department => doc.Renewed(e.WhistleId, e.Missed, e.Renewed.ReplyDue, e.At),
            AssignmentDeadlinesRenewed e when e.Department == department => doc.Renewed(e.WhistleId, e.Missed, e.Renewed.ReplyDue, e.At),
            ComplaintResolved e => doc.Closed(e.ComplaintId, Seen(e, e.ComplaintId, e.At)),
            ComplaintClosed e => doc.Closed(e.ComplaintId, Seen(e, e.ComplaintId, e.At)),
            ComplaintReopened e => doc.Reopened(e),
            _ => doc,
        };
    }

    private static SignalEvent Seen(object e, Guid stream, DateTimeOffset at) => new(e.GetType().Name, stream, at);

    private DepartmentSignals Rejected(AssignmentRejected e)
    {
        var index = Assignments.FindIndex(a => a.WhistleId == e.WhistleId);
        if (index < 0) return this;
        var a = Assignments[index];
        var rejected = Seen(e, e.WhistleId, e.At);
        var signals = Signals;
        if (a.SignedFor is { } signed && signed.At <= e.At)
            signals = signals.Add(new GamingSignal(SignalKind.SignedForThenRejected, a.WhistleId, a.ComplaintId, [signed, rejected]));
        if (!a.Rejections.IsEmpty)
            signals = signals.Add(new GamingSignal(SignalKind.RejectedAgain, a.WhistleId, a.ComplaintId, [.. a.Rejections, rejected]));
        return this with { Assignments = Assignments.SetItem(index, a with { Rejections = a.Rejections.Add(rejected) }), Signals = signals };
    }

    private DepartmentSignals Arbitrated(RejectionArbitrated e)
    {
        // An overruled department must handle it: its reply window starts again at the ruling.
        var doc = e.Department != Department || e.Ruling != ArbitrationRuling.Overruled || e.Renewed is not { } renewed ? this
            : Change(e.WhistleId, a => a with
            {
                WindowStart = e.At, ReplyDue = renewed.ReplyDue,
                Rejections = a.Rejections.Add(Seen(e, e.WhistleId, e.At)),
            });
        if (e.Reassignment is not { } terms || terms.Department != Department) return doc;
        // The whistle came (back) to this department: a new window; one it held before keeps its history.
        if (doc.Assignments.Any(a => a.WhistleId == e.WhistleId))
            return doc.Change(e.WhistleId, a => a with { WindowStart = e.At, ReplyDue = terms.Deadlines.ReplyDue, SignedFor = null });
        if (AssessmentMonth.Of(terms.Deadlines.SignForDue) != Month) return doc;
        return doc.Add(new WatchedAssignment { WhistleId = e.WhistleId, WindowStart = e.At, ReplyDue = terms.Deadlines.ReplyDue });
    }

    private DepartmentSignals Returned(ReplyReturned e)
    {
        var index = Assignments.FindIndex(a => a.WhistleId == e.WhistleId);
        if (index < 0) return this;
        var a = Assignments[index];
        var signals = a.LastReplyLastMinute && a.Reply is { } reply
            ? Signals.Add(new GamingSignal(SignalKind.LastMinuteReplyReturned, a.WhistleId, a.ComplaintId, [reply, Seen(e, e.WhistleId, e.At)]))
            : Signals;
        var next = a with { WindowStart = e.At, ReplyDue = e.Renewed.ReplyDue, LastReplyLastMinute = false };
        return this with { Assignments = Assignments.SetItem(index, next), Signals = signals };
    }

    /// <summary>A missed reply renews the reply window from now; a missed sign-for leaves the reply due time as it was.</summary>
    private DepartmentSignals Renewed(Guid whistleId, DeadlineKind missed, DateTimeOffset replyDue, DateTimeOffset at) =>
        Change(whistleId, a => missed == DeadlineKind.Reply ? a with { WindowStart = at, ReplyDue = replyDue } : a with { ReplyDue = replyDue });

    private DepartmentSignals Closed(Guid complaintId, SignalEvent closure) => this with
    {
        Assignments = [.. Assignments.Select(a => a.ComplaintId == complaintId ? a with { Closure = closure } : a)],
    };

    /// <summary>
    /// Charged to every department of the month whose reply on a whistle of the complaint stood when the complaint was
    /// last resolved or closed, when the reopening comes within <see cref="SignalThresholds.ReopenWithin"/> of it.
    /// </summary>
    private DepartmentSignals Reopened(ComplaintReopened e)
    {
        var reopened = Seen(e, e.ComplaintId, e.At);
        var charged = Assignments
            .Where(a => a.ComplaintId == e.ComplaintId && a.Reply is { } reply && a.Closure is { } closure
                && reply.At <= closure.At && e.At - closure.At <= SignalThresholds.ReopenWithin)
            .Select(a => new GamingSignal(SignalKind.ReopenedSoonAfterClosure, a.WhistleId, a.ComplaintId, [a.Reply!, a.Closure!, reopened]));
        return this with
        {
            Signals = Signals.AddRange(charged),
            Assignments = [.. Assignments.Select(a => a.ComplaintId == e.ComplaintId ? a with { Closure = null } : a)],
        };
    }

    private DepartmentSignals Add(WatchedAssignment assignment) =>
        Assignments.Any(a => a.WhistleId == assignment.WhistleId) ? this : this with { Assignments = Assignments.Add(assignment) };

    private DepartmentSignals Change(Guid whistleId, Func<WatchedAssignment, WatchedAssignment> change)
    {
        var index = Assignments.FindIndex(a => a.WhistleId == whistleId);
        return index < 0 ? this : this with { Assignments = Assignments.SetItem(index, change(Assignments[index])) };
    }
}

/// <summary>
/// The async projection (run by Marten's daemon) of the departments' signals. Whistle events are routed as the
/// scorecard routes them (<see cref="AssignmentMonths"/>); a complaint's resolution, closure or reopening goes to the
/// month of every department on its whistles, found on <see cref="WhistleDetails"/> (kept inline; a whistle's
/// complaint never changes), and the fold keeps only the departments concerned.
/// </summary>
public partial class DepartmentSignalsProjection : MultiStreamProjection<DepartmentSignals, string>
{
    public DepartmentSignalsProjection()
    {
        IncludeType<WhistleBlown>();
        IncludeType<AssignmentSignedFor>();
        IncludeType<AssignmentRejected>();
        IncludeType<RejectionArbitrated>();
        IncludeType<AssignmentReplied>();
        IncludeType<ReplyReturned>();
        IncludeType<ExtensionGranted>();
        IncludeType<WhistleEscalated>();
        IncludeType<AssignmentDeadlinesRenewed>();
        IncludeType<ComplaintResolved>();
        IncludeType<ComplaintClosed>();
        IncludeType<ComplaintReopened>();
        CustomGrouping(Group);
    }

    public override DepartmentSignals? Evolve(DepartmentSignals? snapshot, string id, IEvent e) => DepartmentSignals.Next(snapshot, id, e.Data);

    private static Guid? ComplaintOf(object data) => data switch
    {
        ComplaintResolved e => e.ComplaintId,
        ComplaintClosed e => e.ComplaintId,
        ComplaintReopened e => e.ComplaintId,
        _ => null,
    };

    private static async Task Group(IQuerySession session, IReadOnlyList<IEvent> events, JasperFx.Events.Grouping.IEventGrouping<string> grouping)
    {
        // Case ids are unique across counties: the lookup needs no tenant, and the daemon's session may have none.
        var complaints = events.Select(e => ComplaintOf(e.Data)).OfType<Guid>().Distinct().ToArray();
        var whistlesOf = complaints.Length == 0 ? Enumerable.Empty<WhistleDetails>().ToLookup(w => w.ComplaintId, w => w.Id)
            : (await session.Query<WhistleDetails>().Where(w => w.AnyTenant() && complaints.Contains(w.ComplaintId)).ToListAsync())
                .ToLookup(w => w.ComplaintId, w => w.Id);
        var months = await AssignmentMonthRouting.LoadAsync(session,
            [.. events.SelectMany(e => AssignmentMonthRouting.Concerned(e.Data)).Select(c => c.Whistle).Concat(whistlesOf.SelectMany(w => w)).Distinct()]);

        foreach (var e in events)
        {
            var keys = e.Data is WhistleBlown blown ? AssignmentMonthRouting.KeysOf(blown)
                : ComplaintOf(e.Data) is { } complaint
                    ? whistlesOf[complaint].SelectMany(w => months.GetValueOrDefault(w)?.Departments.Select(d => AssessmentMonth.Key(d.Key, d.Value)) ?? []).Distinct()
                    : AssignmentMonthRouting.KeysOf(e.Data, months);
            foreach (var key in keys) grouping.AddEvent(key, e);
        }
    }
}
