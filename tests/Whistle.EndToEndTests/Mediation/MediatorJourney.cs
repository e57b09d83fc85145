using System.Net.Http.Headers;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

using static Whistle.EndToEndTests.Journey;

namespace Whistle.EndToEndTests.Mediation;

/// <summary>
/// A mediator's main job: a neighbours' dispute is opened through the API (as the centre's own client would) and
/// assigned to 吴调解, who signs in, finds it on the docket, records both parties' consent, accepts it, sees the
/// one-month limit counting down, records a session and signs the agreement in the browser, and then finds the 30-day
/// judicial-confirmation window counting down on the docket.
/// </summary>
public sealed class MediatorJourney(WhistleApp app)
{
    [Fact]
    public async Task a_mediator_takes_a_case_from_the_docket_to_a_signed_agreement()
    {
        var (id, number) = await OpenCaseAsync();
        await using var tab = await BrowserTab.OpenAsync(app);
        var page = tab.Page;
        await SignInAsync(page, "mediator");

        await page.GotoAsync("mediation/docket");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("调解案件表");
        await page.Locator($"tr[data-case='{id}']").GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"调解案件 {number}");

        await page.GetByLabel("表态的当事人", new() { Exact = true }).SelectOptionAsync("Applicant");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("已登记当事人意愿。");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("双方同意待受理");
        await page.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("调解中");

        await page.GotoAsync("mediation/docket");
        await Expect(page.Locator($"tr[data-case='{id}']").GetByTestId("limit").GetByTestId("countdown")).ToContainTextAsync("剩 ");
        await page.Locator($"tr[data-case='{id}']").GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();

        await page.GetByLabel("调解笔录", new() { Exact = true }).FillAsync("双方陈述了事实，楼上住户同意修复卫生间防水。");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记调解会", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("done")).ToHaveTextAsync("调解会已登记。");
        await Expect(page.GetByTestId("sessions")).ToContainTextAsync("楼上住户同意修复卫生间防水");

        var deadline = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(15);
        await page.GetByLabel("纠纷事实与责任", new() { Exact = true }).FillAsync("楼上卫生间防水层破损致楼下天花板渗水，楼上住户负主要责任。");
        await page.GetByLabel("协议内容", new() { Exact = true }).FillAsync("楼上住户于十五日内修复防水并赔偿楼下 2000 元。");
        await page.GetByLabel("履行方式", new() { Exact = true }).FillAsync("赔偿款一次性转账");
        await page.GetByLabel("履行期限", new() { Exact = true }).FillAsync(deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "签订协议", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("已达成协议待履行");
        await Expect(page.GetByTestId("window").GetByTestId("countdown")).ToContainTextAsync("剩 ");

        await page.GotoAsync("mediation/docket");
        var row = page.Locator($"tr[data-case='{id}']");
        await Expect(row).ToContainTextAsync("已达成协议待履行");
        await Expect(row.GetByTestId("confirmation").GetByTestId("countdown")).ToContainTextAsync("剩 ");
        await tab.ScreenshotAsync();
    }

    [Fact]
    public async Task the_docket_and_the_case_page_have_no_accessibility_violations_in_chinese_and_english()
    {
        var (id, _) = await OpenCaseAsync();
        await using var tab = await BrowserTab.OpenAsync(app);
        await SignInAsync(tab.Page, "mediator");
        var violations = new List<string>();

        foreach (var language in new[] { "中文", "English" })
        {
            await tab.Page.GotoAsync("mediation/docket");
            await tab.Page.GetByRole(AriaRole.Link, new() { Name = language, Exact = true }).ClickAsync();
            await Expect(tab.Page.GetByTestId("docket")).ToBeVisibleAsync();
            violations.AddRange((await tab.AccessibilityViolationsAsync()).Select(v => $"docket {language}: {v}"));
            await tab.Page.GotoAsync($"mediation/cases/{id}");
            await Expect(tab.Page.GetByTestId("status")).ToBeVisibleAsync();
            violations.AddRange((await tab.AccessibilityViolationsAsync()).Select(v => $"case {language}: {v}"));
        }

        violations.ShouldBeEmpty();
    }

    /// <summary>
    /// Opens a neighbours' dispute in 东关花园 and names 吴调解 its mediator, through the API with a development token of
    /// the mediator from ops/token. Returns the case's id and number.
    /// </summary>
    private async Task<(Guid Id, string Number)> OpenCaseAsync()
    {
        using var client = new HttpClient { BaseAddress = app.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("mediator"));
        var opened = await PostAsync(client, "api/mediation/cases", new
        {
            applicant = new { name = "王大妈", phone = "13900002222" },
            respondent = new { name = "李先生", phone = "13800003333" },
            matter = "楼上装修后卫生间漏水，楼下天花板受损，双方多次争吵。",
            compoundCode = "CP010101",
        });
        var id = opened.GetProperty("id").GetGuid();
        await PostAsync(client, $"api/mediation/cases/{id}/mediator", new { mediatorId = "mediator", mediatorName = "吴调解", how = "Appointed" });
        return (id, opened.GetProperty("number").GetString()!);
    }
}
