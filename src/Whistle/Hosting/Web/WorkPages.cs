using System.Globalization;
using System.Security.Claims;
using Whistle.Kernel;

namespace Whistle.Hosting.Web;

/// <summary>
/// Where each kind of user does their daily work: one list that the navigation and the home page both draw, so a role
/// finds the same pages in both. A page still checks the user itself (as the API does); this list only points the way.
/// </summary>
public static class WorkPages
{
    public sealed record Link(string Href, string Chinese, string English, params string[] Roles)
    {
        public string Text => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? English : Chinese;
    }

    private static readonly Link[] All =
    [
        new("/complaints/new", "登记诉求", "Lodge a complaint", Roles.Community, Roles.Clerk, Roles.Admin),
        new("/complaints", "辖区案件", "Cases", Roles.Community, Roles.Clerk, Roles.SubDistrict, Roles.Office, Roles.Supervisor,
            Roles.Analyst, Roles.Mediator, Roles.Admin),
        new("/mediation/docket", "调解案件", "Mediation docket", Roles.Mediator, Roles.Clerk, Roles.Office, Roles.Analyst, Roles.Admin),
        new("/joint-meetings/worklist", "联席办工作台", "Office worklist", Roles.Office, Roles.Supervisor, Roles.Analyst, Roles.Admin),
        new("/joint-meetings", "联席会议", "Joint meetings", Roles.Office, Roles.Supervisor, Roles.Analyst, Roles.Admin),
        new("/assessment/ranking", "月度考核排名", "Monthly ranking", Roles.Office, Roles.Supervisor, Roles.Analyst, Roles.Admin, Roles.Department),
        new("/assessment/two-way", "双向考核", "Two-way assessment", Roles.Office, Roles.Supervisor, Roles.Analyst, Roles.Admin, Roles.SubDistrict),
        new("/history/dashboards", "历史看板", "Dashboards as of a day", Roles.Analyst, Roles.Office, Roles.Supervisor, Roles.Admin),
        new("/history/what-if", "模拟考核", "What-if", Roles.Analyst, Roles.Office, Roles.Supervisor, Roles.Admin),
    ];

    /// <summary>The department inbox, for a department officer: its path names the department.</summary>
    public static Link? Inbox(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Department) && user.FindFirstValue(WhistleClaims.Department) is { } department
            ? new Link($"/departments/{Uri.EscapeDataString(department)}/inbox", "部门待办", "Department inbox", Roles.Department)
            : null;

    /// <summary>The department's own scorecard, for a department officer.</summary>
    public static Link? Scorecard(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Department) && user.FindFirstValue(WhistleClaims.Department) is { } department
            ? new Link($"/assessment/departments/{Uri.EscapeDataString(department)}", "本部门考核", "Our scorecard", Roles.Department)
            : null;

    /// <summary>The pages this user works in: the department's inbox first, then the list above, then its scorecard.</summary>
    public static IReadOnlyList<Link> For(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
            ? [.. new[] { Inbox(user) }.OfType<Link>(), .. All.Where(l => l.Roles.Any(user.IsInRole)), .. new[] { Scorecard(user) }.OfType<Link>()]
            : [];
}
