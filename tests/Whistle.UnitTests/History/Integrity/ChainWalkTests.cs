using Shouldly;
using Whistle.History.Integrity;
using Xunit;

namespace Whistle.UnitTests.History.Integrity;

public class ChainWalkTests
{
    private static readonly Guid Stream = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");

    private static byte[] H(byte n) => Enumerable.Repeat(n, 32).ToArray();

    /// <summary>A row of an intact chain: event version v at sequence 100 + v, linked to the hash of v - 1.</summary>
    private static ChainRow Link(long v, bool intact = true) =>
        new(Stream, "anlan", v, 100 + v, v, 100 + v, v == 1 ? EventChain.Genesis : H((byte)(v - 1)), H((byte)v), intact);

    private static BrokenLink? Walk(params ChainRow[] rows)
    {
        var walk = new ChainWalk(Stream, "anlan");
        foreach (var row in rows) walk.Take(row);
        return walk.Broken;
    }

    [Fact]
    public void an_intact_chain_has_no_broken_link_and_counts_its_events()
    {
        var walk = new ChainWalk(Stream, "anlan");
        foreach (var row in new[] { Link(1), Link(2), Link(3) }) walk.Take(row);
        (walk.Broken, walk.Events).ShouldBe((null, 3L));
    }

    [Fact]
    public void a_hash_that_no_longer_matches_is_a_changed_event() =>
        Walk(Link(1), Link(2, intact: false), Link(3)).ShouldBe(
            new BrokenLink(Stream, "anlan", 2, 102, BreakKind.Changed, ChainWalk.Describe(BreakKind.Changed, 2, 102)));

    [Fact]
    public void a_link_without_its_event_is_a_removed_event() =>
        Walk(Link(1), Link(2) with { EventVersion = null, EventSequence = null, Intact = null }, Link(3))
            .ShouldBe(new BrokenLink(Stream, "anlan", 2, 102, BreakKind.Removed, ChainWalk.Describe(BreakKind.Removed, 2, 102)));

    [Fact]
    public void a_gap_in_the_versions_is_a_removed_event_at_the_missing_version() =>
        Walk(Link(1), Link(3)).ShouldBe(new BrokenLink(Stream, "anlan", 2, null, BreakKind.Removed, ChainWalk.Describe(BreakKind.Removed, 2, null)));

    [Fact]
    public void an_event_at_another_version_than_its_link_is_reordered() =>
        Walk(Link(1), Link(3) with { EventVersion = 2 }, Link(2) with { EventVersion = 3 })!.ShouldSatisfyAllConditions(
            b => b.Kind.ShouldBe(BreakKind.Reordered), b => b.Version.ShouldBe(2), b => b.Sequence.ShouldBe(103));

    [Fact]
    public void a_link_that_does_not_follow_the_one_before_is_reordered() =>
        Walk(Link(1), Link(2) with { Previous = H(9) })!.Kind.ShouldBe(BreakKind.Reordered);

    [Fact]
    public void a_first_link_that_does_not_start_from_zeros_is_reordered() =>
        Walk(Link(1) with { Previous = H(7) })!.ShouldSatisfyAllConditions(b => b.Kind.ShouldBe(BreakKind.Reordered), b => b.Version.ShouldBe(1));

    [Fact]
    public void an_event_without_a_link_is_unchained() =>
        Walk(Link(1), Link(2) with { LinkVersion = null, LinkSequence = null, Previous = null, Hash = null, Intact = null })!
            .ShouldSatisfyAllConditions(b => b.Kind.ShouldBe(BreakKind.Unchained), b => b.Version.ShouldBe(2));

    [Fact]
    public void only_the_first_broken_link_is_reported_but_every_event_is_counted()
    {
        var walk = new ChainWalk(Stream, "anlan");
        foreach (var row in new[] { Link(1), Link(2, intact: false), Link(3, intact: false), Link(4) }) walk.Take(row);
        (walk.Broken!.Version, walk.Events).ShouldBe((2L, 4L));
    }

    [Theory]
    [InlineData(BreakKind.Changed, "第 2 版事件（序号 7）的内容已被改动", "The event at version 2 (sequence 7) was changed")]
    [InlineData(BreakKind.Removed, "第 2 版事件（序号 7）已被删除", "The event at version 2 (sequence 7) was removed")]
    [InlineData(BreakKind.Reordered, "第 2 版事件（序号 7）的顺序已被调换", "The event at version 2 (sequence 7) was moved")]
    [InlineData(BreakKind.Unchained, "第 2 版事件（序号 7）没有链记录", "The event at version 2 (sequence 7) has no link")]
    public void each_break_is_described_in_chinese_first_then_english(BreakKind kind, string chinese, string english)
    {
        var text = ChainWalk.Describe(kind, 2, 7);
        text.ShouldStartWith(chinese);
        text.ShouldContain(english);
        text.IndexOf(english, StringComparison.Ordinal).ShouldBeGreaterThan(text.IndexOf(chinese, StringComparison.Ordinal));
    }

    [Fact]
    public void a_report_sums_up_in_both_languages()
    {
        new IntegrityReport(3, 40, 0.5, []).ShouldSatisfyAllConditions(
            r => r.Intact.ShouldBeTrue(), r => r.EventsPerSecond.ShouldBe(80),
            r => r.Summary.ShouldBe("已核验 3 条流、40 个事件，哈希链完整。Verified 3 streams, 40 events: every chain is intact."));
        var broken = new IntegrityReport(3, 40, 0, [new BrokenLink(Stream, "anlan", 2, null, BreakKind.Removed, "")]);
        (broken.Intact, broken.EventsPerSecond).ShouldBe((false, 0));
        broken.Summary.ShouldBe("已核验 3 条流、40 个事件，1 条流的哈希链断裂。Verified 3 streams, 40 events: 1 broken.");
    }
}
