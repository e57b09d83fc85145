using Shouldly;
using Whistle.County.Directory;
using Xunit;

namespace Whistle.UnitTests.County.Directory;

public class NoticeBoardTests
{
    private static readonly NoticeBoard.DepartmentContact Chengguan = new(
        "chengguan", "县城市管理局", ["违法建设（乱搭乱建）查处", "占道经营、乱堆乱放查处"], "孙队长", "0371-6881 2901", "0371-6881 2999");

    private static readonly NoticeBoard.DepartmentContact Zhujian = new(
        "zhujian", "县住房和城乡建设局", ["物业服务企业监管与信用评价"], "周科长", "0371-6881 2201", "0371-6881 2299");

    private static NoticeBoard Board() => new(
        "CP010101", "东关花园", "人民路 1 号", "东关社区", "城关街道",
        new NoticeBoard.Company("安澜县恒信物业服务有限公司", "王经理", "13912345678"),
        new OwnersCommittee(true, new DateOnly(2023, 5, 1), new DateOnly(2028, 4, 30), new DateOnly(2026, 10, 12)),
        [Chengguan, Zhujian], NoticeBoard.CitizenHotline);

    [Fact]
    public void names_are_html_encoded()
    {
        var board = Board() with
        {
            CompoundName = "<b>东关</b>花园",
            Departments = [Chengguan with { Name = "<script>", EnforcementItems = ["a & b"] }],
        };

        var html = board.ToHtml();

        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<b>东关</b>");
        html.ShouldContain("<td>&lt;script&gt;</td>");
        html.ShouldContain("<li>a &amp; b</li>");
        html.ShouldContain("<h1>&lt;b&gt;东关&lt;/b&gt;花园 部门职责公示牌</h1>");
    }

    [Fact]
    public void every_department_is_listed_with_its_items_contact_and_supervision_hotline()
    {
        var html = Board().ToHtml();

        html.ShouldContain("<td>县城市管理局</td><td><ul><li>违法建设（乱搭乱建）查处</li><li>占道经营、乱堆乱放查处</li></ul></td>"
            + "<td>孙队长<br>0371-6881 2901</td><td>0371-6881 2999</td>");
        html.ShouldContain("<td>县住房和城乡建设局</td>");
        html.ShouldContain("<td>0371-6881 2299</td>");
    }

    [Fact]
    public void the_board_names_the_compound_where_it_lies_and_the_citizen_hotline()
    {
        var html = Board().ToHtml();

        html.ShouldContain("<title>东关花园 部门职责公示牌</title>");
        html.ShouldContain("城关街道 · 东关社区 · 人民路 1 号");
        html.ShouldContain("市民服务热线：<b>12345</b>");
    }

    [Fact]
    public void a_formed_committee_shows_its_term()
    {
        var html = Board().ToHtml();

        html.ShouldContain("业主委员会任期：2023-05-01 至 2028-04-30。");
        html.ShouldNotContain("尚未成立业主委员会");
    }

    [Fact]
    public void a_compound_without_a_committee_says_none_is_formed_yet() =>
        (Board() with { OwnersCommittee = new OwnersCommittee(false, null, null, null) }).ToHtml()
            .ShouldContain("本小区尚未成立业主委员会。");

    [Fact]
    public void the_property_company_and_its_contact_are_posted() =>
        Board().ToHtml().ShouldContain("物业服务企业：安澜县恒信物业服务有限公司（王经理 13912345678）。");

    [Fact]
    public void a_compound_without_a_company_says_so() =>
        (Board() with { PropertyCompany = null }).ToHtml().ShouldContain("本小区暂无物业服务企业。");

    [Fact]
    public void the_citizen_hotline_is_12345() =>
        NoticeBoard.CitizenHotline.ShouldBe("12345");

    [Fact]
    public void an_unknown_compound_is_404_naming_it() =>
        NoticeBoard.NotFound("CP999999").ShouldBeNotFound();
}
