using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Whistle.Complaints;
using Xunit;

namespace Whistle.UnitTests.Web;

/// <summary>
/// A complaint's status says itself in words and in colour: blue while handling is still to do, amber while it waits on
/// the follow-up, grey once ended; Chinese first, English by culture. A field's message shows only when there is one.
/// </summary>
public sealed class ComplaintStatusBadgeTests : IDisposable
{
    private readonly BunitContext _context = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public ComplaintStatusBadgeTests() => _context.Services.AddLocalization();

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _culture;
        _context.Dispose();
    }

    [Theory]
    [InlineData("zh-CN", ComplaintStatus.Lodged, "open", "待受理")]
    [InlineData("zh-CN", ComplaintStatus.Accepted, "open", "办理中")]
    [InlineData("zh-CN", ComplaintStatus.Resolved, "waiting", "已办结待回访")]
    [InlineData("zh-CN", ComplaintStatus.FollowedUp, "waiting", "已回访")]
    [InlineData("zh-CN", ComplaintStatus.Closed, "ended", "已结案")]
    [InlineData("zh-CN", ComplaintStatus.Declined, "ended", "不予受理")]
    [InlineData("en", ComplaintStatus.Accepted, "open", "Being handled")]
    [InlineData("en", ComplaintStatus.Withdrawn, "ended", "Withdrawn")]
    public void each_status_has_its_words_and_its_colour(string culture, ComplaintStatus status, string tone, string text)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        var badge = _context.Render<ComplaintStatusBadge>(p => p.Add(x => x.Status, status));

        badge.MarkupMatches($"""<span class="status-badge status-{tone}" data-testid="status-badge">{text}</span>""");
    }

    [Fact]
    public void every_status_has_a_label_in_both_languages()
    {
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            foreach (var status in Enum.GetValues<ComplaintStatus>())
                _context.Render<ComplaintStatusBadge>(p => p.Add(x => x.Status, status)).Find("span").TextContent
                    .ShouldNotBe($"Status.{status}");
        }
    }

    [Fact]
    public void a_field_message_is_drawn_with_the_id_its_input_names()
    {
        var message = _context.Render<Whistle.Kernel.Web.FieldError>(p => p.Add(x => x.Id, "need-error").Add(x => x.Text, "必填。Required."));

        message.MarkupMatches("""<p id="need-error" class="field-error" data-testid="field-error">必填。Required.</p>""");
    }

    [Fact]
    public void a_field_without_a_message_draws_nothing()
    {
        _context.Render<Whistle.Kernel.Web.FieldError>(p => p.Add(x => x.Id, "need-error").Add(x => x.Text, null)).Markup.Trim().ShouldBeEmpty();
    }
}
