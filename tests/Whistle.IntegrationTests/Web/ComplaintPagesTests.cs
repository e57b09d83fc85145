using System.Net;
using System.Text.RegularExpressions;
using Shouldly;
using Whistle.Complaints;

namespace Whistle.IntegrationTests.Web;

/// <summary>
/// The community worker's and hotline clerk's pages: lodging with the compound lookup and the routing preview, the
/// area's case list, and a complaint's page with its next actions — each reading and writing through the API's own
/// query, scope rule and command endpoint.
/// </summary>
public sealed partial class ComplaintPagesTests(AppFixture app) : IntegrationContext(app)
{
    private static string Unique() => "页测" + Guid.NewGuid().ToString("N")[..8];

    private static Guid ComplaintOf(HttpResponseMessage redirect)
    {
        redirect.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return Guid.Parse(ComplaintLocation().Match(redirect.Headers.Location!.OriginalString).Groups["id"].Value);
    }

    [GeneratedRegex("/complaints/(?<id>[0-9a-f-]{36})\\?done=")]
    private static partial Regex ComplaintLocation();

    [Fact]
    public async Task the_lodge_page_finds_the_communitys_own_compounds_by_part_of_their_name()
    {
        var community = await SignedIn("community");

        var (found, html) = await community.GetAsync("/complaints/new?q=" + Uri.EscapeDataString("东关"));
        var (_, foreign) = await community.GetAsync("/complaints/new?q=CP0201");

        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("type=\"radio\" id=\"compound-CP010101\" name=\"CompoundId\" value=\"CP010101\"");
        html.ShouldContain("东关花园");
        html.ShouldContain("<option value=\"illegal-parking\">乱停乱放</option>");
        foreign.ShouldNotContain("CP020101");
        foreign.ShouldContain("没有找到与“CP0201”相符、且在您辖区内的小区。");
    }

    [Fact]
    public async Task the_clerk_finds_compounds_across_the_county()
    {
        var clerk = await SignedIn("clerk");

        var (_, html) = await clerk.GetAsync("/complaints/new?q=CP0201");

        html.ShouldContain("value=\"CP020101\"");
    }

    [Fact]
    public async Task previewing_shows_the_catalogues_routing_and_due_times_and_lodges_nothing()
    {
        var community = await SignedIn("community");
        var words = Unique();
        var (_, page) = await community.GetAsync("/complaints/new?q=" + Uri.EscapeDataString("东关"));

        var (response, html) = await community.PostFormAsync("/complaints/new?q=" + Uri.EscapeDataString("东关"), page, "lodge",
            ("Action", "preview"), ("CompoundId", "CP010101"), ("CategoryId", "illegal-parking"), ("Channel", "Hotline"),
            ("Urgency", "Ordinary"), ("ComplainantName", "张三"), ("ComplainantPhone", "13812345678"), ("Description", words));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<dd data-testid=\"preview-lead\">县公安局</dd>");
        html.ShouldContain("<dd data-testid=\"preview-co-handling\">县城市管理局</dd>");
        html.ShouldContain("<dd>常规</dd>");
        html.ShouldContain("value=\"CP010101\" checked");
        (await Get<ComplaintPage>(Tokens.Community, "/api/complaints?q=" + words)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task lodging_through_the_page_redirects_to_the_new_complaint_once_however_often_it_is_posted()
    {
        var community = await SignedIn("community");
        var words = Unique();
        var (_, page) = await community.GetAsync("/complaints/new?q=" + Uri.EscapeDataString("东关"));
        (string, string)[] form =
        [
            ("Action", "lodge"), ("CompoundId", "CP010101"), ("CategoryId", "illegal-parking"), ("Channel", "GridPatrol"),
            ("Urgency", "Emergency"), ("ComplainantName", "李四"), ("ComplainantPhone", "13900001111"), ("Description", "消防通道被占 " + words),
        ];

        var (first, _) = await community.PostFormAsync("/complaints/new", page, "lodge", form);
        var (again, _) = await community.PostFormAsync("/complaints/new", page, "lodge", form);

        var id = ComplaintOf(first);
        ComplaintOf(again).ShouldBe(id);
        var details = await Get<ComplaintDetails>(Tokens.Community, $"/api/complaints/{id}");
        details.Status.ShouldBe(ComplaintStatus.Lodged);
        details.CompoundId.ShouldBe("CP010101");
        details.Channel.ShouldBe(ComplaintChannel.GridPatrol);
        details.Urgency.ShouldBe(global::Whistle.County.Deadlines.ComplaintUrgency.Emergency);
        details.LodgedBy.UserId.ShouldBe("community");
        (await Get<ComplaintPage>(Tokens.Community, "/api/complaints?q=" + words)).Total.ShouldBe(1);
        var (_, shown) = await community.GetAsync($"/complaints/{id}?done=lodged");
        shown.ShouldContain("<p role=\"status\" class=\"done\">已登记。</p>");
    }

    [Fact]
    public async Task a_refused_lodging_shows_the_apis_field_errors_beside_the_fields_with_400_and_lodges_nothing()
    {
        var community = await SignedIn("community");
        var words = Unique();
        var (_, page) = await community.GetAsync("/complaints/new");

        var (response, html) = await community.PostFormAsync("/complaints/new", page, "lodge",
            ("Action", "lodge"), ("CompoundId", "CP010101"), ("CategoryId", "illegal-parking"), ("Channel", "Hotline"),
            ("Urgency", "Ordinary"), ("ComplainantName", ""), ("ComplainantPhone", "abc"), ("Description", words));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("<p role=\"alert\" class=\"problem\">请按字段提示修改后重试。Correct the fields listed in errors and retry.</p>");
        html.ShouldContain("aria-describedby=\"complainant.phone-error\" aria-invalid=\"true\"");
        WebUtility.HtmlDecode(html).ShouldContain("<p id=\"complainant.phone-error\" class=\"field-error\" data-testid=\"field-error\">电话号码只能包含数字、空格、+ 和 -。Digits, spaces, + and - only.</p>");
        html.ShouldContain("<p id=\"complainant.name-error\" class=\"field-error\" data-testid=\"field-error\">必填。Required.</p>");
        (await Get<ComplaintPage>(Tokens.Community, "/api/complaints?q=" + words)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task the_case_list_shows_the_communitys_complaints_and_not_another_communitys()
    {
        var words = Unique();
        var ours = await Lodge(Tokens.Clerk, NewComplaint("CP010101") with { Description = "噪音扰民 " + words });
        var theirs = await Lodge(Tokens.Clerk, NewComplaint("CP020101") with { Description = "噪音扰民 " + words });
        var community = await SignedIn("community");

        var (response, html) = await community.GetAsync("/complaints?q=" + words);
        var (_, clerkHtml) = await (await SignedIn("clerk")).GetAsync("/complaints?q=" + words);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"<a href=\"/complaints/{ours.Id}\">{ours.Number}</a>");
        html.ShouldNotContain(theirs.Number);
        html.ShouldContain("共 1 件投诉");
        clerkHtml.ShouldContain(theirs.Number);
        clerkHtml.ShouldContain("共 2 件投诉");
    }

    [Fact]
    public async Task the_case_list_filters_by_status_and_number_as_the_api_does()
    {
        var words = Unique();
        var lodged = await Lodge(Tokens.Community, NewComplaint() with { Description = "漏水 " + words });
        var accepted = await Lodge(Tokens.Community, NewComplaint() with { Description = "漏水 " + words });
        await Post(Tokens.Community, $"/api/complaints/{accepted.Id}/accept", new { });
        var community = await SignedIn("community");

        var (_, byStatus) = await community.GetAsync($"/complaints?status=Accepted&q={words}");
        var (_, byNumber) = await community.GetAsync($"/complaints?q={lodged.Number}");
        var (bad, badHtml) = await community.GetAsync("/complaints?q=" + Uri.EscapeDataString("噪"));

        byStatus.ShouldContain(accepted.Number);
        byStatus.ShouldNotContain(lodged.Number);
        byNumber.ShouldContain(lodged.Number);
        byNumber.ShouldContain("共 1 件投诉");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        badHtml.ShouldContain("<p id=\"q-error\" class=\"field-error\"");
    }

    [Fact]
    public async Task another_communitys_complaint_page_is_404_as_in_the_api()
    {
        var lodged = await Lodge(Tokens.Community);
        var other = await SignedIn("community2");

        var (response, html) = await other.GetAsync($"/complaints/{lodged.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldNotContain(lodged.Number);
        await Send(Tokens.OtherCommunity, x => x.Get.Url($"/api/complaints/{lodged.Id}"), 404);
    }

    [Fact]
    public async Task the_community_worker_accepts_and_blows_the_whistle_through_the_case_page()
    {
        var lodged = await Lodge(Tokens.Community);
        var community = await SignedIn("community");
        var (_, page) = await community.GetAsync($"/complaints/{lodged.Id}");
        page.ShouldContain("value=\"accept\"");
        page.ShouldNotContain("value=\"whistle\"");

        var (accepted, _) = await community.PostFormAsync($"/complaints/{lodged.Id}", page, "accept");
        ComplaintOf(accepted).ShouldBe(lodged.Id);
        (await Get<ComplaintDetails>(Tokens.Community, $"/api/complaints/{lodged.Id}")).Status.ShouldBe(ComplaintStatus.Accepted);

        var (_, acceptedPage) = await community.GetAsync($"/complaints/{lodged.Id}?done=accepted");
        acceptedPage.ShouldContain("<p role=\"status\" class=\"done\">已受理。</p>");
        var (blown, _) = await community.PostFormAsync($"/complaints/{lodged.Id}", acceptedPage, "whistle", ("Need", "请公安、城管到场处置占用消防通道的车辆。"));

        ComplaintOf(blown).ShouldBe(lodged.Id);
        var details = await Get<ComplaintDetails>(Tokens.Community, $"/api/complaints/{lodged.Id}");
        var whistle = details.Whistles.ShouldHaveSingleItem();
        whistle.Departments.ShouldBe(["gongan", "chengguan"]);
        var (_, whistledPage) = await community.GetAsync($"/complaints/{lodged.Id}?done=whistled");
        whistledPage.ShouldContain($"href=\"/whistles/{whistle.Id}\" data-testid=\"whistle-link\">吹哨：县公安局、县城市管理局</a>");
        whistledPage.ShouldContain("<dd>东关花园</dd>");
        whistledPage.ShouldNotContain("value=\"whistle\"");
        whistledPage.ShouldNotContain("value=\"resolve\"");
    }

    [Fact]
    public async Task the_clerk_is_offered_no_whistle_because_only_the_area_may_blow_it()
    {
        var lodged = await Lodge(Tokens.Clerk);
        await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/accept", new { });

        var (_, page) = await (await SignedIn("clerk")).GetAsync($"/complaints/{lodged.Id}");

        page.ShouldContain("value=\"resolve\"");
        page.ShouldNotContain("value=\"whistle\"");
    }

    [Fact]
    public async Task a_stale_form_shows_the_apis_409_and_appends_nothing()
    {
        var lodged = await Lodge(Tokens.Community);
        var community = await SignedIn("community");
        var (_, page) = await community.GetAsync($"/complaints/{lodged.Id}");
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/notes", new { text = "先电话联系投诉人。", visibility = "Internal" });
        var before = await Get<ComplaintDetails>(Tokens.Community, $"/api/complaints/{lodged.Id}");

        var (response, html) = await community.PostFormAsync($"/complaints/{lodged.Id}", page, "decline", ("Reason", "不属于受理范围"));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        html.ShouldContain("<p role=\"alert\" class=\"problem\">");
        var after = await Get<ComplaintDetails>(Tokens.Community, $"/api/complaints/{lodged.Id}");
        after.Status.ShouldBe(ComplaintStatus.Lodged);
        after.Version.ShouldBe(before.Version);
    }

    [Fact]
    public async Task a_resolved_complaint_takes_the_follow_up_call_and_then_closes_through_the_page()
    {
        var lodged = await Lodge(Tokens.Community);
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", new { });
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/resolve", new { outcome = "车辆已移走，设置隔离桩。" });
        var community = await SignedIn("community");
        var (_, page) = await community.GetAsync($"/complaints/{lodged.Id}");

        var (followedUp, _) = await community.PostFormAsync($"/complaints/{lodged.Id}", page, "follow-up", ("Satisfaction", "Satisfied"), ("Comment", ""));
        ComplaintOf(followedUp).ShouldBe(lodged.Id);
        var (_, followedUpPage) = await community.GetAsync($"/complaints/{lodged.Id}");
        followedUpPage.ShouldContain("回访：满意");
        var (closed, _) = await community.PostFormAsync($"/complaints/{lodged.Id}", followedUpPage, "close");

        ComplaintOf(closed).ShouldBe(lodged.Id);
        (await Get<ComplaintDetails>(Tokens.Community, $"/api/complaints/{lodged.Id}")).Status.ShouldBe(ComplaintStatus.Closed);
    }
}
