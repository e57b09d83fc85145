using System.Net;
using Shouldly;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.Web;

/// <summary>
/// The whistle's page: its forms run the API's own commands (PageCommands), so what the API refuses the page refuses
/// with the same status and nothing appended, a stale page is a 409, a double submit appends once, and a whistle
/// outside the user's scope is the 404 page.
/// </summary>
public sealed class WhistlePagesTests(AppFixture app) : IntegrationContext(app)
{
    /// <summary>An accepted illegal-parking complaint in 东关社区, whistled: the catalogue assigns 公安 (lead) and 城管.</summary>
    private async Task<Guid> BlownWhistle()
    {
        var lodged = await Lodge(Tokens.Community, NewComplaint("CP010101", "illegal-parking"));
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", new { });
        var blown = await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/whistle", new BlowWhistle("请公安、城管到现场处置占用消防通道车辆"), 201);
        return (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
    }

    private Task<WhistleDetails> Whistle(Guid id) => Get<WhistleDetails>(Tokens.Office, $"/api/whistles/{id}");

    private static WhistleDetails.AssignmentView Of(WhistleDetails whistle, string department) =>
        whistle.Assignments.Single(a => a.Department == department);

    [Fact]
    public async Task an_officer_signs_for_on_the_page_and_the_api_shows_it_signed_for()
    {
        var id = await BlownWhistle();
        var browser = await SignedIn("chengguan");
        var (_, page) = await browser.GetAsync($"/whistles/{id}");

        var (posted, _) = await browser.PostFormAsync($"/whistles/{id}", page, "sign-for");

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.PathAndQuery.ShouldBe($"/whistles/{id}?done=signed-for");
        var whistle = await Whistle(id);
        Of(whistle, "chengguan").Status.ShouldBe(AssignmentStatus.SignedFor);
        Of(whistle, "gongan").Status.ShouldBe(AssignmentStatus.Awaiting);
        var (_, after) = await browser.GetAsync(posted.Headers.Location.PathAndQuery);
        after.ShouldContain("已签收。");
        after.ShouldContain("提交反馈");
    }

    [Fact]
    public async Task a_reply_without_its_result_is_the_apis_400_beside_the_field_and_nothing_is_appended()
    {
        var id = await BlownWhistle();
        var browser = await SignedIn("chengguan");
        var (_, page) = await browser.GetAsync($"/whistles/{id}");
        (await browser.PostFormAsync($"/whistles/{id}", page, "sign-for")).Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, signed) = await browser.GetAsync($"/whistles/{id}");
        var before = (await EventsOf(id)).Count;

        var (refused, html) = await browser.PostFormAsync($"/whistles/{id}", signed, "reply", ("Result", " "), ("Evidence", ""));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("class=\"field-error\"");
        html.ShouldContain("aria-invalid=\"true\"");
        (await EventsOf(id)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task a_reply_with_evidence_lines_is_recorded_as_the_api_records_it()
    {
        var id = await BlownWhistle();
        var browser = await SignedIn("chengguan");
        var (_, page) = await browser.GetAsync($"/whistles/{id}");
        await browser.PostFormAsync($"/whistles/{id}", page, "sign-for");
        var (_, signed) = await browser.GetAsync($"/whistles/{id}");

        var (posted, _) = await browser.PostFormAsync($"/whistles/{id}", signed, "reply",
            ("Result", "已拖移占道车辆，设置禁停标识。"), ("Evidence", "照片-001\n\n 现场记录-002 \n"));

        posted.Headers.Location!.PathAndQuery.ShouldBe($"/whistles/{id}?done=replied");
        var chengguan = Of(await Whistle(id), "chengguan");
        chengguan.Status.ShouldBe(AssignmentStatus.Replied);
        chengguan.Result.ShouldBe("已拖移占道车辆，设置禁停标识。");
        chengguan.Evidence.ShouldBe(["照片-001", "现场记录-002"]);
    }

    [Fact]
    public async Task a_page_read_before_another_change_is_refused_with_409_and_appends_nothing()
    {
        var id = await BlownWhistle();
        var browser = await SignedIn("chengguan");
        var (_, stale) = await browser.GetAsync($"/whistles/{id}");
        await Post(Tokens.Gongan, $"/api/whistles/{id}/assignments/gongan/sign-for", new SignForAssignment());
        var before = (await EventsOf(id)).Count;

        var (refused, html) = await browser.PostFormAsync($"/whistles/{id}", stale, "sign-for");

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        html.ShouldContain("role=\"alert\"");
        (await EventsOf(id)).Count.ShouldBe(before);
        Of(await Whistle(id), "chengguan").Status.ShouldBe(AssignmentStatus.Awaiting);
    }

    [Fact]
    public async Task the_same_form_posted_twice_signs_for_once()
    {
        var id = await BlownWhistle();
        var browser = await SignedIn("chengguan");
        var (_, page) = await browser.GetAsync($"/whistles/{id}");
        var before = (await EventsOf(id)).Count;

        var first = await browser.PostFormAsync($"/whistles/{id}", page, "sign-for");
        var second = await browser.PostFormAsync($"/whistles/{id}", page, "sign-for");

        first.Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Response.StatusCode.ShouldBe(HttpStatusCode.Redirect, second.Html);
        (await EventsOf(id)).Count.ShouldBe(before + 1);
    }

    [Fact]
    public async Task a_rejection_without_its_legal_basis_is_400_and_with_it_pauses_the_assignment()
    {
        var id = await BlownWhistle();
        var browser = await SignedIn("chengguan");
        var (_, page) = await browser.GetAsync($"/whistles/{id}");

        var (refused, _) = await browser.PostFormAsync($"/whistles/{id}", page, "reject", ("LegalBasis", ""), ("Reason", "不属本部门职责"));
        var (rejected, _) = await browser.PostFormAsync($"/whistles/{id}", page, "reject",
            ("LegalBasis", "《城市道路管理条例》第二条"), ("Reason", "小区内部道路属物业管理区域。"));

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        rejected.Headers.Location!.PathAndQuery.ShouldBe($"/whistles/{id}?done=rejected");
        var chengguan = Of(await Whistle(id), "chengguan");
        chengguan.Status.ShouldBe(AssignmentStatus.Rejected);
        chengguan.RejectionBasis.ShouldBe("《城市道路管理条例》第二条");
    }

    [Fact]
    public async Task the_whistler_concludes_on_the_page_with_a_score_for_each_department()
    {
        var id = await BlownWhistle();
        foreach (var department in new[] { "gongan", "chengguan" })
        {
            await Post((department == "gongan" ? Tokens.Gongan : Tokens.Chengguan), $"/api/whistles/{id}/assignments/{department}/sign-for", new SignForAssignment());
            await Post((department == "gongan" ? Tokens.Gongan : Tokens.Chengguan), $"/api/whistles/{id}/assignments/{department}/reply", new ReplyToAssignment("已处置"));
        }
        var browser = await SignedIn("community");
        var (_, page) = await browser.GetAsync($"/whistles/{id}");
        page.ShouldContain("name=\"Scores[gongan]\"");

        var (posted, _) = await browser.PostFormAsync($"/whistles/{id}", page, "conclude",
            ("Scores[gongan]", "5"), ("Scores[chengguan]", "3"), ("Comments[chengguan]", "到场较慢"));

        posted.Headers.Location!.PathAndQuery.ShouldBe($"/whistles/{id}?done=concluded");
        var whistle = await Whistle(id);
        whistle.Concluded.ShouldBeTrue();
        Of(whistle, "gongan").Score.ShouldBe(5);
        Of(whistle, "chengguan").Score.ShouldBe(3);
        Of(whistle, "chengguan").RatingComment.ShouldBe("到场较慢");
    }

    [Fact]
    public async Task an_officer_of_a_department_without_an_assignment_gets_the_404_page()
    {
        var id = await BlownWhistle();
        var outsider = await SignedIn("huanbao");

        var (response, html) = await outsider.GetAsync($"/whistles/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldNotContain("请公安、城管到现场处置占用消防通道车辆");
    }

    [Fact]
    public async Task another_communitys_whistle_is_the_404_page()
    {
        var id = await BlownWhistle();
        var browser = await SignedIn("community2");

        var (response, html) = await browser.GetAsync($"/whistles/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("页面不存在");
    }
}
