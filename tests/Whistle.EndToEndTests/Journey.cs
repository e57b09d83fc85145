using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Whistle.EndToEndTests;

/// <summary>
/// What every journey does besides its own steps: sign in through the development sign-in as a sample user, and set up
/// its case through the API as that case's real client would, with a development token from <c>ops/token</c>.
/// </summary>
public static class Journey
{
    /// <summary>The development sign-in: the sample user's own button on /sign-in, then the home page.</summary>
    public static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("sign-in");
        await page.Locator($"button[name='UserId'][value='{user}']").ClickAsync();
        await Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
    }

    /// <summary>An API client of the running service, as the sample user <paramref name="user"/>.</summary>
    public static async Task<HttpClient> ClientAsync(this WhistleApp app, string user)
    {
        var client = new HttpClient { BaseAddress = app.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(user));
        return client;
    }

    /// <summary>POSTs a command and returns its answer's body; anything but 2xx fails the test with the answer.</summary>
    public static async Task<JsonElement> PostAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"POST {url} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A development token of the sample user, as <c>ops/token USER</c> prints it.</summary>
    public static async Task<string> TokenAsync(string user)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "ops", "token"), user])
        {
            RedirectStandardOutput = true,
        })!;
        var token = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0);
        return token;
    }
}
