using Shouldly;
using Whistle.Hosting.Web;
using Xunit;

namespace Whistle.UnitTests.Web;

/// <summary>The language switch sends the browser back to a page of this site, never to another site.</summary>
public sealed class CultureSwitchTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/departments/gongan/inbox?page=2&pageSize=20", "/departments/gongan/inbox?page=2&pageSize=20")]
    [InlineData("/sign-in#main", "/sign-in#main")]
    public void a_path_of_this_site_is_kept(string returnUrl, string expected) => WebLocalization.LocalReturnUrl(returnUrl).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("departments/gongan/inbox")]
    [InlineData("/\r\nSet-Cookie: x=1")]
    public void anything_else_returns_to_the_home_page(string? returnUrl) => WebLocalization.LocalReturnUrl(returnUrl).ShouldBe("/");
}
