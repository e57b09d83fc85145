using Whistle.County.Calendar;
using Whistle.Kernel;

namespace Whistle.County.Deadlines;

/// <summary>
/// How urgent a complaint is (紧急程度): it sets how long handling may take. The grades are those of the Beijing 12345
/// practice (domain anchors A1, "Time limits"): emergencies, ordinary cases, complex cases.
/// </summary>
public enum ComplaintUrgency
{
    Emergency = 1,  // 紧急: resolved within 2 hours
    Ordinary = 2,   // 一般: within 7 (working) days
    Complex = 3,    // 复杂: within 15 (working) days
}

/// <summary>The timed steps of a complaint (受理 → 办结 → 回访), each running from the one before it.</summary>
public enum ComplaintStep
{
    Accept = 1,    // 受理: from lodging
    Resolve = 2,   // 办结: from acceptance, or from reopening (不满意重办)
    FollowUp = 3,  // 回访: from resolution
}

/// <summary>The time limits of one urgency: to accept, to resolve and to follow up, and when the reminder (催办) goes out.</summary>
public sealed record ComplaintLimit(ComplaintUrgency Urgency, Interval Accept, Interval Resolve, Interval FollowUp, double ReminderAt)
{
    public Interval For(ComplaintStep step) => step switch
    {
        ComplaintStep.Accept => Accept,
        ComplaintStep.Resolve => Resolve,
        _ => FollowUp,
    };
}

/// <summary>
/// A category's own limits, keyed by its dispatch-catalogue id: a ceiling for that category whatever the urgency.
/// A step the category gives no interval for follows the urgency alone.
/// </summary>
public sealed record ComplaintCategoryLimit(string CategoryId, Interval? Accept = null, Interval? Resolve = null, Interval? FollowUp = null)
{
    public Interval? For(ComplaintStep step) => step switch
    {
        ComplaintStep.Accept => Accept,
        ComplaintStep.Resolve => Resolve,
        _ => FollowUp,
    };
}

/// <summary>
/// The complaints' part of the deadline policy: one limit per urgency and the categories that
/// have a limit of their own.
/// </summary>
public sealed record ComplaintLimits(IReadOnlyList<ComplaintLimit> Urgencies, IReadOnlyList<ComplaintCategoryLimit> Categories)
{
    /// <summary>
    /// The built-in limits (the default policy, version 0, and every version published without complaint limits).
    /// Figures of the Beijing 12345 practice (domain anchors A1, "Time limits" and "Assessment"):
    /// <list type="bullet">
    /// <item>Accept (受理) within 24 hours of lodging: the "24小时签收率" floor
    /// (http://www.caprane.cn/zixun_detail/445180.html). An emergency within 1 hour, on the clock: Zhuhai's "respond
    /// within 1 working hour" (https://m.hqtbz.com/gdywdt/dsdt/content/post_4181502.html), counted on the clock because
    /// an emergency does not wait for office hours.</item>
    /// <item>Resolve (办结) from acceptance: emergencies 2 hours, ordinary 7 days, complex 15 days, utilities 24 hours
    /// (Beijing, secondary: https://www.fudaoke.com/exam/262251.html; "7日办结率" in the three-rates floors). Days are
    /// working days, as time limits are counted (feature table row 14) and as the whistle's 7 and 15 days are.</item>
    /// <item>Follow-up (回访) by the next working day after resolution: "Callback the next day"
    /// (a city bureau's rules, http://fsou.com/html/text/lar/172733/17273310_2.html).</item>
    /// <item>Reminder (催办) at 75% of each interval, as for whistles (DESIGN section 4): the anchors give no fraction.</item>
    /// </list>
    /// </summary>
    public static ComplaintLimits Default { get; } = new(
        [
            new(ComplaintUrgency.Emergency, Interval.CalendarHours(1), Interval.CalendarHours(2), Interval.WorkingDays(1), 0.75),
            new(ComplaintUrgency.Ordinary, Interval.CalendarHours(24), Interval.WorkingDays(7), Interval.WorkingDays(1), 0.75),
            new(ComplaintUrgency.Complex, Interval.CalendarHours(24), Interval.WorkingDays(15), Interval.WorkingDays(1), 0.75),
        ],
        [new(UtilitiesCategory, Resolve: Interval.CalendarHours(24))]);

    /// <summary>停水停电、管网故障 in the default dispatch catalogue: Beijing's "utilities 24 h".</summary>
    public const string UtilitiesCategory = "utilities";

    public ComplaintLimit Limit(ComplaintUrgency urgency) => Urgencies.Single(l => l.Urgency == urgency);

    public ComplaintCategoryLimit? Category(string categoryId) => Categories.FirstOrDefault(c => c.CategoryId == categoryId);
}

/// <summary>
/// When the step now due must be done, and when its reminder goes out, with the versions of the policy and calendar
/// it was computed under. <c>withoutOfficialSchedule</c> is true when a working-time due time runs through
/// a year without the State Council's schedule; null otherwise.
/// </summary>
public sealed record ComplaintDeadline(
    ComplaintStep Step, DateTimeOffset DueAt, DateTimeOffset RemindAt, int PolicyVersion, int CalendarVersion,
    bool? WithoutOfficialSchedule = null);

/// <summary>Input of the complaints' limits for one urgency (PUT /api/deadline-policy, <c>complaints.urgencies</c>).</summary>
public sealed record ComplaintLimitInput(
    ComplaintUrgency? Urgency, IntervalInput? Accept, IntervalInput? Resolve, IntervalInput? FollowUp, double? ReminderAt);

/// <summary>Input of one category's own limits (<c>complaints.categories</c>): at least one step.</summary>
public sealed record ComplaintCategoryLimitInput(
    string? CategoryId, IntervalInput? Accept = null, IntervalInput? Resolve = null, IntervalInput? FollowUp = null);

/// <summary>The complaints' limits of a new policy version; absent, the version carries <see cref="ComplaintLimits.Default"/>.</summary>
public sealed record ComplaintLimitsInput(
    IReadOnlyList<ComplaintLimitInput>? Urgencies, [BodyLimit(MaxItems = ComplaintTimeLimits.MaxCategories)] IReadOnlyList<ComplaintCategoryLimitInput>? Categories = null);

/// <summary>The complaints' due times: the arithmetic, and the checking and reading of their part of a policy.</summary>
public static class ComplaintTimeLimits
{
    /// <summary>At most this many categories with limits of their own (the default catalogue has 15).</summary>
    public const int MaxCategories = 200;

    /// <summary>
    /// The due time of <paramref name="step"/>, started at <paramref name="start"/>: the urgency's interval, or the
    /// category's where that falls earlier (a category's limit is a ceiling: a utilities cut is fixed within 24 hours
    /// even when graded ordinary, and an emergency one still within 2). The reminder falls at the urgency's fraction of
    /// the time to the due time. Pure.
    /// </summary>
    public static ComplaintDeadline Compute(
        ComplaintStep step, ComplaintUrgency urgency, string categoryId, DateTimeOffset start, DeadlinePolicy policy, CountyCalendar county)
    {
        var limit = policy.Complaints.Limit(urgency);
        var calendar = county.ToWorkingCalendar();
        var interval = limit.For(step);
        var due = DueTimes.Due(start, interval, calendar);
        if (policy.Complaints.Category(categoryId)?.For(step) is { } ceiling)
        {
            var capped = DueTimes.Due(start, ceiling, calendar);
            if (capped < due) (interval, due) = (ceiling, capped);
        }
        var unscheduled = DueTimes.YearsWithoutOfficialSchedule(start, due, interval, county).Count > 0;
        return new ComplaintDeadline(
            step, due, DueTimes.Reminder(start, due, limit.ReminderAt), policy.Version, county.Version, unscheduled ? true : null);
    }

    /// <summary>Checks the optional complaints' part of a policy input: one limit per urgency, each category once.</summary>
    public static FieldErrors Check(FieldErrors errors, ComplaintLimitsInput? input)
    {
        if (input is null) return errors;
        var urgencies = input.Urgencies ?? [];
        foreach (var urgency in Enum.GetValues<ComplaintUrgency>())
        {
            var count = urgencies.Count(u => u?.Urgency == urgency);
            errors.When(count != 1, "complaints.urgencies", $"{urgency} 须有且只有一条时限。Exactly one limit for {urgency} (found {count}).");
        }
        for (var i = 0; i < urgencies.Count; i++)
        {
            var (limit, at) = (urgencies[i], $"complaints.urgencies[{i}]");
            if (limit is null) { errors.Add(at, "必填。Required."); continue; }
            errors.Defined($"{at}.urgency", limit.Urgency);
            PublishDeadlinePolicyEndpoint.CheckInterval(errors, $"{at}.accept", limit.Accept);
            PublishDeadlinePolicyEndpoint.CheckInterval(errors, $"{at}.resolve", limit.Resolve);
            PublishDeadlinePolicyEndpoint.CheckInterval(errors, $"{at}.followUp", limit.FollowUp);
            errors.When(limit.ReminderAt is not (> 0 and < 1), $"{at}.reminderAt",
                "催办时点应为 0 到 1 之间（不含）的比例，如 0.75。A fraction strictly between 0 and 1, e.g. 0.75.");
        }
        var categories = input.Categories ?? [];
        errors.When(categories.Count > MaxCategories, "complaints.categories",
            $"至多 {MaxCategories} 个类别。At most {MaxCategories} categories.");
        for (var i = 0; i < categories.Count; i++)
        {
            var (category, at) = (categories[i], $"complaints.categories[{i}]");
            if (category is null) { errors.Add(at, "必填。Required."); continue; }
            errors.Text($"{at}.categoryId", category.CategoryId, 64)
                .When(category.CategoryId is { Length: > 0 } id && categories.Take(i).Any(c => c?.CategoryId?.Trim() == id.Trim()), $"{at}.categoryId",
                    $"类别 {category.CategoryId} 重复。The category appears twice.")
                .When(category is { Accept: null, Resolve: null, FollowUp: null }, at,
                    "至少给出受理、办结、回访中的一项时限。Give at least one of accept, resolve, followUp.");
            if (category.Accept is not null) PublishDeadlinePolicyEndpoint.CheckInterval(errors, $"{at}.accept", category.Accept);
            if (category.Resolve is not null) PublishDeadlinePolicyEndpoint.CheckInterval(errors, $"{at}.resolve", category.Resolve);
            if (category.FollowUp is not null) PublishDeadlinePolicyEndpoint.CheckInterval(errors, $"{at}.followUp", category.FollowUp);
        }
        return errors;
    }

    /// <summary>The complaints' limits a checked input gives: the default when absent; urgencies in urgency order.</summary>
    public static ComplaintLimits From(ComplaintLimitsInput? input) => input is null
        ? ComplaintLimits.Default
        : new ComplaintLimits(
            [.. input.Urgencies!.Select(u => new ComplaintLimit(
                u.Urgency!.Value, Of(u.Accept)!, Of(u.Resolve)!, Of(u.FollowUp)!, u.ReminderAt!.Value)).OrderBy(u => u.Urgency)],
            [.. (input.Categories ?? []).Select(c => new ComplaintCategoryLimit(c.CategoryId!.Trim(), Of(c.Accept), Of(c.Resolve), Of(c.FollowUp)))]);

    private static Interval? Of(IntervalInput? input) => input is null ? null : new(input.Amount!.Value, input.Unit!.Value, input.Basis!.Value);
}
