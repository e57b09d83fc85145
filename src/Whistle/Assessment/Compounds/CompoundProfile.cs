using Whistle.Complaints;
using Whistle.County.Directory;
using Whistle.FeeDisputes;

namespace Whistle.Assessment.Compounds;

/// <summary>The complaints of one category in one status.</summary>
public sealed record CategoryCount(string CategoryId, ComplaintStatus Status, int Count);

/// <summary>The compound's fee disputes: how many are open and closed, and what the open ones still claim.</summary>
public sealed record FeeDisputeCounts(int Open, int Closed, decimal Outstanding);

/// <summary>The company serving the compound, with its credit when the daemon has built its file.</summary>
public sealed record ServingCompany(string Code, string Name, string? LegalRepresentative, int? CreditScore, string? CreditGrade);

/// <summary>
/// The owners' committee and whether it is dormant (长期不活动): formed, and no activity recorded within the last
/// <see cref="DormantAfterMonths"/> months (none recorded at all counts as dormant). A compound without a committee has none to be dormant.
/// </summary>
public sealed record CommitteeView(bool Formed, DateOnly? TermStartsOn, DateOnly? TermEndsOn, DateOnly? LastActivityOn, bool Dormant, int DormantAfterMonths);

/// <summary>
/// 小区画像: a compound as the assessment sees it — its cases by category and status, its fee disputes, its company and
/// its owners' committee. Composed when asked from the directory and the inline case read models, so it is always
/// current (no daemon lag) and needs no projection of its own.
/// </summary>
public sealed record CompoundProfile(
    string Code,
    string Name,
    string CommunityCode,
    string SubDistrictCode,
    int Households,
    CompoundStage Stage,
    ServingCompany? Company,
    CommitteeView OwnersCommittee,
    int Complaints,
    IReadOnlyList<CategoryCount> ComplaintsByCategory,
    FeeDisputeCounts FeeDisputes)
{
    /// <summary>Whether the committee is dormant on <paramref name="today"/> (county date).</summary>
    public static bool IsDormant(OwnersCommittee committee, DateOnly today, int months) =>
        committee.Formed && (committee.LastActivityOn is not { } last || last <= today.AddMonths(-months));

    public static IReadOnlyList<CategoryCount> ByCategory(IEnumerable<(string CategoryId, ComplaintStatus Status)> complaints) =>
        [.. complaints.GroupBy(c => c).OrderBy(g => g.Key.CategoryId, StringComparer.Ordinal).ThenBy(g => g.Key.Status)
            .Select(g => new CategoryCount(g.Key.CategoryId, g.Key.Status, g.Count()))];

    public static FeeDisputeCounts Disputes(IEnumerable<(FeeDisputeStage Stage, decimal Outstanding)> disputes)
    {
        var list = disputes.ToList();
        var open = list.Where(d => FeeDisputeStages.IsOpen(d.Stage)).ToList();
        return new FeeDisputeCounts(open.Count, list.Count - open.Count, open.Sum(d => d.Outstanding));
    }
}

/// <summary>How many months without recorded activity make an owners' committee dormant (Assessment:DormantCommitteeMonths, default 6).</summary>
public sealed record CompoundProfileSettings(int DormantCommitteeMonths)
{
    public const string Key = "Assessment:DormantCommitteeMonths";
    public const int DefaultMonths = 6;

    public static CompoundProfileSettings From(IConfiguration config)
    {
        var months = config.GetValue<int?>(Key) ?? DefaultMonths;
        return months > 0 ? new(months) : throw new InvalidOperationException($"{Key} must be a positive number of months; it is {months}.");
    }
}
