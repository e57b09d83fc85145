using System.Net;
using Shouldly;
using Whistle.IntegrationTests.Mediation;
using Whistle.Kernel;
using Whistle.Mediation;

namespace Whistle.IntegrationTests.Web;

/// <summary>
/// The mediator's pages: the docket and the case page read as the API reads (its scope is theirs, a case outside it is
/// the 404 page), and a page form appends through the API's own command endpoint or shows its refusal and appends nothing.
/// </summary>
public sealed class MediationPagesTests(AppFixture app) : MediationContext(app)
{
    private static string Page(Guid id) => $"/mediation/cases/{id}";

    [Fact]
    public async Task the_docket_page_lists_the_mediators_case_with_the_one_month_limit_counting_down()
    {
        var id = await InMediation();
        var details = await CaseDetails(id);
        var browser = await SignedIn("mediator");

        var (response, html) = await browser.GetAsync("/mediation/docket?pageSize=100");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<h1>调解案件表</h1>");
        html.ShouldContain($"<tr data-case=\"{id}\">");
        html.ShouldContain($"<a href=\"/mediation/cases/{id}\">{details.Number}</a>");
        html.ShouldContain($"至 {MediationRules.Show(details.LimitLastDay!.Value)}");
        html.ShouldContain("data-testid=\"countdown\"");
        html.ShouldContain($"datetime=\"{details.LimitLastDay.Value.AddDays(1):yyyy-MM-dd}T00:00:00");
        html.ShouldContain("<th scope=\"col\">调解期限（一个月）</th>");
    }

    [Fact]
    public async Task the_docket_page_shows_the_confirmation_window_after_the_agreement()
    {
        var (id, _) = await Agreed();
        var details = await CaseDetails(id);
        var browser = await SignedIn("mediator");

        var (response, html) = await browser.GetAsync("/mediation/docket?pageSize=100");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = html[html.IndexOf($"<tr data-case=\"{id}\">", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        row.ShouldContain("已达成协议待履行");
        row.ShouldContain($"至 {MediationRules.Show(details.Confirmation!.WindowLastDay)}");
        row.ShouldContain("剩 ");
    }

    [Fact]
    public async Task another_mediators_docket_and_a_role_that_reads_no_docket_are_the_404_page()
    {
        var mediator = await SignedIn("mediator");
        var centreOfficer = await SignedIn("mediation-centre");

        (await mediator.GetAsync("/mediation/docket?mediator=mediator2")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await centreOfficer.GetAsync("/mediation/docket")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_long_docket_pages()
    {
        await InMediation();
        await InMediation();
        var browser = await SignedIn("mediator");

        var (first, html) = await browser.GetAsync("/mediation/docket?page=1&pageSize=1");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (html.Split("<tr data-case=").Length - 1).ShouldBe(1);
        html.ShouldContain("<a rel=\"next\" href=\"/mediation/docket?page=2&amp;pageSize=1\">下一页</a>");
    }

    [Fact]
    public async Task the_case_page_shows_the_parties_and_the_forms_the_state_allows()
    {
        var opened = await Open();
        var browser = await SignedIn("mediator");

        var (response, html) = await browser.GetAsync(Page(opened.Id));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"<h1>调解案件 {opened.Number}</h1>");
        html.ShouldContain("王**");
        html.ShouldContain("139****2222");
        html.ShouldNotContain("王大妈");
        html.ShouldNotContain("13900002222");
        html.ShouldContain("查看完整个人信息");
        html.ShouldContain("登记当事人意愿");
        html.ShouldContain("指派调解员");
        html.ShouldNotContain("受理案件");
        html.ShouldNotContain("签订调解协议");
    }

    [Fact]
    public async Task an_analyst_reads_the_case_masked_and_without_actions()
    {
        var opened = await Open();
        var browser = await SignedIn("analyst");

        var (response, html) = await browser.GetAsync(Page(opened.Id));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("王大妈");
        html.ShouldNotContain("13900002222");
        html.ShouldNotContain("<h2 id=\"actions\">");
        html.ShouldNotContain("登记当事人意愿");
    }

    [Fact]
    public async Task a_case_outside_the_users_scope_is_the_404_page()
    {
        var county = await App.NewCountyAsync();
        var foreign = await Open(county: county);
        var inCounty = await Open();
        var mediator = await SignedIn("mediator");
        var centreOfficer = await SignedIn("mediation-centre");

        var (response, html) = await mediator.GetAsync(Page(foreign.Id));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("页面不存在");
        html.ShouldNotContain(foreign.Number);
        (await centreOfficer.GetAsync(Page(inCounty.Id))).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task recording_consent_on_the_page_appends_through_the_api_once_however_often_the_form_is_sent()
    {
        var opened = await Open();
        var browser = await SignedIn("mediator");
        var (_, page) = await browser.GetAsync(Page(opened.Id));

        var (response, _) = await browser.PostFormAsync(Page(opened.Id), page, "consent", ("Consent.Side", "Applicant"), ("Consent.Consents", "true"));
        var (again, _) = await browser.PostFormAsync(Page(opened.Id), page, "consent", ("Consent.Side", "Applicant"), ("Consent.Consents", "true"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldEndWith($"{Page(opened.Id)}?done=consent");
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = await CaseDetails(opened.Id);
        details.Version.ShouldBe(2);
        details.Parties.Single(p => p.Side == PartySide.Applicant).Consented.ShouldBe(true);
        details.Parties.Single(p => p.Side == PartySide.Applicant).AnsweredAt.ShouldNotBeNull();
        var (_, done) = await browser.GetAsync($"{Page(opened.Id)}?done=consent");
        done.ShouldContain("<p role=\"status\" class=\"notice\" data-testid=\"done\">已登记当事人意愿。</p>");
    }

    [Fact]
    public async Task a_session_and_the_agreement_are_recorded_through_the_page()
    {
        var id = (await Open()).Id;
        await Accepted(id);
        await Act(id, "mediator", new AssignMediator("mediator", "吴调解", MediatorSelection.Appointed));
        var browser = await SignedIn("mediator");
        var (_, page) = await browser.GetAsync(Page(id));

        var (session, _) = await browser.PostFormAsync(Page(id), page, "session",
            ("Session.HeldAt", $"{CountyTime.Local(Now):yyyy-MM-ddTHH:mm}"), ("Session.Participants", "王大妈\n李先生"),
            ("Session.Minutes", "双方同意修复漏水点。"));
        session.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, afterSession) = await browser.GetAsync(Page(id));
        var (agreement, _) = await browser.PostFormAsync(Page(id), afterSession, "agreement",
            ("Agreement.Facts", "楼上防水层破损致楼下渗水。"), ("Agreement.Terms", "楼上住户赔偿 2000 元。"),
            ("Agreement.PerformanceManner", "一次性转账"), ("Agreement.PerformanceDeadline", $"{Today.AddDays(15):yyyy-MM-dd}"));

        agreement.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = await CaseDetails(id);
        details.Sessions.ShouldHaveSingleItem().Participants.ShouldBe(["王**", "李**"]);
        (await Unmasked($"/api/mediation/cases/{id}", Tokens.Mediator))["sessions[0].participants[0]"].ShouldBe("王大妈");
        details.Status.ShouldBe(MediationStatus.AgreementSigned);
        details.SignedAgreement!.Terms.ShouldBe("楼上住户赔偿 2000 元。");
        details.SignedAgreement.PerformanceDeadline.ShouldBe(Today.AddDays(15));
    }

    [Fact]
    public async Task a_refused_agreement_shows_the_field_problem_with_status_400_and_appends_nothing()
    {
        var id = await InMediation();
        var before = await CaseDetails(id);
        var browser = await SignedIn("mediator");
        var (_, page) = await browser.GetAsync(Page(id));

        var (response, html) = await browser.PostFormAsync(Page(id), page, "agreement",
            ("Agreement.Facts", "事实"), ("Agreement.Terms", "条款"), ("Agreement.PerformanceManner", "转账"),
            ("Agreement.PerformanceDeadline", $"{Today.AddDays(-1):yyyy-MM-dd}"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("role=\"alert\"");
        html.ShouldContain("请按字段提示修改后重试。Correct the fields listed in errors and retry.");
        html.ShouldContain("<span id=\"agreement-performanceDeadline-error\" class=\"field-error\">履行期限不能早于签订日。");
        html.ShouldContain("aria-describedby=\"agreement-performanceDeadline-error\"");
        (await CaseDetails(id)).Version.ShouldBe(before.Version);
    }

    [Fact]
    public async Task a_form_drawn_before_someone_else_acted_is_refused_409_and_appends_nothing()
    {
        var opened = await Open();
        var browser = await SignedIn("mediator");
        var (_, page) = await browser.GetAsync(Page(opened.Id));
        await Act(opened.Id, "consent", new RecordConsent(PartySide.Applicant, true));

        var (response, html) = await browser.PostFormAsync(Page(opened.Id), page, "consent", ("Consent.Side", "Respondent"), ("Consent.Consents", "true"));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        html.ShouldContain("role=\"alert\"");
        var details = await CaseDetails(opened.Id);
        details.Version.ShouldBe(2);
        details.Parties.Single(p => p.Side == PartySide.Respondent).Consented.ShouldBeNull();
    }
}
