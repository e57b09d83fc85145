using System.Text.Json;
using Shouldly;
using Whistle.Hosting;
using Xunit;

namespace Whistle.UnitTests.Hosting;

/// <summary>Every JSON answer writes moments in China time with their offset and Chinese and emoji unescaped.</summary>
public sealed class JsonAnswersTests
{
    private static readonly JsonSerializerOptions Options = Http();

    private static JsonSerializerOptions Http()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonAnswers.Configure(options);
        return options;
    }

    [Fact]
    public void a_moment_is_written_in_china_time_with_its_offset() =>
        JsonSerializer.Serialize(new DateTimeOffset(2026, 12, 5, 1, 30, 0, TimeSpan.Zero), Options).ShouldBe("\"2026-12-05T09:30:00+08:00\"");

    [Fact]
    public void a_nullable_moment_is_written_in_china_time_too() =>
        JsonSerializer.Serialize(new { At = (DateTimeOffset?)new DateTimeOffset(2026, 12, 5, 1, 30, 0, TimeSpan.Zero) }, Options)
            .ShouldBe("""{"at":"2026-12-05T09:30:00+08:00"}""");

    [Fact]
    public void a_moment_at_any_offset_reads_as_its_instant() =>
        JsonSerializer.Deserialize<DateTimeOffset>("\"2026-12-05T01:30:00Z\"", Options)
            .ShouldBe(new DateTimeOffset(2026, 12, 5, 9, 30, 0, TimeSpan.FromHours(8)));

    [Fact]
    public void chinese_and_emoji_are_written_as_they_are() =>
        JsonSerializer.Serialize(new { Name = "张三🐱<&>'" }, Options).ShouldBe("""{"name":"张三🐱<&>'"}""");

    [Fact]
    public void quotes_backslashes_and_control_characters_are_still_escaped() =>
        JsonSerializer.Serialize("a\"b\\c\nd\u0001", Options).ShouldBe("\"a\\\"b\\\\c\\nd\\u0001\"");
}
