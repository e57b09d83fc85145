using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Whistle.Kernel.Web;
using Xunit;

namespace Whistle.UnitTests.Web;

/// <summary>The due badge says its state in words and in colour, in Chinese first and in English.</summary>
public sealed class DueBadgeTests : IDisposable
{
    private static readonly DateTimeOffset Due = new(2026, 3, 10, 17, 0, 0, TimeSpan.FromHours(8));

    private readonly BunitContext _context = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public DueBadgeTests() => _context.Services.AddLocalization();

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _culture;
        _context.Dispose();
    }

    private IRenderedComponent<DueBadge> Render(string culture, DateTimeOffset now)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        return _context.Render<DueBadge>(p => p.Add(x => x.Due, Due).Add(x => x.Now, now));
    }

    [Theory]
    [InlineData("zh-CN", 0, 10, "已超期 1 小时")]
    [InlineData("zh-CN", 5, 0, "已超期 5 小时")]
    [InlineData("zh-CN", 26, 30, "已超期 27 小时")]
    [InlineData("en", 5, 0, "Overdue by 5 h")]
    public void past_its_due_time_it_counts_every_hour_begun_in_red(string culture, int hours, int minutes, string text)
    {
        var badge = Render(culture, Due.AddHours(hours).AddMinutes(minutes));

        badge.MarkupMatches($"""<span class="badge badge-overdue" data-testid="due-badge">{text}</span>""");
    }

    [Theory]
    [InlineData("zh-CN", "即将到期")]
    [InlineData("en", "Due soon")]
    public void within_four_hours_of_its_due_time_it_is_due_soon_in_amber(string culture, string text)
    {
        Render(culture, Due.AddHours(-4)).MarkupMatches($"""<span class="badge badge-due-soon" data-testid="due-badge">{text}</span>""");
        Render(culture, Due).MarkupMatches($"""<span class="badge badge-due-soon" data-testid="due-badge">{text}</span>""");
    }

    [Theory]
    [InlineData("zh-CN", "正常")]
    [InlineData("en", "On time")]
    public void further_off_it_is_on_time_in_green(string culture, string text) =>
        Render(culture, Due.AddHours(-4).AddMinutes(-1))
            .MarkupMatches($"""<span class="badge badge-on-time" data-testid="due-badge">{text}</span>""");

    [Fact]
    public void the_state_turns_overdue_the_instant_after_the_due_time()
    {
        DueBadge.StateOf(Due, Due).ShouldBe(DueBadge.State.DueSoon);
        DueBadge.StateOf(Due, Due.AddTicks(1)).ShouldBe(DueBadge.State.Overdue);
        DueBadge.HoursOverdue(Due, Due.AddTicks(1)).ShouldBe(1);
    }
}
