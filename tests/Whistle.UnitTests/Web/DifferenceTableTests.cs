using System.Globalization;
using System.Text.Json.Nodes;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Whistle.History;
using Whistle.History.TimeTravel;
using Xunit;

namespace Whistle.UnitTests.Web;

/// <summary>
/// The difference table says in words whether each field was added, removed or changed, shows strings as text and
/// other values as JSON, and says so when nothing changed; the pager draws only what there is to move to.
/// </summary>
public sealed class DifferenceTableTests : IDisposable
{
    private readonly BunitContext _context = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public DifferenceTableTests() => _context.Services.AddLocalization();

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _culture;
        _context.Dispose();
    }

    private IRenderedComponent<DifferenceTable> Render(string culture, params FieldChange[] changes)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        return _context.Render<DifferenceTable>(p => p.Add(x => x.Changes, changes).Add(x => x.Caption, "变化的字段"));
    }

    [Fact]
    public void each_field_is_a_row_with_its_kind_of_change_in_words_and_its_values_before_and_after()
    {
        var table = Render("zh-CN",
            new FieldChange("$.case.status", JsonValue.Create("Lodged"), JsonValue.Create("Accepted")),
            new FieldChange("$.case.acceptedAt", null, JsonValue.Create("2026-11-20T09:00:00+08:00")),
            new FieldChange("$.case.notes[0]", JsonNode.Parse("""{"text":"备注"}"""), null),
            new FieldChange("$.case.version", JsonValue.Create(1), JsonValue.Create(2)));

        table.Find("caption").TextContent.ShouldBe("变化的字段");
        table.FindAll("tbody tr").Select(r => r.GetAttribute("data-path")).ShouldBe(["$.case.status", "$.case.acceptedAt", "$.case.notes[0]", "$.case.version"]);
        table.FindAll("tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("th, td").Select(c => c.TextContent))).ShouldBe([
            "$.case.status|修改|Lodged|Accepted",
            "$.case.acceptedAt|新增|（无）|2026-11-20T09:00:00+08:00",
            "$.case.notes[0]|移除|{\"text\":\"备注\"}|（无）",
            "$.case.version|修改|1|2",
        ]);
        table.FindAll("th[scope=col]").Select(h => h.TextContent).ShouldBe(["字段", "变化", "之前", "之后"]);
    }

    [Fact]
    public void in_english_the_kinds_and_the_headers_are_english()
    {
        var table = Render("en", new FieldChange("$.case.outcome", null, JsonValue.Create("已办结")));

        table.FindAll("th[scope=col]").Select(h => h.TextContent).ShouldBe(["Field", "Change", "Before", "After"]);
        table.Find("tbody tr").QuerySelectorAll("td").Select(c => c.TextContent).ShouldBe(["Added", "(none)", "已办结"]);
    }

    [Fact]
    public void no_changes_is_said_as_a_status_and_no_table_is_drawn()
    {
        var table = Render("zh-CN");

        table.FindAll("table").ShouldBeEmpty();
        table.Find("[role=status]").TextContent.ShouldBe("两个时点之间案件没有变化。");
    }

    [Theory]
    [InlineData(1, 1, new string[0])]
    [InlineData(1, 3, new[] { "next" })]
    [InlineData(2, 3, new[] { "prev", "next" })]
    [InlineData(3, 3, new[] { "prev" })]
    public void the_pager_links_only_to_pages_that_exist(int current, int count, string[] links)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var pager = _context.Render<Pager>(p => p.Add(x => x.Label, "分页").Add(x => x.Current, current).Add(x => x.Count, count)
            .Add(x => x.Link, page => $"/list?page={page}"));

        pager.FindAll("a").Select(a => a.GetAttribute("rel")).ShouldBe(links);
        pager.FindAll("a").Select(a => a.GetAttribute("href")).ShouldBe(links.Select(l => $"/list?page={(l == "prev" ? current - 1 : current + 1)}"));
        if (count > 1) pager.Find("nav span").TextContent.ShouldBe($"第 {current} 页，共 {count} 页");
    }
}
