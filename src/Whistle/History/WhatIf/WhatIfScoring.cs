using Whistle.Assessment;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Whistle.History.Dashboards;
using Whistle.Whistles;

namespace Whistle.History.WhatIf;

/// <summary>
/// Why a department's figures differ under the what-if: one assignment whose sign-for or reply is judged otherwise
/// against the what-if due time, and the event that decides it (the answer, or the blowing of an unanswered one).
/// </summary>
public sealed record WhatIfExplanation(
    Guid WhistleId, string Department, DeadlineKind Kind, DateTimeOffset OfficialDue, DateTimeOffset WhatIfDue,
    bool InTimeOfficially, bool InTimeWhatIf, EventRef Event);

/// <summary>A figure officially, under the what-if, and the change (what-if minus official; null when either is null).</summary>
public sealed record FigureDifference(decimal? Official, decimal? WhatIf, decimal? Change)
{
    public static FigureDifference Of(decimal? official, decimal? whatIf) => new(official, whatIf, official is { } o && whatIf is { } w ? w - o : null);
}

/// <summary>
/// One department side by side: score, rank (<see cref="PlacesClimbed"/>: official rank minus what-if rank, so positive
/// is a climb), the three rates, and the assignments judged otherwise (only for a reader of the department's scorecard).
/// </summary>
public sealed record DepartmentDifference(
    string Department, string Name, FigureDifference Score, int? OfficialRank, int? WhatIfRank, int? PlacesClimbed,
    FigureDifference ResponseRate, FigureDifference ResolutionRate, FigureDifference SatisfactionRate, IReadOnlyList<WhatIfExplanation> Events);

/// <summary>One side of the comparison: the weights and rules it scores under, and its ranking.</summary>
public sealed record WhatIfSide(int PolicyVersion, AssessmentWeights Weights, IReadOnlyList<DeadlineRule> Rules, IReadOnlyList<RankedDepartment> Ranking);

/// <summary>The month's official ranking beside the what-if one, judged at <see cref="At"/>, with each department's difference.</summary>
public sealed record WhatIfComparison(string Month, DateTimeOffset At, WhatIfSide Official, WhatIfSide WhatIf, IReadOnlyList<DepartmentDifference> Departments);

/// <summary>
/// The month re-scored under another policy (另一套时限或权重的模拟考核). Each assignment keeps its facts (when it was
/// assigned, signed for, replied, rated); what changes is the due times and the weights. A due time is recomputed from
/// the assignment moment with the county's working calendar only where the what-if interval differs from the interval
/// that gave it (the policy version on its deadlines), so an unchanged policy gives the official figures exactly:
/// the sign-for due from the assignment moment; the reply due moved by as much as the what-if interval moves the first
/// reply due (an extension or renewal keeps its length). Against a moved due time the answer is judged again: a miss of
/// the old due time is no longer charged, and an answer (or, unanswered, <c>now</c>) after the new one is. Pure.
/// </summary>
public static class WhatIfScoring
{
    public static AssessedAssignment Rejudge(
        AssessedAssignment a, AssignmentTrail trail, DeadlinePolicy whatIf, IReadOnlyDictionary<int, DeadlinePolicy> policies,
        WorkingCalendar calendar, DateTimeOffset now)
    {
        var official = (policies.GetValueOrDefault(trail.FirstDeadlines.PolicyVersion) ?? DeadlinePolicy.Default).Rule(trail.Type);
        var rule = whatIf.Rule(trail.Type);
        var signForDue = rule.SignFor == official.SignFor ? a.SignForDue : DueTimes.Due(a.AssignedAt, rule.SignFor, calendar);
        var replyDue = rule.Reply == official.Reply ? a.ReplyDue : a.ReplyDue + (DueTimes.Due(a.AssignedAt, rule.Reply, calendar) - trail.FirstDeadlines.ReplyDue);
        var missed = a.Missed;
        if (signForDue != a.SignForDue)
        {
            missed = missed.RemoveAll(m => m.Kind == DeadlineKind.SignFor && m.DueAt == a.SignForDue);
            if ((a.SignedForAt ?? a.RejectedAt ?? now) > signForDue) missed = missed.Add(new MissedDeadline(DeadlineKind.SignFor, signForDue, signForDue));
        }
        if (replyDue != a.ReplyDue)
        {
            missed = missed.RemoveAll(m => m.Kind == DeadlineKind.Reply && m.DueAt == a.ReplyDue);
            if ((a.RepliedAt ?? now) > replyDue) missed = missed.Add(new MissedDeadline(DeadlineKind.Reply, replyDue, replyDue));
        }
        return a with { SignForDue = signForDue, ReplyDue = replyDue, Missed = missed };
    }

    /// <summary>
    /// The comparison of the replayed month (<paramref name="history"/>, its official policy the one now in force) with
    /// the same month under <paramref name="whatIf"/>. <paramref name="seesEventsOf"/>: whether the reader may see a
    /// department's assignments (its explanations are left out otherwise).
    /// </summary>
    public static WhatIfComparison Compare(
        MonthHistory history, DeadlinePolicy whatIf, WorkingCalendar calendar, DateTimeOffset now, Func<string, bool> seesEventsOf)
    {
        var codes = history.Departments.Keys.Union(history.Cards.Keys).ToList();
        var official = codes.ToDictionary(c => c, c => (IReadOnlyList<AssessedAssignment>)(history.Cards.GetValueOrDefault(c)?.Assignments ?? []));
        var rejudged = official.ToDictionary(p => p.Key, p => (IReadOnlyList<AssessedAssignment>)[.. p.Value.Select(a =>
            history.Trails.TryGetValue((a.WhistleId, p.Key), out var trail) ? Rejudge(a, trail, whatIf, history.Policies, calendar, now) : a)]);
        var officialRanking = Rank(history, official, history.Policy.Assessment);
        var whatIfRanking = Rank(history, rejudged, whatIf.Assessment);

        var departments = officialRanking.Select(o =>
        {
            var w = whatIfRanking.Single(r => r.Department == o.Department);
            var explanations = seesEventsOf(o.Department) ? Explain(history, o.Department, official[o.Department], rejudged[o.Department]) : [];
            return new DepartmentDifference(o.Department, o.Name, FigureDifference.Of(o.Score, w.Score), o.Rank, w.Rank,
                o.Rank is { } before && w.Rank is { } after ? before - after : null,
                FigureDifference.Of(o.ResponseRate, w.ResponseRate), FigureDifference.Of(o.ResolutionRate, w.ResolutionRate),
                FigureDifference.Of(o.SatisfactionRate, w.SatisfactionRate), explanations);
        }).ToList();
        return new WhatIfComparison(history.Month, now,
            new WhatIfSide(history.Policy.Version, history.Policy.Assessment, history.Policy.Rules, officialRanking),
            new WhatIfSide(history.Policy.Version, whatIf.Assessment, whatIf.Rules, whatIfRanking),
            departments);
    }

    private static IReadOnlyList<RankedDepartment> Rank(
        MonthHistory history, IReadOnlyDictionary<string, IReadOnlyList<AssessedAssignment>> cards, AssessmentWeights weights) =>
        DepartmentRanking.Rank(cards.Select(c => (c.Key, history.Departments.GetValueOrDefault(c.Key, c.Key), ScorecardFigures.Of([.. c.Value], weights))));

    private static List<WhatIfExplanation> Explain(
        MonthHistory history, string department, IReadOnlyList<AssessedAssignment> official, IReadOnlyList<AssessedAssignment> whatIf)
    {
        var explanations = new List<WhatIfExplanation>();
        foreach (var (before, after) in official.Zip(whatIf))
        {
            if (!history.Trails.TryGetValue((before.WhistleId, department), out var trail)) continue;
            var first = trail.Events[0];
            if (before.SignedForInTime != after.SignedForInTime)
                explanations.Add(new WhatIfExplanation(before.WhistleId, department, DeadlineKind.SignFor, before.SignForDue, after.SignForDue,
                    before.SignedForInTime, after.SignedForInTime,
                    trail.Last(nameof(AssignmentSignedFor), nameof(AssignmentRejected)) ?? trail.Last(nameof(AssignmentOverdue)) ?? first));
            if (before.RepliedInTime != after.RepliedInTime)
                explanations.Add(new WhatIfExplanation(before.WhistleId, department, DeadlineKind.Reply, before.ReplyDue, after.ReplyDue,
                    before.RepliedInTime, after.RepliedInTime, trail.Last(nameof(AssignmentReplied)) ?? trail.Last(nameof(AssignmentOverdue)) ?? first));
        }
        return explanations;
    }
}
