using System.Text;
using Shouldly;
using Whistle.Assessment;
using Whistle.County.Deadlines;
using Xunit;

namespace Whistle.UnitTests.Assessment;

public class ScorecardCsvTests
{
    private static readonly ScorecardFigures Figures = new(4, 1, 4, 3, 1, 0, 0, 30, 50.25, 2, 1, 0, 1m, 0.75m, 0.5m, 73.75m);

    [Fact]
    public void the_csv_is_utf8_with_a_byte_order_mark_and_a_bilingual_header_then_one_row_per_department()
    {
        RankedDepartment[] ranking =
        [
            new(1, "chengguan", "县城市管理局", 73.75m, 1m, 0.75m, 0.5m),
            new(null, "gongan", "县公安局, 交警大队", null, null, null, null),
        ];
        DepartmentScorecardView[] visible = [new("chengguan", "县城市管理局", "2026-11", 1, Figures, 3, AssessmentWeights.Default, [], Figures)];

        var bytes = ScorecardCsv.Write("2026-11", 3, ranking, visible);

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n");
        lines[0].ShouldStartWith("月份 month,排名 rank,部门代码 department,部门 name,得分 score,响应率 response rate,");
        lines[0].Split(',').Length.ShouldBe(ScorecardCsv.Header.Count);
        lines[1].ShouldBe("2026-11,1,chengguan,县城市管理局,73.75,1,0.75,0.5,4,1,4,3,1,0,0,30,50.3,2,1,0,3");
        // A department the reader may not see in full: its rank and rates only; a comma in a cell is quoted.
        lines[2].ShouldBe("2026-11,,gongan,\"县公安局, 交警大队\",,,,,,,,,,,,,,,,,3");
        lines[3].ShouldBeEmpty();
    }
}
