using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Whistle.Mediation;
using Xunit;

namespace Whistle.UnitTests.Web;

/// <summary>
/// A mediation period counts down to 24:00 China time of its last day, in words and in colour, Chinese first and English;
/// the clock is fixed by the moment the page reads the case at.
/// </summary>
public sealed class CountdownTests : IDisposable
{
    private static readonly DateOnly LastDay = new(2026, 3, 10);
    private static readonly DateTimeOffset End = new(2026, 3, 11, 0, 0, 0, TimeSpan.FromHours(8));
    private const string EndAttribute = "2026-03-11T00:00:00+08:00";

    private readonly BunitContext _context = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public CountdownTests() => _context.Services.AddLocalization();

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _culture;
        _context.Dispose();
    }

    private IRenderedComponent<Countdown> Render(string culture, DateTimeOffset now)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        return _context.Render<Countdown>(p => p.Add(x => x.LastDay, LastDay).Add(x => x.Now, now));
    }

    private static string Markup(string css, string text) =>
        $"""<span class="badge {css}" data-testid="countdown"><time datetime="{EndAttribute}">{text}</time></span>""";

    [Theory]
    [InlineData("zh-CN", "剩 18 天 12 小时")]
    [InlineData("en", "18 d 12 h left")]
    public void more_than_ten_days_before_the_end_it_counts_days_and_hours_in_green(string culture, string text) =>
        Render(culture, new DateTimeOffset(2026, 2, 20, 12, 0, 0, TimeSpan.FromHours(8))).MarkupMatches(Markup("badge-on-time", text));

    [Theory]
    [InlineData("zh-CN", "即将届满：剩 5 天 14 小时")]
    [InlineData("en", "Closing soon: 5 d 14 h left")]
    public void within_ten_days_of_the_end_it_is_closing_soon_in_amber(string culture, string text) =>
        Render(culture, new DateTimeOffset(2026, 3, 5, 9, 30, 0, TimeSpan.FromHours(8))).MarkupMatches(Markup("badge-due-soon", text));

    [Theory]
    [InlineData("zh-CN", 0, 10, "已超期 1 天")]
    [InlineData("zh-CN", 24, 0, "已超期 1 天")]
    [InlineData("zh-CN", 24, 1, "已超期 2 天")]
    [InlineData("en", 50, 0, "Overdue by 3 d")]
    public void past_24_00_of_the_last_day_it_counts_every_day_begun_in_red(string culture, int hours, int minutes, string text) =>
        Render(culture, End.AddHours(hours).AddMinutes(minutes)).MarkupMatches(Markup("badge-overdue", text));

    [Fact]
    public void a_utc_clock_counts_to_midnight_china_time_not_utc()
    {
        var sixteenUtcOnTheLastDay = new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

        Render("zh-CN", sixteenUtcOnTheLastDay).MarkupMatches(Markup("badge-due-soon", "即将届满：剩 0 天 1 小时"));
    }

    [Fact]
    public void the_state_turns_closing_soon_at_ten_days_and_overdue_the_instant_after_the_end()
    {
        Countdown.StateOf(LastDay, End.AddDays(-10).AddTicks(-1), 10).ShouldBe(Countdown.State.Running);
        Countdown.StateOf(LastDay, End.AddDays(-10), 10).ShouldBe(Countdown.State.ClosingSoon);
        Countdown.StateOf(LastDay, End, 10).ShouldBe(Countdown.State.ClosingSoon);
        Countdown.StateOf(LastDay, End.AddTicks(1), 10).ShouldBe(Countdown.State.Overdue);
        Countdown.DaysOverdue(LastDay, End.AddTicks(1)).ShouldBe(1);
        Countdown.Left(LastDay, End.AddDays(-3).AddHours(-5).AddMinutes(-59)).ShouldBe((3, 5));
    }
}
