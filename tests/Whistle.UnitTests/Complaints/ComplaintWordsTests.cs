using Shouldly;
using Whistle.Complaints;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.Complaints;

public class ComplaintWordsTests
{
    private static (ComplaintWords? Words, FieldErrors Errors) Parse(string? q)
    {
        var errors = new FieldErrors();
        return (ComplaintWords.Parse(q, errors), errors);
    }

    [Fact]
    public void no_q_is_no_search()
    {
        var (words, errors) = Parse(null);

        words.ShouldBeNull();
        errors.Any.ShouldBeFalse();
    }

    [Theory]
    [InlineData("消防通道", new[] { "消防通道" })]
    [InlineData("噪音", new[] { "噪音" })]
    [InlineData("  消防  私家车 ", new[] { "消防", "私家车" })]
    [InlineData("噪音 噪音", new[] { "噪音" })]
    [InlineData("TS-2026", new[] { "TS-2026" })]
    public void words_are_split_on_spaces(string q, string[] expected) =>
        Parse(q).Words!.Words.ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("噪")]
    [InlineData("消防 车")]
    [InlineData("一一 二二 三三 四四 五五 六六")]
    public void a_word_of_one_character_or_too_many_words_is_refused(string q)
    {
        var (words, errors) = Parse(q);

        words.ShouldBeNull();
        errors.ToProblem().ShouldRejectFields("q");
    }

    [Fact]
    public void a_q_longer_than_a_hundred_characters_is_refused() =>
        Parse(new string('噪', 101)).Errors.ToProblem().ShouldRejectFields("q");

    [Theory]
    [InlineData("消防", "%消防%")]
    [InlineData("100%", @"%100\%%")]
    [InlineData("a_b", @"%a\_b%")]
    [InlineData(@"a\b", @"%a\\b%")]
    public void a_word_is_found_anywhere_and_its_wildcards_are_literal(string word, string pattern) =>
        ComplaintWords.Pattern(word).ShouldBe(pattern);
}
