using Whistle.Kernel;
using Whistle.Whistles;

namespace Whistle.Assessment.Appeals;

/// <summary>The office's ruling on a score appeal (申诉审定).</summary>
public enum AppealRuling
{
    /// <summary>申诉成立: the item is corrected on the scorecard.</summary>
    Upheld = 1,
    /// <summary>申诉不成立: the scorecard stands.</summary>
    Dismissed = 2,
}

/// <summary>
/// The scorecard item an appeal names: one department's assignment on one whistle, counted in <see cref="Month"/>, and,
/// when given, one deadline it missed (<see cref="Kind"/> and <see cref="DueAt"/>, as its <see cref="AssignmentOverdue"/>
/// recorded them). Without a deadline the appeal is on the whole assignment.
/// </summary>
public sealed record AppealedItem(Guid WhistleId, string Department, string Month, DeadlineKind? Kind = null, DateTimeOffset? DueAt = null)
{
    /// <summary>The appeal's stream id: a name-based id of the item, so one item has one appeal, and a second one finds the first.</summary>
    public string Key => Kind is { } kind && DueAt is { } due
        ? $"{WhistleId:N}/{Department}/{kind}/{due.ToUnixTimeSeconds()}"
        : $"{WhistleId:N}/{Department}";
}

/// <summary>
/// A department officer appealed one item of its department's scorecard, within the appeal window of policy version
/// <paramref name="PolicyVersion"/>, which closed at <paramref name="WindowEnd"/>.
/// </summary>
public sealed record ScoreAppealLodged(
    Guid AppealId, AppealedItem Item, string Reason, int PolicyVersion, DateTimeOffset WindowEnd, Actor By, DateTimeOffset At);

/// <summary>The joint-meeting office upheld or dismissed the appeal, with its reason. Final: an appeal is ruled once.</summary>
public sealed record ScoreAppealRuled(Guid AppealId, AppealedItem Item, AppealRuling Ruling, string Reason, Actor By, DateTimeOffset At);

/// <summary>The events of a score appeal's stream, as the event store registers them.</summary>
public static class ScoreAppealEventTypes
{
    public static readonly IReadOnlyList<Type> All = [typeof(ScoreAppealLodged), typeof(ScoreAppealRuled)];
}
