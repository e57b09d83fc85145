using System.Globalization;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

using static Whistle.EndToEndTests.Journey;

namespace Whistle.EndToEndTests.JointMeetings;

/// <summary>
/// The joint-meeting office's day: a community blows a whistle and 城管 rejects its part (both through the API, as their
/// own clients would); 郑联席 signs in in the browser, rules on the rejection from the worklist (upheld, moved to 住建),
/// convenes a meeting, puts the whistle on its agenda, holds it, adopts a resolution, publishes the minutes and opens
/// them to print. Each page the office uses is scanned by axe, in Chinese and in English.
/// </summary>
public sealed class OfficeJourney(WhistleApp app)
{
    private static readonly string[] Members = ["chengguan", "gongan"];

    [Fact]
    public async Task the_office_rules_on_a_rejection_then_runs_a_meeting_from_its_agenda_to_the_printable_minutes()
    {
        var whistle = await RejectedByChengguanAsync("东门外消防通道被货车长期占用，请城管、公安到场。");
        await using var tab = await BrowserTab.OpenAsync(app);
        var page = tab.Page;
        await SignInAsync(page, "office");

        var ruling = page.Locator($"#arbitrate-{whistle:N}-chengguan");
        await WorklistShowingAsync(page, ruling);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("联席办待办");
        var worklist = await tab.AccessibilityViolationsAsync();
        await page.Locator($"tr[data-whistle='{whistle}'] a[href$='#arbitrate-{whistle:N}-chengguan']").ClickAsync();
        await ruling.GetByText("退单成立（改派其他部门）").ClickAsync();
        await Expect(ruling.Locator("input[value='Upheld']")).ToBeCheckedAsync();
        await ruling.Locator("select[name='ReassignTo']").SelectOptionAsync("zhujian");
        await ruling.Locator("textarea[name='Reason']").FillAsync("小区内部道路属物业管理区域，由住建监督物业企业落实。");
        await ruling.GetByRole(AriaRole.Button, new() { Name = "提交审定" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToContainTextAsync("退单成立");

        await page.GotoAsync("joint-meetings");
        await page.Locator("#convene-at").FillAsync(Local(DateTimeOffset.UtcNow.AddDays(3)));
        await page.Locator("#convene-chair").FillAsync("县联席办主任");
        await page.Locator("#convene-venue").FillAsync("县政府三楼会议室");
        await page.Locator("#convene-member-chengguan").CheckAsync();
        await page.Locator("#convene-member-zhujian").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "召集会议" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("已召集会议。");
        var meetingUrl = page.Url.Split('?')[0];

        await page.Locator("#add-whistle").FillAsync(whistle.ToString());
        await page.Locator("#add-reason").FillAsync("消防通道占用反复发生，需多部门协调。");
        await page.GetByRole(AriaRole.Button, new() { Name = "增加事项" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("已增加议程事项。");
        await Expect(page.Locator("tr[data-item='1']")).ToContainTextAsync("消防通道占用反复发生");
        var agenda = await tab.AccessibilityViolationsAsync();

        await page.Locator("#hold-attendee-chengguan").FillAsync("城管局副局长");
        await page.Locator("#hold-present-zhujian").SelectOptionAsync("false");
        await page.Locator("#hold-absence-zhujian").FillAsync("公务外出");
        await page.GetByRole(AriaRole.Button, new() { Name = "记录会议召开" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("已记录会议召开及出席情况。");
        await Expect(page.GetByTestId("meeting-state")).ToHaveTextAsync("已召开");
        var held = await tab.AccessibilityViolationsAsync();

        await page.Locator("#adopt-lead").SelectOptionAsync("chengguan");
        await page.Locator("#adopt-action").FillAsync("三日内清理消防通道并设置隔离桩");
        await page.Locator("#adopt-deadline").FillAsync(Local(DateTimeOffset.UtcNow.AddDays(10)));
        await page.Locator("#adopt-basis").FillAsync("《消防法》第二十八条");
        await page.GetByRole(AriaRole.Button, new() { Name = "通过并派发" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("已通过决议并派发吹哨。");
        await Expect(page.Locator("tr[data-item='1']").GetByTestId("item-resolution")).ToHaveTextAsync("已决议");

        await page.GetByRole(AriaRole.Button, new() { Name = "印发纪要" }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("已印发会议纪要。");
        await page.GetByTestId("minutes-link").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("联席会议纪要");
        await Expect(page.GetByTestId("minutes-attendance")).ToContainTextAsync("城管局副局长");
        await Expect(page.GetByTestId("minutes-resolutions")).ToContainTextAsync("三日内清理消防通道并设置隔离桩");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("minutes")).ToBeVisibleAsync();
        await tab.ScreenshotAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        var minutes = await tab.AccessibilityViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Minutes of the joint meeting");
        var minutesEn = await tab.AccessibilityViolationsAsync();
        await page.GotoAsync(meetingUrl);
        await Expect(page.GetByTestId("meeting-state")).ToHaveTextAsync("Minutes published");
        var meetingEn = await tab.AccessibilityViolationsAsync();
        await page.GotoAsync("joint-meetings/worklist");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Joint-meeting office worklist");
        var worklistEn = await tab.AccessibilityViolationsAsync();

        worklist.ShouldBeEmpty();
        agenda.ShouldBeEmpty();
        held.ShouldBeEmpty();
        minutes.ShouldBeEmpty();
        minutesEn.ShouldBeEmpty();
        meetingEn.ShouldBeEmpty();
        worklistEn.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_meeting_forms_before_and_after_holding_and_the_ruling_form_have_no_accessibility_violations_in_english()
    {
        var whistle = await RejectedByChengguanAsync("北门消防通道堆放杂物，请城管清理。");
        await using var tab = await BrowserTab.OpenAsync(app);
        var page = tab.Page;
        await SignInAsync(page, "office");
        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await WorklistShowingAsync(page, page.Locator($"#arbitrate-{whistle:N}-chengguan"));
        var worklist = await tab.AccessibilityViolationsAsync();

        using var office = await app.ClientAsync("office");
        var meeting = (await PostAsync(office, "api/joint-meetings", new
        {
            scheduledAt = DateTimeOffset.UtcNow.AddDays(2), chair = "县联席办主任", members = Members, venue = "县政府三楼会议室",
        })).GetProperty("id").GetGuid();
        await PostAsync(office, $"api/joint-meetings/{meeting}/agenda/items", new { whistleId = whistle, rejectionOf = "chengguan", reason = "退单争议需会议协调" });
        await page.GotoAsync($"joint-meetings/{meeting}");
        await Expect(page.Locator("#hold-attendee-chengguan")).ToBeVisibleAsync();
        var before = await tab.AccessibilityViolationsAsync();

        await PostAsync(office, $"api/joint-meetings/{meeting}/hold", new
        {
            attendance = new object[] { new { department = "chengguan", present = true, attendee = "城管局副局长" }, new { department = "gongan", present = false } },
        });
        await page.ReloadAsync();
        await Expect(page.Locator("#adopt-action")).ToBeVisibleAsync();
        var after = await tab.AccessibilityViolationsAsync();

        worklist.ShouldBeEmpty();
        before.ShouldBeEmpty();
        after.ShouldBeEmpty();
    }

    /// <summary>
    /// The office's worklist filtered to 城管's rejections, last page (the newest): the worklist is built by the async
    /// daemon after the rejection, so the office reloads it as a person would until the rejection is listed.
    /// </summary>
    private static async Task WorklistShowingAsync(IPage page, ILocator form)
    {
        await page.GotoAsync("joint-meetings/worklist?kind=AwaitingRuling&department=chengguan&pageSize=100&page=1000");
        for (var reload = 0; reload < 40 && await form.CountAsync() == 0; reload++)
            await page.ReloadAsync();
        await Expect(form).ToBeVisibleAsync();
    }

    private static string Local(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A parking complaint in 东关花园 lodged, accepted and whistled by 东关社区's worker (公安 leads, 城管 co-handles), and
    /// 城管's officer rejecting its part citing the law — each through the API with a development token from ops/token.
    /// </summary>
    private async Task<Guid> RejectedByChengguanAsync(string need)
    {
        using var community = await app.ClientAsync("community");
        var lodged = await PostAsync(community, "api/complaints", new
        {
            channel = "GridPatrol", categoryId = "illegal-parking", compoundId = "CP010101",
            complainant = new { name = "李四", phone = "13900001111" }, description = need,
        });
        var complaint = lodged.GetProperty("id").GetGuid();
        await PostAsync(community, $"api/complaints/{complaint}/accept", new { });
        var whistle = (await PostAsync(community, $"api/complaints/{complaint}/whistle", new { need })).GetProperty("whistleId").GetGuid();
        using var chengguan = await app.ClientAsync("chengguan");
        await PostAsync(chengguan, $"api/whistles/{whistle}/assignments/chengguan/reject",
            new { legalBasis = "《城市道路管理条例》第二条", reason = "小区内部道路属物业管理区域，不属城市道路。" });
        return whistle;
    }
}
