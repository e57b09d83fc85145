using System.Globalization;
using System.Net;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Directory;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.JointMeetings.Meetings;

/// <summary>One line of the meetings list.</summary>
public sealed record JointMeetingSummary(
    Guid Id, DateTimeOffset ScheduledAt, string Chair, string Venue, int Items, int Resolutions, bool Held, bool MinutesPublished);

public static class JointMeetingListEndpoint
{
    /// <summary>
    /// The joint meetings, latest scheduled first: the office runs them; supervisors, analysts and administrators read
    /// them. Meetings are county business, so every reader sees every meeting.
    /// </summary>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("联席会议列表 The joint meetings")]
    [WolverineGet("/api/joint-meetings", OperationId = "ListJointMeetings")]
    [Authorize(Roles = Scope.JointMeetingReaders)]
    public static Task<IReadOnlyList<JointMeetingSummary>> Get(IQuerySession session, CancellationToken ct) => ReadAsync(session, ct);

    /// <summary>The list's query, which the endpoint and the meetings page both run: the latest 200 scheduled, latest first.</summary>
    public static async Task<IReadOnlyList<JointMeetingSummary>> ReadAsync(IQuerySession session, CancellationToken ct) =>
        [.. (await session.Query<JointMeetingDetails>().OrderByDescending(m => m.ScheduledAt).Take(200).ToListAsync(ct))
            .Select(m => new JointMeetingSummary(
                m.Id, m.ScheduledAt, m.Chair, m.Venue, m.Items.Count(i => i.DroppedReason is null), m.Resolutions.Count,
                m.HeldAt is not null, m.MinutesPublishedAt is not null))];
}

public static class JointMeetingDetailsEndpoint
{
    public static Task<JointMeetingDetails?> LoadAsync(Guid jointMeetingId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<JointMeetingDetails>(jointMeetingId, ct);

    public static ProblemDetails Validate(Guid jointMeetingId, JointMeetingDetails? details) =>
        details is null ? JointMeetingRules.NotFound(jointMeetingId) : Problems.None;

    /// <summary>One joint meeting: its agenda (dropped items too), attendance, resolutions, corrections and actions.</summary>
    [EndpointSummary("查看联席会议 One joint meeting")]
    [WolverineGet("/api/joint-meetings/{jointMeetingId}", OperationId = "GetJointMeeting")]
    [Authorize(Roles = Scope.JointMeetingReaders)]
    public static JointMeetingDetails Get(JointMeetingDetails details) => details;
}

public static class JointMeetingMinutesEndpoint
{
    public static Task<JointMeetingDetails?> LoadAsync(Guid jointMeetingId, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<JointMeetingDetails>(jointMeetingId, ct);

    /// <summary>Minutes exist once published: before, and for a meeting that does not exist, 404.</summary>
    public static ProblemDetails Validate(Guid jointMeetingId, JointMeetingDetails? details) =>
        details is null ? JointMeetingRules.NotFound(jointMeetingId)
        : details.MinutesPublishedAt is null ? Problems.NotFound("会议纪要尚未印发。", "The minutes have not been published.")
        : Problems.None;

    /// <summary>The minutes (会议纪要) as JSON: the meeting as it stands, corrections and actions recorded since included.</summary>
    [EndpointSummary("会议纪要 A joint meeting's minutes")]
    [WolverineGet("/api/joint-meetings/{jointMeetingId}/minutes", OperationId = "GetJointMeetingMinutes")]
    [Authorize(Roles = Scope.JointMeetingReaders)]
    public static JointMeetingDetails Get(JointMeetingDetails details) => details;
}

public static class JointMeetingMinutesPageEndpoint
{
    public static async Task<(JointMeetingDetails?, DepartmentNames)> LoadAsync(Guid jointMeetingId, IQuerySession session, CancellationToken ct) =>
        (await session.LoadAsync<JointMeetingDetails>(jointMeetingId, ct),
            new DepartmentNames((await session.Query<Department>().ToListAsync(ct)).ToDictionary(d => d.Code, d => d.Info.Name, StringComparer.Ordinal)));

    public static ProblemDetails Validate(Guid jointMeetingId, JointMeetingDetails? details) =>
        JointMeetingMinutesEndpoint.Validate(jointMeetingId, details);

    /// <summary>The minutes as a printable zh-CN page: attendees, items, resolutions, departments, deadlines; every value HTML-encoded.</summary>
    [EndpointSummary("会议纪要（可打印） A joint meeting's minutes (printable)")]
    [WolverineGet("/api/joint-meetings/{jointMeetingId}/minutes.html", OperationId = "GetJointMeetingMinutesPage")]
    [Authorize(Roles = Scope.JointMeetingReaders)]
    public static IResult Get(JointMeetingDetails details, DepartmentNames names) =>
        Results.Content(MinutesPage.Render(details, names), "text/html; charset=utf-8");
}

/// <summary>The directory's department names by code, for printing; a code the directory no longer has prints as itself.</summary>
public sealed record DepartmentNames(IReadOnlyDictionary<string, string> ByCode)
{
    public static readonly DepartmentNames None = new(new Dictionary<string, string>());

    public string Of(string code) => ByCode.GetValueOrDefault(code, code);
}

/// <summary>The printable minutes page (会议纪要), in Chinese, times in county time.</summary>
public static class MinutesPage
{
    public static string Render(JointMeetingDetails m, DepartmentNames? names = null)
    {
        names ??= DepartmentNames.None;
        static string H(string? s) => WebUtility.HtmlEncode(s ?? "");
        static string T(DateTimeOffset t) => H(CountyTime.Local(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>联席会议纪要 {{T(m.ScheduledAt)}}</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px}@media print{a{color:inherit} }</style>
            </head><body><h1>联席会议纪要</h1>
            <p>时间：{{T(m.ScheduledAt)}}　地点：{{H(m.Venue)}}　主持：{{H(m.Chair)}}</p>
            <h2>出席单位</h2><table><tr><th>成员单位</th><th>出席</th><th>出席人 / 缺席原因</th></tr>
            """);
        foreach (var a in m.Attendance)
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{H(names.Of(a.Department))}</td><td>{(a.Present ? "出席" : "缺席")}</td><td>{H(a.Present ? a.Attendee : a.AbsenceReason)}</td></tr>");
        html.Append("</table><h2>议题</h2><table><tr><th>序号</th><th>案件</th><th>来源</th><th>说明</th></tr>");
        foreach (var i in m.Items)
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{i.Number}</td><td>{H(i.ComplaintNumber)}{(i.RejectionOf is null ? "" : $"（{H(i.RejectionOf)} 退单）")}</td><td>{(i.FromWorklist ? "待办清单" : "手动增加")}</td><td>{(i.DroppedReason is null ? H(i.AddedReason) : "已撤出：" + H(i.DroppedReason))}</td></tr>");
        html.Append("</table><h2>会议决议</h2><table><tr><th>议题</th><th>牵头单位</th><th>配合单位</th><th>事项</th><th>期限</th><th>依据</th><th>更正与落实</th></tr>");
        foreach (var r in m.Resolutions)
        {
            var notes = r.Corrections.Select(c => $"更正（{T(c.At)}）：{H(c.Correction)}（{H(c.Reason)}）")
                .Concat(r.Actions.Select(a => $"落实（{T(a.At)}）：{H(a.Done)}"));
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{r.ItemNumber}</td><td>{H(names.Of(r.Lead))}</td><td>{H(string.Join("、", r.CoHandling.Select(names.Of)))}</td><td>{H(r.Action)}</td><td>{T(r.Deadline)}</td><td>{H(r.Basis)}</td><td>{string.Join("<br>", notes)}</td></tr>");
        }
        html.Append(CultureInfo.InvariantCulture, $"</table><p>印发时间：{(m.MinutesPublishedAt is { } p ? T(p) : "")}</p></body></html>");
        return html.ToString();
    }
}
