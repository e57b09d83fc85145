using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alba;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace Whistle.IntegrationTests.Hosting;

/// <summary>
/// Every error is a ProblemDetails in Chinese then English, whichever layer answers it (authentication, routing, the
/// body check, query binding), naming the field and, for an enum, its values; no body names a .NET type or namespace.
/// </summary>
[Collection(SharedClock.Name)]
public sealed partial class ErrorAnswersTests(AppFixture app) : IntegrationContext(app)
{
    /// <summary>Asserts the common shape of every error answer and returns its body.</summary>
    private static async Task<JsonObject> Problem(IScenarioResult result, int status)
    {
        result.Context.Response.StatusCode.ShouldBe(status);
        result.Context.Response.ContentType.ShouldNotBeNull().ShouldStartWith("application/problem+json");
        var text = await result.ReadAsTextAsync();
        Cjk().IsMatch(text).ShouldBeTrue(text);
        text.ShouldNotContain("Whistle.");
        text.ShouldNotContain("System.");
        text.ShouldNotContain("Microsoft.");
        text.ShouldNotContain("\\u");
        var body = JsonNode.Parse(text)!.AsObject();
        body["status"]!.GetValue<int>().ShouldBe(status);
        var title = body["title"]!.GetValue<string>();
        var detail = body["detail"]!.GetValue<string>();
        Cjk().IsMatch(title).ShouldBeTrue(title);
        English().IsMatch(title).ShouldBeTrue(title);
        Cjk().IsMatch(detail).ShouldBeTrue(detail);
        English().IsMatch(detail).ShouldBeTrue(detail);
        // Chinese first: the first Chinese character comes before the first English word.
        Cjk().Match(detail).Index.ShouldBeLessThan(English().Match(detail).Index, detail);
        return body;
    }

    private static string[] Errors(JsonObject body, string field) =>
        body["errors"]![field]!.AsArray().Select(e => e!.GetValue<string>()).ToArray();

    [Fact]
    public async Task a_request_without_a_token_is_401_in_chinese_and_english_with_www_authenticate()
    {
        var result = await Send(null, x => x.Get.Url("/api/complaints"), 401);

        var body = await Problem(result, 401);
        body["title"]!.GetValue<string>().ShouldBe("未认证 Unauthorized");
        body["detail"]!.GetValue<string>().ShouldBe("需要访问令牌（Authorization: Bearer …）。A bearer token is required (Authorization: Bearer …).");
        result.Context.Response.Headers.WWWAuthenticate.ToString().ShouldBe("Bearer");
    }

    [Fact]
    public async Task an_expired_token_is_401_saying_so()
    {
        var result = await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(Tokens.Clerk, DateTimeOffset.UtcNow.AddDays(-1)));
            x.Get.Url("/api/complaints");
            x.StatusCodeShouldBe(401);
        });

        (await Problem(result, 401))["detail"]!.GetValue<string>().ShouldBe("访问令牌已过期，请重新获取。The bearer token has expired; get a new one.");
        result.Context.Response.Headers.WWWAuthenticate.ToString().ShouldStartWith("Bearer error=\"invalid_token\"");
    }

    [Fact]
    public async Task a_role_the_route_does_not_allow_is_403_in_chinese_and_english()
    {
        var result = await Send(Tokens.Clerk, x => x.Put.RawJson("{}").ToUrl("/api/directory/compounds/CP999999"), 403);

        var body = await Problem(result, 403);
        body["title"]!.GetValue<string>().ShouldBe("无权操作 Forbidden");
        body["detail"]!.GetValue<string>().ShouldBe("您的角色不能执行此操作。 Your role may not do this.");
    }

    [Fact]
    public async Task an_unknown_route_is_404_naming_it()
    {
        var result = await Send(Tokens.Clerk, x => x.Get.Url("/api/no-such-thing"), 404);

        var body = await Problem(result, 404);
        body["title"]!.GetValue<string>().ShouldBe("未找到 Not found");
        body["detail"]!.GetValue<string>().ShouldContain("/api/no-such-thing");
    }

    [Fact]
    public async Task a_command_on_a_case_that_does_not_exist_is_404_in_chinese_and_english() =>
        await Problem(await PostRaw(Tokens.Clerk, $"/api/complaints/{Guid.NewGuid()}/accept", "{}", 404), 404);

    [Fact]
    public async Task a_wrong_verb_is_405_keeping_the_allow_header()
    {
        var result = await Send(Tokens.Clerk, x => x.Delete.Url("/api/complaints"), 405);

        var body = await Problem(result, 405);
        var allow = result.Context.Response.Headers.Allow.ToString();
        allow.ShouldContain("GET");
        allow.ShouldContain("POST");
        body["title"]!.GetValue<string>().ShouldBe("方法不允许 Method not allowed");
        body["detail"]!.GetValue<string>().ShouldContain("DELETE");
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_415_in_chinese_and_english()
    {
        var result = await Send(Tokens.Clerk, x =>
        {
            x.Post.Url("/api/complaints");
            x.ConfigureHttpContext(c =>
            {
                c.Request.ContentType = "text/plain";
                c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("hello"));
            });
        }, 415);

        var body = await Problem(result, 415);
        body["title"]!.GetValue<string>().ShouldBe("不支持的内容类型 Unsupported media type");
        body["detail"]!.GetValue<string>().ShouldContain("text/plain");
    }

    [Fact]
    public async Task an_unknown_channel_names_the_field_and_lists_the_channels()
    {
        var json = """{"channel":"Phone","categoryId":"illegal-parking","compoundId":"CP010101","complainant":{"name":"张三","phone":"13812345678"},"description":"占道"}""";

        var body = await Problem(await PostRaw(Tokens.Clerk, "/api/complaints", json, 400), 400);

        ((JsonObject)body["errors"]!).Select(e => e.Key).ShouldBe(["channel"]);
        Errors(body, "channel").ShouldBe(["应为 Hotline、WalkIn、Online、GridPatrol、Referral 之一。One of: Hotline, WalkIn, Online, GridPatrol, Referral."]);
    }

    [Fact]
    public async Task a_number_where_text_is_expected_names_the_nested_field()
    {
        var json = """{"channel":"Hotline","categoryId":"illegal-parking","compoundId":"CP010101","complainant":{"name":"张三","phone":13812345678},"description":"占道"}""";

        var body = await Problem(await PostRaw(Tokens.Clerk, "/api/complaints", json, 400), 400);

        Errors(body, "complainant.phone").ShouldBe(["应为文本。Expected text."]);
    }

    [Fact]
    public async Task a_body_that_breaks_off_says_where()
    {
        var body = await Problem(await PostRaw(Tokens.Clerk, "/api/complaints", """{"channel":""", 400), 400);

        body["detail"]!.GetValue<string>().ShouldStartWith("请求体不是有效的 JSON（第 1 行");
    }

    [Theory]
    [InlineData("/api/cases?open=yes", "open", "yes", "true or false")]
    [InlineData("/api/cases?page=abc", "page", "abc", "a whole number")]
    [InlineData("/api/directory/compounds?stage=Built", "stage", "Built", "one of Delivered, UnderConstruction")]
    public async Task a_query_value_that_does_not_parse_is_400_naming_the_parameter_and_its_form(string url, string parameter, string value, string form)
    {
        var body = await Problem(await Send(Tokens.Admin, x => x.Get.Url(url), 400), 400);

        body["title"]!.GetValue<string>().ShouldBe("查询参数无效 Invalid query value");
        var detail = body["detail"]!.GetValue<string>();
        detail.ShouldStartWith($"查询参数 {parameter} 的值“{value}”无法识别");
        detail.ShouldContain($"The query parameter {parameter} has the value '{value}', which does not read as {form}.");
    }

    [Fact]
    public async Task each_refusal_is_one_warning_line_without_a_stack_trace()
    {
        var log = WarningsAndAbove.On(Host.Services);
        var marker = Guid.NewGuid();

        await Send(Tokens.Clerk, x => x.Get.Url($"/api/no-such-{marker}"), 404);
        await Send(null, x => x.Get.Url($"/api/complaints/{marker}"), 401);
        await Send(Tokens.Clerk, x => x.Delete.Url($"/api/complaints/{marker}"), 405);

        var lines = log.Where(e => e.Message.Contains(marker.ToString(), StringComparison.Ordinal));
        lines.Select(e => e.Message[..e.Message.IndexOf(':', StringComparison.Ordinal)]).ShouldBe([
            $"Refused GET /api/no-such-{marker} with 404", $"Refused GET /api/complaints/{marker} with 401",
            $"Refused DELETE /api/complaints/{marker} with 405"], ignoreOrder: true);
        lines.ShouldAllBe(e => e.Level == LogLevel.Warning && !e.HasException);
    }

    [GeneratedRegex(@"[\u4E00-\u9FFF]")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex English();
}
