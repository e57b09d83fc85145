using System.Globalization;
using Marten;
using Whistle.Assessment;
using Whistle.Complaints;
using Whistle.Kernel;
using Whistle.Whistles;

namespace Whistle.History.Export;

/// <summary>
/// The read models an analyst exports as CSV for a range, each row chosen by its main date: a complaint by the day it
/// was lodged, a whistle by the day it was blown, a month's department scorecards by the month's first day. Rows are
/// read a page at a time and written as they come; scope filters them in the query (<see cref="Scope.Filter{T}"/>), and
/// the scorecards a reader may not see in full have their figures empty, as in the dashboard's own CSV.
/// </summary>
public sealed class ReadModelExport(IDocumentStore store)
{
    public const string Complaints = "complaints";
    public const string Whistles = "whistles";
    public const string DepartmentScorecards = "department-scorecards";

    /// <summary>The read models that can be exported, by the name the route and the verb take.</summary>
    public static readonly IReadOnlyList<string> Names = [Complaints, DepartmentScorecards, Whistles];

    private const int Page = 500;

    public static readonly IReadOnlyList<string> ComplaintHeader =
    [
        "编号 number", "状态 status", "紧急程度 urgency", "渠道 channel", "类别 category", "小区 compound", "社区 community",
        "街道 sub-district", "登记 lodged", "受理 accepted", "办结 resolved", "关闭 closed", "超期 overdue", "超期次数 deadlines missed",
        "重开次数 reopened", "吹哨数 whistles",
    ];

    public static readonly IReadOnlyList<string> WhistleHeader =
    [
        "吹哨 whistle id", "投诉编号 complaint number", "类型 type", "层级 level", "类别 category", "社区 community", "街道 sub-district",
        "部门 departments", "吹哨时间 blown", "办结时间 concluded", "升级次数 escalations", "通报次数 breach notices",
        "时限政策版本 policy version", "日历版本 calendar version",
    ];

    /// <summary>Writes the named read model's rows of the range; false (nothing written) for a name that is not one of <see cref="Names"/>.</summary>
    public async Task<bool> WriteAsync(
        string readModel, string county, ExportRange range, Scope scope, Stream output, IProgress<long>? progress, CancellationToken ct)
    {
        if (!Names.Contains(readModel)) return false;
        await using var session = store.QuerySession(county);
        await using var writer = await EventExport.WriterAsync(output, ct);
        long rows = 0;
        async Task Write(IReadOnlyList<object?> row)
        {
            await writer.WriteAsync(Csv.Line(row));
            if (++rows % EventExport.ReportEvery == 0) progress?.Report(rows);
        }
        switch (readModel)
        {
            case Complaints:
                await writer.WriteAsync(Csv.Line(ComplaintHeader));
                for (var skip = 0; ; skip += Page)
                {
                    // In UTC, as the lodged time's column holds it (ComplaintDetails.LodgedAt).
                    var (start, end) = (range.Start.ToUniversalTime(), range.End.ToUniversalTime());
                    var page = await scope.Filter(session.Query<ComplaintDetails>(), ComplaintDetails.Fields)
                        .Where(c => c.LodgedAt >= start && c.LodgedAt < end)
                        .OrderBy(c => c.LodgedAt).ThenBy(c => c.Id).Skip(skip).Take(Page).ToListAsync(ct);
                    foreach (var c in page) await Write(ComplaintRow(c));
                    if (page.Count < Page) break;
                }
                break;
            case Whistles:
                await writer.WriteAsync(Csv.Line(WhistleHeader));
                for (var skip = 0; ; skip += Page)
                {
                    var page = await scope.Filter(session.Query<WhistleDetails>(), WhistleDetails.Fields)
                        .Where(w => w.BlownAt >= range.Start && w.BlownAt < range.End)
                        .OrderBy(w => w.BlownAt).ThenBy(w => w.Id).Skip(skip).Take(Page).ToListAsync(ct);
                    foreach (var w in page) await Write(WhistleRow(w));
                    if (page.Count < Page) break;
                }
                break;
            default:
                await writer.WriteAsync(Csv.Line(ScorecardCsv.Header));
                foreach (var month in Months(range))
                {
                    if (!await session.Query<ScoredAssignment>().AnyAsync(a => a.Month == month, ct)) continue;
                    var scorecards = await MonthAssessment.LoadAsync(month, scope, session, null, ct);
                    foreach (var row in ScorecardCsv.Rows(month, scorecards.PolicyVersion, scorecards.Ranking, scorecards.Scorecards))
                        await Write(row);
                }
                break;
        }
        progress?.Report(rows);
        return true;
    }

    /// <summary>The months (yyyy-MM) whose first day lies in the range.</summary>
    public static IReadOnlyList<string> Months(ExportRange range)
    {
        var first = new DateOnly(range.From.Year, range.From.Month, 1);
        if (first < range.From) first = first.AddMonths(1);
        var months = new List<string>();
        for (var m = first; m < range.To; m = m.AddMonths(1)) months.Add(m.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        return months;
    }

    public static IReadOnlyList<object?> ComplaintRow(ComplaintDetails c) =>
    [
        c.Number, c.Status.Label(), c.Urgency.Label(), c.Channel.ToString(), c.CategoryId, c.CompoundId, c.CommunityId, c.SubDistrictId,
        Local(c.LodgedAt), Local(c.AcceptedAt), Local(c.ResolvedAt), Local(c.ClosedAt), c.Overdue ? "是 yes" : "否 no", c.Missed.Count,
        c.Reopened, c.Whistles.Count,
    ];

    public static IReadOnlyList<object?> WhistleRow(WhistleDetails w) =>
    [
        w.Id, w.ComplaintNumber, w.Type.ToString(), w.Level.ToString(), w.CategoryId, w.CommunityCode, w.SubDistrictCode,
        string.Join(' ', w.Departments), Local(w.BlownAt), Local(w.ConcludedAt), w.Escalations.Count, w.BreachNotices.Count,
        w.PolicyVersion, w.CalendarVersion,
    ];

    /// <summary>A moment in the county's local time, ISO 8601 with its offset; empty when there is none.</summary>
    public static string? Local(DateTimeOffset? at) =>
        at is { } a ? CountyTime.Local(a).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : null;
}
