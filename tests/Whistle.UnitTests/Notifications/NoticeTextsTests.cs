using Shouldly;
using Whistle.Notifications;
using Xunit;

namespace Whistle.UnitTests.Notifications;

public class NoticeTextsTests
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["chengguan"] = "县城市管理局",
        ["guihua"] = "县自然资源和规划局",
    };

    [Fact]
    public void the_directorys_names_and_the_complaints_number_are_put_in() =>
        NoticeTexts.Fill("催办：{complaint} 待签收，{department:chengguan}牵头，{department:guihua}配合", Names, "TS-2026-000123")
            .ShouldBe("催办：TS-2026-000123 待签收，县城市管理局牵头，县自然资源和规划局配合");

    [Fact]
    public void a_department_the_directory_does_not_know_keeps_its_code_and_an_unknown_complaint_reads_whistle() =>
        NoticeTexts.Fill("{complaint}：{department:xiaofang}", Names, null).ShouldBe("吹哨：xiaofang");

    [Fact]
    public void the_departments_a_text_names_are_found_once_each() =>
        NoticeTexts.DepartmentsIn("{department:chengguan}、{department:mediation-centre}、{department:chengguan}")
            .ShouldBe(["chengguan", "mediation-centre"]);

    [Fact]
    public void the_outbound_message_is_the_title_the_body_and_the_link() =>
        NoticeTexts.Outbound(new Notification { Title = "新派单：TS-2026-000123", Body = "请于 3月3日 09:00 前签收。", Link = "/api/whistles/x" })
            .ShouldBe("【吹哨报到】新派单：TS-2026-000123。请于 3月3日 09:00 前签收。（详见 /api/whistles/x）");
}
