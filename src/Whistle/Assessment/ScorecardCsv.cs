using System.Globalization;
using System.Text;

namespace Whistle.Assessment;

/// <summary>
/// The scorecards as CSV: UTF-8 with a byte-order mark (so Excel opens the Chinese correctly), a bilingual header, one
/// row per department of the ranking; the figures of a department whose full scorecard the reader may not see are empty.
/// </summary>
public static class ScorecardCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> Header =
    [
        "月份 month", "排名 rank", "部门代码 department", "部门 name", "得分 score", "响应率 response rate", "解决率 resolution rate",
        "满意率 satisfaction rate", "应办 due", "超时次数 missed deadlines", "按时签收 signed for in time", "按时反馈 replied in time",
        "超时件 overdue", "退单成立 rejections upheld", "退单不成立 rejections overruled", "签收用时中位数(分钟) median sign-for minutes",
        "签收用时P90(分钟) p90 sign-for minutes", "评价数 rated", "满意 satisfied", "基本满意 basically satisfied", "权重版本 weights version",
    ];

    public static byte[] Write(string month, int policyVersion, IReadOnlyList<RankedDepartment> ranking, IReadOnlyList<DepartmentScorecardView> visible)
    {
        var text = new StringBuilder();
        Line(text, Header);
        foreach (var r in ranking)
        {
            var f = visible.FirstOrDefault(v => v.Department == r.Department)?.Figures;
            Line(text,
            [
                month, Str(r.Rank), r.Department, r.Name, Str(r.Score), Str(r.ResponseRate), Str(r.ResolutionRate), Str(r.SatisfactionRate),
                Str(f?.Due), Str(f?.MissedDeadlines), Str(f?.SignedForInTime), Str(f?.RepliedInTime), Str(f?.Overdue),
                Str(f?.RejectionsUpheld), Str(f?.RejectionsOverruled), Str(f?.MedianSignForMinutes), Str(f?.P90SignForMinutes),
                Str(f?.Rated), Str(f?.Satisfied), Str(f?.BasicallySatisfied), Str(policyVersion),
            ]);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Str<T>(T? value) => value switch
    {
        null => "",
        double d => Math.Round(d, 1, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void Line(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(Quote));
        text.Append("\r\n");
    }

    /// <summary>RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
