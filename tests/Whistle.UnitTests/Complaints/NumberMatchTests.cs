using Shouldly;
using Whistle.Complaints;
using Xunit;

namespace Whistle.UnitTests.Complaints;

public class NumberMatchTests
{
    [Theory]
    [InlineData("TS-2026-000012", NumberMatchKind.Exact, "TS-2026-000012")]
    [InlineData(" ts-2026-000012 ", NumberMatchKind.Exact, "TS-2026-000012")]
    [InlineData("TS-2026-00", NumberMatchKind.Prefix, "TS-2026-00")]
    [InlineData("ts", NumberMatchKind.Prefix, "TS")]
    [InlineData("TS-2026-0000123", NumberMatchKind.Prefix, "TS-2026-0000123")]
    [InlineData("12", NumberMatchKind.Sequence, "-000012")]
    [InlineData("000012", NumberMatchKind.Sequence, "-000012")]
    [InlineData("999999", NumberMatchKind.Sequence, "-999999")]
    public void a_number_is_read_as_whole_start_or_sequence(string typed, NumberMatchKind kind, string text) =>
        NumberMatch.Parse(typed).ShouldBe(new NumberMatch(kind, text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0")]
    [InlineData("000000")]
    [InlineData("1234567")]
    [InlineData("TS 2026")]
    [InlineData("TS-2026-%")]
    [InlineData("东关")]
    [InlineData("TS-2026-000012-TS-2026-000012-TS1")]
    public void what_cannot_be_part_of_a_number_is_no_match(string typed) =>
        NumberMatch.Parse(typed).ShouldBeNull();

    [Theory]
    [InlineData("12", "TS-2026-000012", true)]
    [InlineData("000012", "TS-2026-000012", true)]
    [InlineData("12", "TS-2025-000012", true)]
    [InlineData("12", "TS-2026-000120", false)]
    [InlineData("12", "TS-2026-000112", false)]
    [InlineData("TS-2026-00", "TS-2026-000012", true)]
    [InlineData("TS-2026-00", "TS-2025-000012", false)]
    [InlineData("ts-2026-000012", "TS-2026-000012", true)]
    [InlineData("TS-2026-000012", "TS-2026-000013", false)]
    public void digits_only_are_the_yearly_sequence_compared_as_a_number(string typed, string number, bool matches) =>
        NumberMatch.Parse(typed)!.Matches(number).ShouldBe(matches);

    [Theory]
    [InlineData("TS-2026-000012", true)]
    [InlineData("WY-2026-000001", true)]
    [InlineData("TS-2026-00001", false)]
    [InlineData("TS-26-000012", false)]
    [InlineData("T1-2026-000012", false)]
    public void a_whole_number_is_series_year_and_six_digits(string text, bool whole) =>
        NumberMatch.IsWhole(text).ShouldBe(whole);
}
