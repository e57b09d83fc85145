using System.Text.RegularExpressions;
using Shouldly;
using Whistle.Hosting;
using Xunit;

namespace Whistle.UnitTests.Hosting;

/// <summary>Statuses the framework answers get Chinese then English words; a framework message's type name becomes words.</summary>
public sealed partial class ProblemAnswersTests
{
    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(406)]
    [InlineData(409)]
    [InlineData(413)]
    [InlineData(415)]
    [InlineData(418)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void every_status_has_a_chinese_then_english_title_and_detail(int status)
    {
        var (title, detail) = ProblemAnswers.ForStatus(status);

        foreach (var text in new[] { title, detail })
        {
            Cjk().IsMatch(text).ShouldBeTrue(text);
            English().IsMatch(text).ShouldBeTrue(text);
            Cjk().Match(text).Index.ShouldBeLessThan(English().Match(text).Index, text);
        }
    }

    [Theory]
    [InlineData("Query string parameter 'open' has the value 'yes' which cannot be parsed to the expected type System.Boolean", "true or false")]
    [InlineData("… to the expected type bool", "true or false")]
    [InlineData("… to the expected type Int32", "a whole number")]
    [InlineData("… to the expected type System.DateOnly", "a date (yyyy-MM-dd)")]
    [InlineData("… to the expected type Whistle.Something", "a value of the expected form")]
    public void a_framework_type_name_becomes_words(string message, string words) =>
        TypeWords.En(TypeWords.FromName(message)).ShouldBe(words);

    [GeneratedRegex(@"[\u4E00-\u9FFF]")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex English();
}
