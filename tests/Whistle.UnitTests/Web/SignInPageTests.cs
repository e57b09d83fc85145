using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Shouldly;
using Whistle.County.Staff;
using Whistle.Hosting.Web;
using Xunit;

namespace Whistle.UnitTests.Web;

/// <summary>The development sign-in exists in Development only: elsewhere it is a 404 and lists no one.</summary>
public sealed class SignInPageTests : IDisposable
{
    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

    private sealed class Environment(string name) : IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Whistle";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string WebRootPath { get; set; } = "/";
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
    }

    private void Host(string environment)
    {
        _context.Services.AddLocalization();
        _context.Services.AddAuthenticationCore();
        _context.Services.AddSingleton<IWebHostEnvironment>(new Environment(environment));
        _context.Services.AddSingleton(new SampleStaff([new SampleStaff.Row("zhujian", "anlan",
            new StaffInfo("周科长", "department", null, null, "zhujian", null, null, Active: true))]));
    }

    private IRenderedComponent<SignInPage> Render() => _context.Render<SignInPage>(p => p.AddCascadingValue(new DefaultHttpContext()));

    [Fact]
    public void in_development_it_lists_the_sample_staff_with_a_sign_in_button_each()
    {
        Host("Development");

        var page = Render();

        page.Find("th[scope=row]").TextContent.ShouldBe("周科长");
        page.Find("button[name=UserId]").GetAttribute("value").ShouldBe("zhujian");
    }

    [Fact]
    public void outside_development_it_is_not_found_and_lists_no_one()
    {
        Host("Production");
        var notFound = false;
        _context.Services.GetRequiredService<BunitNavigationManager>().OnNotFound += (_, _) => notFound = true;

        var page = Render();

        notFound.ShouldBeTrue();
        page.FindAll("button").ShouldBeEmpty();
        page.Markup.ShouldNotContain("周科长");
    }
}
