using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Whistle.Assessment;
using Xunit;

namespace Whistle.UnitTests.Web;

/// <summary>The server-drawn bar chart: bars proportional to their values, each value written as text, named and described for screen readers.</summary>
public sealed class BarChartTests : IDisposable
{
    private readonly BunitContext _context = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public BarChartTests() => _context.Services.AddLocalization();

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _culture;
        _context.Dispose();
    }

    private IRenderedComponent<BarChart> Render(IReadOnlyList<ChartBar> bars, string culture = "zh-CN")
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        return _context.Render<BarChart>(p => p
            .Add(x => x.Title, "各部门得分")
            .Add(x => x.Description, "2026年11月各部门考核得分，表格列出同样的数字。")
            .Add(x => x.Bars, bars)
            .Add(x => x.Id, "scores"));
    }

    [Fact]
    public void bar_widths_are_proportional_to_the_values_over_the_maximum()
    {
        var chart = Render([new("县公安局", 100m, "100"), new("县城市管理局", 46.15m, "46.15"), new("县住建局", 0m, "0")]);

        chart.FindAll("rect").Select(r => r.GetAttribute("width")).ShouldBe(["400", "184.6", "0"]);
        BarChart.BarWidth(50m, 100m).ShouldBe(200);
        BarChart.BarWidth(25m, 50m).ShouldBe(200);
        BarChart.BarWidth(120m, 100m).ShouldBe(BarChart.PlotWidth);
    }

    [Fact]
    public void each_bar_is_labelled_with_its_name_and_its_value_as_text()
    {
        var chart = Render([new("县公安局", 46.15m, "46.15"), new("县城市管理局", 0m, "0")]);

        chart.FindAll("text.bar-label").Select(t => t.TextContent).ShouldBe(["县公安局", "县城市管理局"]);
        chart.FindAll("text.bar-value").Select(t => t.TextContent).ShouldBe(["46.15", "0"]);
        chart.FindAll("g.bar").Select(g => g.GetAttribute("data-bar")).ShouldBe(["县公安局", "县城市管理局"]);
    }

    [Fact]
    public void a_bar_without_a_value_draws_nothing_and_says_so()
    {
        var chart = Render([new("县司法局", null, "")]);

        chart.FindAll("rect").ShouldBeEmpty();
        chart.Find("text.bar-value").TextContent.ShouldBe("无数据");
    }

    [Theory]
    [InlineData("zh-CN", "无数据")]
    [InlineData("en", "no data")]
    public void an_empty_chart_says_there_is_no_data_in_the_pages_language(string culture, string text)
    {
        var chart = Render([], culture);

        chart.FindAll("rect").ShouldBeEmpty();
        chart.Find("text.bar-chart-empty").TextContent.ShouldBe(text);
        chart.Find("svg").GetAttribute("height").ShouldBe("44");
    }

    [Fact]
    public void the_chart_is_an_image_named_by_its_title_and_described_by_its_desc()
    {
        var chart = Render([new("县公安局", 46.15m, "46.15")]);

        var svg = chart.Find("svg");
        svg.GetAttribute("role").ShouldBe("img");
        svg.GetAttribute("aria-labelledby").ShouldBe("scores-title scores-desc");
        chart.Find("title#scores-title").TextContent.ShouldBe("各部门得分");
        chart.Find("desc#scores-desc").TextContent.ShouldBe("2026年11月各部门考核得分，表格列出同样的数字。");
        chart.FindAll("script").ShouldBeEmpty();
    }
}
