using Shouldly;
using Whistle.County.Directory;
using Xunit;

namespace Whistle.UnitTests.County.Directory;

public class DirectoryLookupTests
{
    [Theory]
    [InlineData("cp010101", LookupRank.Code)]
    [InlineData("CP010101", LookupRank.Code)]
    [InlineData("东关", LookupRank.NameStart)]
    [InlineData("花园", LookupRank.InName)]
    [InlineData("CP0101", LookupRank.CodeStart)]
    [InlineData("迎宾大道", LookupRank.Elsewhere)]
    public void an_entry_ranks_by_code_then_name_start_then_name_then_code_start_then_elsewhere(string text, LookupRank rank) =>
        DirectoryLookup.Rank(text, "CP010101", "东关花园", "迎宾大道389号").ShouldBe(rank);

    [Fact]
    public void an_entry_that_holds_the_text_nowhere_is_no_candidate() =>
        DirectoryLookup.Rank("西关", "CP010101", "东关花园", "迎宾大道389号", null).ShouldBeNull();

    [Fact]
    public void candidates_come_best_first_then_by_code_limited_with_the_total()
    {
        (string Code, string Name)[] entries = [("CP03", "东关公寓"), ("CP02", "新东关"), ("CP01", "东关花园"), ("东关", "代码即名称"), ("CP04", "西关")];

        var found = DirectoryLookup.Find(entries, e => DirectoryLookup.Rank("东关", e.Code, e.Name), e => e.Code, e => e.Code, limit: 3);

        found.Items.ShouldBe(["东关", "CP01", "CP03"]);
        found.Total.ShouldBe(4);
    }

    [Theory]
    [InlineData(null, null, "q")]
    [InlineData("  ", null, "q")]
    [InlineData("东关", 0, "limit")]
    [InlineData("东关", 51, "limit")]
    public void an_empty_text_or_a_limit_out_of_range_is_refused(string? q, int? limit, string field) =>
        DirectoryLookup.Parse(q, limit).Problem.ShouldRejectFields(field);

    [Fact]
    public void the_text_is_trimmed_and_the_limit_defaults_to_twenty()
    {
        var (text, limit, problem) = DirectoryLookup.Parse(" 东关 ", null);

        problem.ShouldBeNoProblem();
        (text, limit).ShouldBe(("东关", 20));
    }
}
