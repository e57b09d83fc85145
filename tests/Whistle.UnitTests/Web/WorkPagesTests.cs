using System.Globalization;
using System.Security.Claims;
using Shouldly;
using Whistle.Hosting.Web;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.Web;

/// <summary>The navigation and the home page point each role to its own pages, from one list.</summary>
public sealed class WorkPagesTests
{
    private static ClaimsPrincipal User(string role, string? department = null)
    {
        var claims = new List<Claim> { new(WhistleClaims.Subject, "u"), new(WhistleClaims.Role, role) };
        if (department is not null) claims.Add(new(WhistleClaims.Department, department));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test", WhistleClaims.Subject, WhistleClaims.Role));
    }

    [Fact]
    public void a_department_officer_finds_the_inbox_first_the_ranking_and_its_own_scorecard_last()
    {
        WorkPages.For(User(Roles.Department, "chengguan")).Select(l => l.Href)
            .ShouldBe(["/departments/chengguan/inbox", "/assessment/ranking", "/assessment/departments/chengguan"]);
    }

    [Fact]
    public void a_community_worker_lodges_and_lists_cases_and_sees_no_office_page()
    {
        WorkPages.For(User(Roles.Community)).Select(l => l.Href).ShouldBe(["/complaints/new", "/complaints"]);
    }

    [Fact]
    public void the_office_finds_its_worklist_and_meetings()
    {
        WorkPages.For(User(Roles.Office)).Select(l => l.Href).ShouldContain("/joint-meetings/worklist");
        WorkPages.For(User(Roles.Office)).Select(l => l.Href).ShouldNotContain("/complaints/new");
    }

    [Fact]
    public void an_anonymous_visitor_is_pointed_nowhere()
    {
        WorkPages.For(new ClaimsPrincipal(new ClaimsIdentity())).ShouldBeEmpty();
    }

    [Fact]
    public void a_link_reads_in_the_pages_language()
    {
        var link = WorkPages.For(User(Roles.Mediator)).Single(l => l.Href == "/mediation/docket");
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            link.Text.ShouldBe("调解案件");
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            link.Text.ShouldBe("Mediation docket");
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
