using System.Text.Json;
using Shouldly;
using Whistle.Complaints;
using Whistle.County.Calendar;
using Whistle.Kernel;
using Whistle.Mediation;
using Whistle.Whistles;
using Xunit;

namespace Whistle.UnitTests.Kernel;

/// <summary>One bound for every text and list of every command body, unless a field's own <see cref="BodyLimitAttribute"/> allows more.</summary>
public sealed class BodyLimitsTests
{
    private static Microsoft.AspNetCore.Mvc.ProblemDetails? Check<T>(object body) =>
        BodyLimits.Check(JsonSerializer.SerializeToElement(body), typeof(T));

    private static string Text(int length) => new('字', length);

    [Fact]
    public void a_body_within_the_bounds_passes()
    {
        Check<LodgeComplaint>(new { description = Text(BodyLimits.MaxLength), complainant = new { name = "张三" } }).ShouldBeNull();
    }

    [Fact]
    public void a_text_over_the_default_bound_is_refused_by_its_path_at_any_depth()
    {
        Check<LodgeComplaint>(new { description = Text(BodyLimits.MaxLength + 1), complainant = new { name = Text(10_000) } })
            .ShouldNotBeNull().ShouldRejectFields("description", "complainant.name")
            .Errors["complainant.name"].ShouldBe([$"不能超过 {BodyLimits.MaxLength} 个字符。At most {BodyLimits.MaxLength} characters."]);
    }

    [Fact]
    public void a_field_with_its_own_bound_takes_longer_text_up_to_that_bound()
    {
        Check<RecordMediationSession>(new { minutes = Text(10_000) }).ShouldBeNull();
        Check<RecordMediationSession>(new { minutes = Text(10_001) }).ShouldNotBeNull()
            .ShouldRejectField("minutes", "At most 10000 characters.");
        // The bound is the field's, not the name's: a minutes field of another command keeps the default.
        Check<LodgeComplaint>(new { minutes = Text(BodyLimits.MaxLength + 1) }).ShouldNotBeNull().ShouldRejectFields("minutes");
    }

    [Fact]
    public void a_list_over_the_default_bound_is_refused_and_its_items_are_checked()
    {
        Check<ReplyToAssignment>(new { evidence = Enumerable.Repeat("照片", BodyLimits.MaxItems + 1) }).ShouldNotBeNull()
            .ShouldRejectField("evidence", $"At most {BodyLimits.MaxItems} items, not {BodyLimits.MaxItems + 1}.");
        Check<ReplyToAssignment>(new { evidence = new[] { "照片", Text(BodyLimits.MaxLength + 1) } }).ShouldNotBeNull()
            .ShouldRejectFields("evidence[1]");
        Check<RecordMediationSession>(new { invited = new[] { new { name = "李四" }, new { name = Text(BodyLimits.MaxLength + 1) } } })
            .ShouldNotBeNull().ShouldRejectFields("invited[1].name");
    }

    [Fact]
    public void a_list_with_its_own_bound_takes_more_items()
    {
        var days = Enumerable.Range(0, ReviseCountyCalendarEndpoint.MaxDays).Select(i => new { date = "2026-01-01", working = true });
        Check<ReviseCountyCalendar>(new { days }).ShouldBeNull();
    }

    [Fact]
    public void unknown_fields_and_other_kinds_are_held_to_the_default_bounds()
    {
        Check<LodgeComplaint>(new { extra = new { deeper = new[] { Text(BodyLimits.MaxLength + 1) } }, urgent = true, count = 3 })
            .ShouldNotBeNull().ShouldRejectFields("extra.deeper[0]");
    }

    [Fact]
    public void an_escaped_lone_surrogate_is_no_valid_text()
    {
        using var body = JsonDocument.Parse("""{"description": "a\ud800b"}""");
        BodyLimits.Check(body.RootElement, typeof(LodgeComplaint)).ShouldNotBeNull()
            .ShouldRejectField("description", "Not valid text (it holds a lone surrogate).");
    }

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("\u001B[31m")]
    public void a_text_holding_a_control_character_is_refused_and_tabs_and_line_breaks_are_not(string text)
    {
        Check<LodgeComplaint>(new { description = text }).ShouldNotBeNull()
            .ShouldRejectField("description", "Must not hold control characters (such as NUL).");
        Check<LodgeComplaint>(new { description = "第一行\n第二行\r\n\t缩进" }).ShouldBeNull();
    }
}
