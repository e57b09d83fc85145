namespace Whistle.Assessment;

/// <summary>
/// The scorecards as CSV: UTF-8 with a byte-order mark (so Excel opens the Chinese correctly), a bilingual header, one
/// row per department of the ranking; the figures of a department whose full scorecard the reader may not see are empty.
/// </summary>
public static class ScorecardCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "月份 month", "排名 rank", "部门代码 department", "部门 name", "得分 score", "响应率 response rate", "解决率 resolution rate",
        "满意率 satisfaction rate", "应办 due", "超时次数 missed deadlines", "按时签收 signed for in time", "按时反馈 replied in time",
        "超时件 overdue", "退单成立 rejections upheld", "退单不成立 rejections overruled", "签收用时中位数(分钟) median sign-for minutes",
        "签收用时P90(分钟) p90 sign-for minutes", "评价数 rated", "满意 satisfied", "基本满意 basically satisfied", "权重版本 weights version",
    ];

    public static byte[] Write(string month, int policyVersion, IReadOnlyList<RankedDepartment> ranking, IReadOnlyList<DepartmentScorecardView> visible) =>
        Csv.Write(Header, Rows(month, policyVersion, ranking, visible));

    /// <summary>The rows of one month without the header, so that an export of several months writes one header.</summary>
    public static IEnumerable<IReadOnlyList<object?>> Rows(
        string month, int policyVersion, IReadOnlyList<RankedDepartment> ranking, IReadOnlyList<DepartmentScorecardView> visible) =>
        ranking.Select(r =>
        {
            var f = visible.FirstOrDefault(v => v.Department == r.Department)?.Figures;
            return (IReadOnlyList<object?>)
            [
                month, r.Rank, r.Department, r.Name, r.Score, r.ResponseRate, r.ResolutionRate, r.SatisfactionRate,
                f?.Due, f?.MissedDeadlines, f?.SignedForInTime, f?.RepliedInTime, f?.Overdue,
                f?.RejectionsUpheld, f?.RejectionsOverruled, Rounded(f?.MedianSignForMinutes), Rounded(f?.P90SignForMinutes),
                f?.Rated, f?.Satisfied, f?.BasicallySatisfied, policyVersion,
            ];
        });

    /// <summary>A sign-for time to one decimal of a minute.</summary>
    private static double? Rounded(double? value) => value is { } d ? Math.Round(d, 1, MidpointRounding.AwayFromZero) : null;
}
