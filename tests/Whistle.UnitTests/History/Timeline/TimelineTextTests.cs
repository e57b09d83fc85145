using Shouldly;
using Whistle.History.Timeline;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.History.Timeline;

public class TimelineTextTests
{
    private static readonly Guid Complaint = Guid.Parse("0193a000-0000-7000-8000-0000000000c1");
    private static readonly Guid Whistle = Guid.Parse("0193a000-0000-7000-8000-0000000000e1");

    private static readonly CaseHistory History = new(Complaint, StreamKind.Complaint, "TS-2026-000012", new CaseArea("CM0101", "SD01"),
        [
            new StreamOfCase(Complaint, StreamKind.Complaint, "投诉 TS-2026-000012", "complaint TS-2026-000012", 3, new CaseArea("CM0101", "SD01")),
            new StreamOfCase(Whistle, StreamKind.Whistle, "哨单 TS-2026-000012/1", "whistle TS-2026-000012/1", 1, new CaseArea("CM0101", "SD01")),
        ],
        [
            new TimelineEntry(EventSpecification.Now, Complaint, StreamKind.Complaint, 1, 41, "ComplaintLodged", null, "甲。", "A.", null, null),
            new TimelineEntry(EventSpecification.Now, Whistle, StreamKind.Whistle, 1, 1043, "WhistleBlown", null, "乙。", "B.", 1, 1),
        ]);

    [Fact]
    public void the_terminal_shows_the_case_its_streams_and_one_line_per_entry_in_chinese() =>
        TimelineText.Render(History, english: false).ShouldBe(
        [
            $"TS-2026-000012（{Complaint}）：2 个流，共 2 条记录",
            $"  投诉 TS-2026-000012 {Complaint} v3",
            $"  哨单 TS-2026-000012/1 {Whistle} v1",
            "#    41 甲。",
            "#  1043 乙。",
        ]);

    [Fact]
    public void english_is_a_flag_away() =>
        TimelineText.Render(History, english: true).ShouldBe(
        [
            $"TS-2026-000012 ({Complaint}): 2 entries in 2 streams",
            $"  complaint TS-2026-000012 {Complaint} v3",
            $"  whistle TS-2026-000012/1 {Whistle} v1",
            "#    41 A.",
            "#  1043 B.",
        ]);
}
