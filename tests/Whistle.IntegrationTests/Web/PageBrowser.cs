using System.Net;
using System.Text.RegularExpressions;
using Alba;

namespace Whistle.IntegrationTests.Web;

/// <summary>
/// A browser's part in a page test, over the test server: it keeps the cookies the pages set, follows no redirects
/// (the tests assert them), and reads a form's hidden fields (antiforgery token, form name) to post it as a browser would.
/// </summary>
public sealed partial class PageBrowser(IAlbaHost host)
{
    private readonly HttpClient _client = host.Server.CreateClient();
    private readonly Dictionary<string, string> _cookies = [];

    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    /// <summary>A browser signed in through the development sign-in as the sample user <paramref name="userId"/>.</summary>
    public static async Task<PageBrowser> SignedInAsync(IAlbaHost host, string userId)
    {
        var browser = new PageBrowser(host);
        var (_, page) = await browser.GetAsync("/sign-in");
        var (response, _) = await browser.PostFormAsync("/sign-in", page, "sign-in", ("UserId", userId));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {userId} answered {(int)response.StatusCode}, not a redirect.");
        return browser;
    }

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string url) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>Posts the page's form named <paramref name="formName"/> with its hidden fields and these values.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(string url, string pageHtml, string formName, params (string Name, string Value)[] values)
    {
        var form = FormOf(pageHtml, formName);
        var fields = HiddenField().Matches(form).Select(m => (m.Groups["name"].Value, WebUtility.HtmlDecode(m.Groups["value"].Value))).Concat(values);
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))),
        });
    }

    /// <summary>The same request with a bearer token besides the cookies.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            foreach (var cookie in setCookies.Select(c => c.Split(';')[0].Split('=', 2)))
            {
                if (cookie[1].Length == 0) _cookies.Remove(cookie[0]);
                else _cookies[cookie[0]] = cookie[1];
            }
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static string FormOf(string html, string formName)
    {
        foreach (Match form in Form().Matches(html))
            if (form.Value.Contains($"value=\"{formName}\"", StringComparison.Ordinal) || form.Value.Contains($"action=\"{formName}\"", StringComparison.Ordinal))
                return form.Value;
        throw new InvalidOperationException($"No form {formName} on the page:\n{html}");
    }

    [GeneratedRegex("<form.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenField();
}
