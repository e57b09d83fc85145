using System.Collections.Immutable;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Marten;

namespace Whistle.JointMeetings.Meetings;

/// <summary>An agenda item as the decisions see it: the whistle it came from, whether dropped, its resolution once adopted.</summary>
public sealed record AgendaEntry(int Number, Guid WhistleId, string? RejectionOf, bool Dropped = false, Guid? ResolutionId = null);

/// <summary>
/// The write model of a joint meeting (联席会议): only what its decisions read, folded from its stream; nothing mutates it.
/// </summary>
public sealed record JointMeeting : IWriteModel<JointMeeting>
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public ImmutableList<string> Members { get; init; } = [];
    public bool Held { get; init; }
    public bool MinutesPublished { get; init; }
    public ImmutableList<AgendaEntry> Items { get; init; } = [];
    /// <summary>Every resolution adopted, by id.</summary>
    public ImmutableHashSet<Guid> Resolutions { get; init; } = [];

    /// <summary>The next item's number: numbers count every item ever listed, so a dropped item's is not reused.</summary>
    public int NextNumber => Items.Count + 1;

    /// <summary>The item of this number still on the agenda (not dropped).</summary>
    public AgendaEntry? Item(int number) => Items.FirstOrDefault(i => i.Number == number && !i.Dropped);

    /// <summary>Whether the whistle (or the department's rejection on it) is on the agenda and not dropped.</summary>
    public bool Lists(Guid whistleId, string? rejectionOf) =>
        Items.Any(i => !i.Dropped && i.WhistleId == whistleId && i.RejectionOf == rejectionOf);

    public static JointMeeting Create(JointMeetingConvened e) => new() { Id = e.MeetingId, Members = [.. e.Members] };

    public JointMeeting Apply(AgendaItemProposed e) => Listed(e.Item);

    public JointMeeting Apply(AgendaItemAdded e) => Listed(e.Item);

    public JointMeeting Apply(AgendaItemDropped e) => Change(e.ItemNumber, i => i with { Dropped = true });

    public JointMeeting Apply(JointMeetingHeld e) => this with { Held = true };

    public JointMeeting Apply(ResolutionAdopted e) =>
        Change(e.ItemNumber, i => i with { ResolutionId = e.ResolutionId }) with { Resolutions = Resolutions.Add(e.ResolutionId) };

    public JointMeeting Apply(MinutesPublished e) => this with { MinutesPublished = true };

    // These change nothing a decision reads, but the fold must know them.
    public JointMeeting Apply(ResolutionDispatched e) => this;

    public JointMeeting Apply(ResolutionCorrected e) => this;

    public JointMeeting Apply(ResolutionActionRecorded e) => this;

    public JointMeeting AtVersion(long version) => this with { Version = version };

    private JointMeeting Listed(AgendaItem item) => this with { Items = Items.Add(new AgendaEntry(item.Number, item.WhistleId, item.RejectionOf)) };

    private JointMeeting Change(int number, Func<AgendaEntry, AgendaEntry> change)
    {
        var index = Items.FindIndex(i => i.Number == number);
        return index < 0 ? this : this with { Items = Items.SetItem(index, change(Items[index])) };
    }
}

/// <summary>What every joint-meeting command answers with: the meeting's state after the command, and the version to send back.</summary>
public sealed record JointMeetingAnswer(Guid Id, long Version, bool Held, bool MinutesPublished, IReadOnlyList<AgendaEntry> Items)
{
    public static JointMeetingAnswer After(JointMeeting meeting, IEnumerable<object> events) => Of(meeting.After(events));

    public static JointMeetingAnswer Of(JointMeeting m) => new(m.Id, m.Version, m.Held, m.MinutesPublished, m.Items);

    /// <summary>The answer and the events: a command that changes nothing returns no events.</summary>
    public static (JointMeetingAnswer, Events) With(JointMeeting meeting, Events events) => (After(meeting, events), events);
}

/// <summary>The answers every joint-meeting command shares, in Chinese and English.</summary>
public static class JointMeetingRules
{
    public static ProblemDetails NotFound(Guid id) =>
        Problems.NotFound($"联席会议 {id} 不存在。", $"Joint meeting {id} does not exist.");

    public static ProblemDetails ItemNotFound(Guid id, int? number) =>
        Problems.NotFound($"联席会议 {id} 的议程中没有第 {number} 项。", $"Joint meeting {id} has no agenda item {number}.");

    public static ProblemDetails ResolutionNotFound(Guid id, Guid? resolutionId) =>
        Problems.NotFound($"联席会议 {id} 没有决议 {resolutionId}。", $"Joint meeting {id} has no resolution {resolutionId}.");

    public static ProblemDetails AlreadyHeld =>
        Problems.Conflict("会议已召开，议程不能再改。", "The meeting has been held: its agenda is closed.");

    public static ProblemDetails NotHeld =>
        Problems.Conflict("会议尚未召开。", "The meeting has not been held yet.");

    public static ProblemDetails WhistleConcluded(Guid whistleId) =>
        Problems.Conflict($"吹哨 {whistleId} 已办结，不能列入议程。", $"Whistle {whistleId} has concluded: it cannot be on the agenda.");
}
