using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Whistle.Kernel;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.Web;

/// <summary>The pages in the API's host: Chinese first, the development sign-in, the inbox page's scope, the API's bearer-only rule.</summary>
public sealed partial class WebPagesTests(AppFixture app) : IntegrationContext(app)
{
    /// <summary>An accepted illegal-parking complaint in 东关社区, whistled: the catalogue assigns 公安 (lead) and 城管.</summary>
    private async Task<(string Number, Guid Whistle)> BlownWhistle()
    {
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"));
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", new { });
        var blown = await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/whistle", new BlowWhistle("请公安、城管到现场处置占用消防通道车辆"), 201);
        return (lodged.Number, (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId);
    }

    [Fact]
    public async Task the_home_page_greets_an_anonymous_visitor_in_chinese_unescaped()
    {
        var (response, html) = await new PageBrowser(Host).GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        html.ShouldContain("<html lang=\"zh-CN\">");
        html.ShouldContain("欢迎使用吹哨报到");
        html.ShouldNotContain("&#x");
        html.ShouldContain("href=\"/sign-in\"");
    }

    [Fact]
    public async Task pages_carry_a_strict_script_policy_refuse_framing_and_are_not_cached_and_the_api_keeps_its_own_headers()
    {
        var browser = await SignedIn("chengguan");

        var (page, _) = await browser.GetAsync("/");
        var (api, _) = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/departments/chengguan/inbox")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(Tokens.Chengguan)) },
        });

        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self';");
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        page.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        page.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        page.Headers.CacheControl!.NoStore.ShouldBeTrue();
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        api.Headers.Contains("Content-Security-Policy").ShouldBeFalse();
        api.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }

    [Fact]
    public async Task a_page_session_lasts_in_real_hours_whatever_the_county_clock_does()
    {
        var browser = await SignedIn("chengguan");

        App.Clock.Advance(TimeSpan.FromHours(11));
        var (response, html) = await browser.GetAsync("/departments/chengguan/inbox?pageSize=1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, response.Headers.Location?.ToString());
        html.ShouldContain("data-testid=\"signed-in-user\"");
    }

    [Fact]
    public async Task the_stylesheet_and_the_page_script_are_served_to_anyone()
    {
        var browser = new PageBrowser(Host);
        var (_, home) = await browser.GetAsync("/");
        var stylesheet = StylesheetLink().Match(home).Groups["href"].Value;

        var (css, cssText) = await browser.GetAsync("/" + stylesheet);
        var (script, _) = await browser.GetAsync("/_framework/blazor.web.js");

        css.StatusCode.ShouldBe(HttpStatusCode.OK);
        cssText.ShouldContain("\"WenQuanYi Micro Hei\"");
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>[^\"]+)\"")]
    private static partial Regex StylesheetLink();

    [Fact]
    public async Task the_development_sign_in_lists_the_sample_staff()
    {
        var (response, html) = await new PageBrowser(Host).GetAsync("/sign-in");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("周科长");
        html.ShouldContain("value=\"zhujian\"");
        html.ShouldContain("name=\"__RequestVerificationToken\"");
    }

    [Fact]
    public async Task signing_in_sets_the_session_cookie_and_returns_to_a_local_page()
    {
        var browser = new PageBrowser(Host);
        var (_, page) = await browser.GetAsync("/sign-in?ReturnUrl=%2Fdepartments%2Fzhujian%2Finbox");

        var (response, _) = await browser.PostFormAsync("/sign-in?ReturnUrl=%2Fdepartments%2Fzhujian%2Finbox", page, "sign-in", ("UserId", "zhujian"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.ShouldBe("/departments/zhujian/inbox");
        browser.Cookies.Keys.ShouldContain("whistle.session");
        var (home, html) = await browser.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("周科长");
        html.ShouldContain("等您处理");
    }

    [Fact]
    public async Task signing_in_as_someone_not_on_the_staff_list_is_400_and_signs_no_one_in()
    {
        var browser = new PageBrowser(Host);
        var (_, page) = await browser.GetAsync("/sign-in");

        var (response, html) = await browser.PostFormAsync("/sign-in", page, "sign-in", ("UserId", "nobody"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("没有这位工作人员。");
        browser.Cookies.Keys.ShouldNotContain("whistle.session");
    }

    [Fact]
    public async Task a_user_who_is_no_department_officer_gets_a_list_of_what_to_do_and_no_department_inbox()
    {
        var browser = await SignedIn("mediator");

        var (home, html) = await browser.GetAsync("/");
        var (inbox, _) = await browser.GetAsync("/departments/chengguan/inbox");

        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("吴调解");
        html.ShouldContain("您可以在这里");
        html.ShouldNotContain("等您处理");
        inbox.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task signing_in_without_the_antiforgery_token_is_refused()
    {
        var browser = new PageBrowser(Host);
        var (response, _) = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("_handler", "sign-in"), KeyValuePair.Create("UserId", "admin")]),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        browser.Cookies.Keys.ShouldNotContain("whistle.session");
    }

    [Fact]
    public async Task an_anonymous_visitor_to_an_inbox_is_sent_to_sign_in()
    {
        var (response, _) = await new PageBrowser(Host).GetAsync("/departments/gongan/inbox");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldEndWith("/sign-in?ReturnUrl=%2Fdepartments%2Fgongan%2Finbox");
    }

    [Fact]
    public async Task an_officer_sees_the_blown_whistle_in_their_departments_inbox_page()
    {
        var (number, whistle) = await BlownWhistle();
        var browser = await SignedIn("gongan");
        // The inbox is soonest due first and other tests fill it too: the page that holds this whistle.
        var position = (await Get<DepartmentInbox>(Tokens.Gongan, "/api/departments/gongan/inbox")).Items.ToList().FindIndex(i => i.WhistleId == whistle);

        var (response, html) = await browser.GetAsync($"/departments/gongan/inbox?pageSize=100&page={position / 100 + 1}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<caption>");
        html.ShouldContain("<th scope=\"col\">签收期限</th>");
        html.ShouldContain($"data-whistle=\"{whistle}\"");
        html.ShouldContain($"<th scope=\"row\"><a href=\"/whistles/{whistle}\">{number}</a></th>");
        var item = (await Get<DepartmentInbox>(Tokens.Gongan, "/api/departments/gongan/inbox")).Items.Single(i => i.WhistleId == whistle);
        html.ShouldContain($">{CountyTime.Local(item.SignForDue):yyyy-MM-dd HH:mm}</time>");
        html.ShouldContain($">{CountyTime.Local(item.ReplyDue):yyyy-MM-dd HH:mm}</time>");
        html.ShouldContain("data-testid=\"due-badge\"");
    }

    [Fact]
    public async Task the_home_page_lists_the_officers_notifications_linking_the_whistle_page_and_marks_them_all_read()
    {
        var blown = await BlownWhistle();
        // Given: the officer's notification of the assignment (how notifications are made is NotificationEndpointTests').
        var eventId = Guid.NewGuid();
        var notificationId = Whistle.Notifications.Notification.IdFor(eventId, "chengguan");
        await using (var session = Host.Services.GetRequiredService<Marten.IDocumentStore>().LightweightSession(AppFixture.County))
        {
            session.Store(new Whistle.Notifications.Notification
            {
                Id = notificationId, UserId = "chengguan",
                Kind = Whistle.Notifications.NoticeKind.Assigned, Title = "新派单", Body = "请签收", CaseId = blown.Whistle,
                Link = $"/api/whistles/{blown.Whistle}", EventId = eventId, CreatedAt = DateTimeOffset.UtcNow.AddYears(5),
            });
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var browser = await SignedIn("chengguan");

        var (_, home) = await browser.GetAsync("/");
        var (posted, _) = await browser.PostFormAsync("/", home, "read-all");

        home.ShouldContain($"<a href=\"/whistles/{blown.Whistle}\">");
        home.ShouldContain("未读");
        home.ShouldContain("href=\"/assessment/ranking\"");
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The whistle's own notifications may still be arriving from the daemon: this one, read before, is read now.
        var after = await Get<Whistle.Notifications.NotificationPage>(Tokens.Chengguan, "/api/me/notifications?pageSize=100");
        after.Items.Single(n => n.Id == notificationId).ReadAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task a_long_inbox_pages_with_previous_and_next_links()
    {
        await BlownWhistle();
        await BlownWhistle();
        var browser = await SignedIn("gongan");

        var (first, firstHtml) = await browser.GetAsync("/departments/gongan/inbox?page=1&pageSize=1");
        var (second, secondHtml) = await browser.GetAsync("/departments/gongan/inbox?page=2&pageSize=1");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        Rows(firstHtml).ShouldBe(1);
        firstHtml.ShouldContain("<a rel=\"next\" href=\"/departments/gongan/inbox?page=2&amp;pageSize=1\">下一页</a>");
        firstHtml.ShouldNotContain("rel=\"prev\"");
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        Rows(secondHtml).ShouldBe(1);
        secondHtml.ShouldContain("<a rel=\"prev\" href=\"/departments/gongan/inbox?page=1&amp;pageSize=1\">上一页</a>");
    }

    private static int Rows(string html) => html.Split("<tr data-whistle=").Length - 1;

    [Fact]
    public async Task signing_out_is_a_form_post_that_ends_the_session()
    {
        var browser = await SignedIn("gongan");
        var (_, home) = await browser.GetAsync("/");

        var (response, _) = await browser.PostFormAsync("/sign-out", home, "/sign-out", ("returnUrl", "/"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        browser.Cookies.Keys.ShouldNotContain("whistle.session");
        (await browser.GetAsync("/departments/gongan/inbox")).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task signing_out_without_the_antiforgery_token_is_refused_and_the_session_stays()
    {
        var browser = await SignedIn("gongan");

        var (response, _) = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/sign-out")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("returnUrl", "/")]),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        browser.Cookies.Keys.ShouldContain("whistle.session");
        (await browser.GetAsync("/departments/gongan/inbox")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task another_departments_inbox_page_is_404_as_in_the_api()
    {
        await BlownWhistle();
        var browser = await SignedIn("gongan");

        var (response, html) = await browser.GetAsync("/departments/chengguan/inbox");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("页面不存在");
        html.ShouldNotContain("data-whistle=");
        (await browser.GetAsync("/departments/no-such-department/inbox")).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>The API accepts bearer tokens only: a page's session cookie opens no /api route.</summary>
    [Fact]
    public async Task the_api_ignores_a_page_cookie_and_answers_401_without_a_bearer_token()
    {
        var browser = await SignedIn("gongan");

        var (response, body) = await browser.GetAsync("/api/departments/gongan/inbox");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        body.ShouldContain("需要访问令牌");
        var withToken = new HttpRequestMessage(HttpMethod.Get, "/api/departments/gongan/inbox");
        withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(Tokens.Gongan));
        (await browser.SendAsync(withToken)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task the_language_switch_sets_the_culture_cookie_and_the_page_follows_in_english()
    {
        var browser = new PageBrowser(Host);

        var (response, _) = await browser.GetAsync("/culture/en?returnUrl=%2Fsign-in");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/sign-in");
        browser.Cookies[".AspNetCore.Culture"].ShouldBe("c%3Den%7Cuic%3Den");
        var (_, html) = await browser.GetAsync("/");
        html.ShouldContain("<html lang=\"en\">");
        html.ShouldContain("Welcome to Whistle");
        (await browser.GetAsync("/culture/zh-CN?returnUrl=%2F")).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/")).Html.ShouldContain("<html lang=\"zh-CN\">");
    }

    [Fact]
    public async Task the_language_switch_returns_to_this_site_only_and_knows_two_languages()
    {
        var browser = new PageBrowser(Host);

        (await browser.GetAsync("/culture/en?returnUrl=%2F%2Fevil.example")).Response.Headers.Location!.OriginalString.ShouldBe("/");
        (await browser.GetAsync("/culture/en?returnUrl=https%3A%2F%2Fevil.example")).Response.Headers.Location!.OriginalString.ShouldBe("/");
        var (unknown, body) = await browser.GetAsync("/culture/fr");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        body.ShouldContain("没有语言 fr");
    }
}
