using Whistle.County.Deadlines;
using Whistle.Kernel;

namespace Whistle.Whistles;

/// <summary>
/// What every whistle command answers with: the whistle as it stands after the command's events, and the version a
/// client sends back as <c>expectedVersion</c>.
/// </summary>
public sealed record WhistleAnswer(
    Guid Id, long Version, Guid ComplaintId, string ComplaintNumber, WhistleType Type, WhistleLevel Level, bool Concluded,
    IReadOnlyList<WhistleAnswer.AssignmentAnswer> Assignments)
{
    public sealed record AssignmentAnswer(
        string Department, AssignmentRole Role, AssignmentStatus Status, DateTimeOffset SignForDue, DateTimeOffset ReplyDue,
        DateTimeOffset? ProposedReplyDue, bool Overdue);

    /// <summary>The department's current assignment (one reassigned away is history).</summary>
    public AssignmentAnswer? Find(string department) =>
        Assignments.FirstOrDefault(a => a.Department == department && a.Status != AssignmentStatus.Reassigned);

    /// <summary>The whistle after the events a decision returns, folded through the write model.</summary>
    public static WhistleAnswer After(Whistle whistle, IEnumerable<object> events) => Of(whistle.After(events));

    public static WhistleAnswer Of(Whistle whistle) => new(
        whistle.Id, whistle.Version, whistle.ComplaintId, whistle.ComplaintNumber, whistle.Type, whistle.Level, whistle.Concluded,
        [.. whistle.Assignments.Select(a => new AssignmentAnswer(
            a.Department, a.Role, a.Status, a.SignForDue, a.ReplyDue, a.ProposedReplyDue, a.Overdue))]);
}
