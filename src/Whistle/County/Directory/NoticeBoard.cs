using System.Globalization;
using System.Net;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Directory;

/// <summary>
/// What the report asks every compound to post (统一制作宣传牌): each department's enforcement items, contact
/// person and supervision hotline, with the compound's community, property company and owners' committee.
/// </summary>
public sealed record NoticeBoard(
    string CompoundCode, string CompoundName, string Address,
    string CommunityName, string SubDistrictName,
    NoticeBoard.Company? PropertyCompany, OwnersCommittee OwnersCommittee,
    IReadOnlyList<NoticeBoard.DepartmentContact> Departments, string Hotline)
{
    public const string CitizenHotline = "12345";

    public sealed record Company(string Name, string ContactPerson, string Phone);

    public sealed record DepartmentContact(
        string Code, string Name, IReadOnlyList<string> EnforcementItems, string ContactPerson, string ContactPhone, string SupervisionHotline);

    public static async Task<NoticeBoard?> LoadAsync(IQuerySession session, string code, CancellationToken ct)
    {
        var compound = await session.LoadAsync<Compound>(DirectoryIds.Compound(code), ct);
        if (compound is null) return null;
        var info = compound.Info;
        var community = await session.LoadAsync<Community>(DirectoryIds.Community(info.CommunityCode), ct);
        var subDistrict = await session.LoadAsync<SubDistrict>(DirectoryIds.SubDistrict(info.SubDistrictCode), ct);
        var company = info.PropertyCompanyCode is { } companyCode
            ? await session.LoadAsync<PropertyCompany>(DirectoryIds.PropertyCompany(companyCode), ct) : null;
        var departments = await session.Query<Department>().OrderBy(d => d.Code).ToListAsync(ct);
        return new NoticeBoard(
            compound.Code, info.Name, info.Address, community?.Info.Name ?? info.CommunityCode,
            subDistrict?.Info.Name ?? info.SubDistrictCode,
            company is null ? null : new Company(company.Info.Name, company.Info.ContactPerson, company.Info.Phone),
            info.OwnersCommittee,
            departments.Select(d => new DepartmentContact(d.Code, d.Info.Name, d.Info.EnforcementItems, d.Info.ContactPerson,
                d.Info.ContactPhone, d.Info.SupervisionHotline)).ToList(),
            CitizenHotline);
    }

    public static ProblemDetails NotFound(string code) =>
        Problems.NotFound($"没有编码为 {code} 的小区。", $"No compound {code}.");

    /// <summary>The board as an A4 page to print and post.</summary>
    public string ToHtml()
    {
        static string H(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{{H(CompoundName)}} 部门职责公示牌</title>
            <style>
              @page { size: A4; margin: 14mm; }
              body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #111; }
              h1 { text-align: center; font-size: 22pt; margin: 0 0 4pt; } .sub { text-align: center; color: #444; }
              table { width: 100%; border-collapse: collapse; margin-top: 10pt; font-size: 10.5pt; }
              th, td { border: 1px solid #333; padding: 4pt 6pt; vertical-align: top; text-align: left; }
              th { background: #eee; } ul { margin: 0; padding-left: 14pt; }
              .foot { margin-top: 10pt; font-size: 11pt; }
            </style></head><body><main>
            <h1>{{H(CompoundName)}} 部门职责公示牌</h1>
            <p class="sub">{{H(SubDistrictName)}} · {{H(CommunityName)}} · {{H(Address)}}</p>
            <table><tr><th scope="col">部门</th><th scope="col">执法事项</th><th scope="col">联系人及电话</th><th scope="col">监督电话</th></tr>
            """);
        foreach (var d in Departments)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(d.Name)}</td><td><ul>");
            foreach (var item in d.EnforcementItems) html.Append(CultureInfo.InvariantCulture, $"<li>{H(item)}</li>");
            html.Append(CultureInfo.InvariantCulture, $"</ul></td><td>{H(d.ContactPerson)}<br>{H(d.ContactPhone)}</td><td>{H(d.SupervisionHotline)}</td></tr>");
        }
        html.Append("</table><p class=\"foot\">");
        html.Append(PropertyCompany is { } c
            ? $"物业服务企业：{H(c.Name)}（{H(c.ContactPerson)} {H(c.Phone)}）。"
            : "本小区暂无物业服务企业。");
        html.Append(OwnersCommittee.Formed
            ? string.Create(CultureInfo.InvariantCulture,
                $"业主委员会任期：{OwnersCommittee.TermStartsOn:yyyy-MM-dd} 至 {OwnersCommittee.TermEndsOn:yyyy-MM-dd}。")
            : "本小区尚未成立业主委员会。");
        html.Append(CultureInfo.InvariantCulture, $"<br>市民服务热线：<b>{H(Hotline)}</b></p></main></body></html>");
        return html.ToString();
    }
}

public static class NoticeBoardEndpoint
{
    public static Task<NoticeBoard?> LoadAsync(string code, IQuerySession session, CancellationToken ct) =>
        NoticeBoard.LoadAsync(session, code, ct);

    public static ProblemDetails Validate(string code, NoticeBoard? board) => board is null ? NoticeBoard.NotFound(code) : Problems.None;

    [EndpointSummary("小区公示栏 A compound's notice board")]
    [EndpointDescription("小区公示栏的内容：物业企业、联系人、监督电话与投诉渠道。What a compound's notice board shows: its property company, contacts, supervision hotline and how to complain.")]
    [WolverineGet("/api/directory/compounds/{code}/notice-board", OperationId = "GetNoticeBoard")]
    public static NoticeBoard Get(NoticeBoard board) => board;
}

public static class PrintableNoticeBoardEndpoint
{
    /// <summary>
    /// The printable notice board. Public, like the board on the compound's wall; the county is in the route because
    /// a printed page carries no token.
    /// </summary>
    [EndpointSummary("打印小区公示栏 Print a compound's notice board")]
    [WolverineGet("/notice-boards/{county}/{code}", OperationId = "PrintNoticeBoard")]
    [AllowAnonymous]
    public static async Task<IResult> Get(string county, string code, IDocumentStore store, CancellationToken ct)
    {
        // A blank county names no tenant (Marten refuses to open a session for one): no such board, not a 500.
        if (string.IsNullOrWhiteSpace(county)) return Results.Problem(NoticeBoard.NotFound(code));
        await using var session = store.QuerySession(county);
        var board = await NoticeBoard.LoadAsync(session, code, ct);
        return board is null
            ? Results.Problem(NoticeBoard.NotFound(code))
            : Results.Content(board.ToHtml(), "text/html; charset=utf-8");
    }
}
