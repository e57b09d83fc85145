using Microsoft.AspNetCore.Mvc;
using Shouldly;

namespace Whistle.IntegrationTests.Hosting;

[Collection(SharedClock.Name)]
public sealed class ApiConventionsTests(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task health_endpoints_answer_without_a_token()
    {
        await Send(null, x => x.Get.Url("/health/live"), 200);
        var ready = await Send(null, x => x.Get.Url("/health/ready"), 200);
        // Degraded here: the tests' connections relax synchronous_commit (and next year's official holidays may be
        // missing within 60 days of the shared test clock: ReadinessCalendarTests pins that with a clock of its own).
        var report = System.Text.Json.Nodes.JsonNode.Parse(await ready.ReadAsTextAsync())!;
        report["status"]!.GetValue<string>().ShouldBe("Degraded");
        var postgres = report["checks"]!["postgresql"]!;
        postgres["status"]!.GetValue<string>().ShouldBe("Degraded");
        (postgres["data"]!["fsync"]!.GetValue<string>(), postgres["data"]!["full_page_writes"]!.GetValue<string>(),
            postgres["data"]!["synchronous_commit"]!.GetValue<string>()).ShouldBe(("on", "on", "off"));
    }

    [Fact]
    public async Task the_openapi_document_describes_the_complaint_routes()
    {
        var result = await Send(null, x => x.Get.Url("/openapi/v1.json"), 200);

        var document = await result.ReadAsTextAsync();
        document.ShouldContain("\"/api/complaints/{complaintId}/accept\"");
        document.ShouldContain("\"/api/complaints\"");
        document.ShouldContain("bearer");
    }

    [Fact]
    public async Task the_api_reference_page_is_served()
    {
        var result = await Send(null, x => x.Get.Url("/docs/v1"), 200);

        (await result.ReadAsTextAsync()).ShouldContain("<title>Whistle API 接口文档</title>");
    }

    [Fact]
    public async Task an_expired_token_is_401()
    {
        await Host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(Tokens.Clerk, DateTimeOffset.UtcNow.AddDays(-1)));
            x.Get.Url("/api/complaints");
            x.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task a_body_over_the_limit_is_413_problem_details()
    {
        var huge = "{\"text\":\"" + new string('x', 70 * 1024) + "\",\"visibility\":\"Internal\"}";

        var result = await PostRaw(Tokens.Clerk, $"/api/complaints/{Guid.NewGuid()}/notes", huge, 413);

        (await result.ReadAsJsonAsync<ProblemDetails>())!.Status.ShouldBe(413);
    }
}
