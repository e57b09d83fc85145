using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Shouldly;
using Whistle.County.Directory;

namespace Whistle.IntegrationTests.Hosting;

/// <summary>Malformed requests that once answered 500: each is a 400 or 404 ProblemDetails, and nothing is appended.</summary>
[Collection(SharedClock.Name)]
public sealed class BadInputTests(AppFixture app) : IntegrationContext(app)
{
    private const string Compound =
        """{"name":"春晖里","communityCode":"CM0101","address":"人民路 8 号","households":320,"stage":"UnderConstruction","ownersCommittee":{"formed":false}}""";

    private async Task<ProblemDetails> Refused(Tokens.User user, HttpMethod method, string url, string body, int status)
    {
        var result = await Send(user, x =>
        {
            if (method == HttpMethod.Put) x.Put.RawJson(body).ToUrl(url);
            else x.Post.RawJson(body).ToUrl(url);
        }, status);
        result.Context.Response.ContentType.ShouldBe("application/problem+json");
        return (await result.ReadAsJsonAsync<ProblemDetails>())!;
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("1e309")]
    [InlineData("{")]
    [InlineData("""{"households":1e309}""")]
    [InlineData("""{"stage":3}""")]
    public async Task a_compound_whose_body_is_malformed_is_400(string body) =>
        (await Refused(Tokens.Admin, HttpMethod.Put, "/api/directory/compounds/1e309", body, 400))
            .Detail.ShouldNotBeNull().ShouldStartWith("请求体");

    [Fact]
    public async Task a_compound_whose_code_looks_like_a_number_is_a_code_like_any_other()
    {
        var county = await App.NewCountyAsync();

        await Send(Tokens.Admin, x => x.Put.RawJson(Compound).ToUrl("/api/directory/compounds/1e309"), 200, county);

        (await EventsOf(DirectoryIds.Compound("1e309"), county)).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("null", "The request body must be a JSON object")]
    [InlineData("[]", "The request body must be a JSON object")]
    [InlineData("{\"entries\":", "The request body is not valid JSON (near line 1")]
    public async Task a_catalogue_whose_body_is_malformed_is_400(string body, string because) =>
        (await Refused(Tokens.Admin, HttpMethod.Put, "/api/catalogue", body, 400)).Detail.ShouldNotBeNull().ShouldContain(because);

    [Theory]
    [InlineData("""{"entries":5}""", "entries", "应为列表（JSON 数组）。Expected a list (a JSON array).")]
    [InlineData("""{"entries":[{"categoryId":"x","whistleType":"Nope"}]}""", "entries[0].whistleType",
        "应为 Emergency、Routine、Tough 之一。One of: Emergency, Routine, Tough.")]
    public async Task a_catalogue_field_of_the_wrong_type_is_400_naming_it_and_what_it_expects(string body, string field, string message)
    {
        var result = await Send(Tokens.Admin, x => x.Put.RawJson(body).ToUrl("/api/catalogue"), 400);

        var errors = (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors;
        errors.Keys.ShouldBe([field]);
        errors[field].ShouldBe([message]);
    }

    [Theory]
    [InlineData("""{"entries":[null]}""", "entries[0]")]
    [InlineData("""{"entries":[{"categoryId":"x","name":"n","nameEn":"n","lead":"gongan","coHandling":[null],"whistleType":"Routine"}]}""", "entries[0].coHandling")]
    public async Task a_catalogue_with_an_empty_entry_or_department_is_400_naming_it(string body, string field)
    {
        var result = await Send(Tokens.Admin, x => x.Put.RawJson(body).ToUrl("/api/catalogue"), 400);

        (await result.ReadAsJsonAsync<ValidationProblemDetails>())!.Errors.Keys.ShouldBe([field]);
    }

    [Theory]
    [InlineData("waiver", """{"amount":100,"reason":"空置"}""")]
    [InlineData("demand", """{"amount":100,"payBy":"2027-01-31"}""")]
    [InlineData("instalments/1/pay", """{"amount":100}""")]
    [InlineData("waiver", "{}")]
    [InlineData("demand", "{}")]
    [InlineData("instalments/1/pay", "{}")]
    public async Task a_command_on_an_unknown_fee_dispute_is_404(string action, string body)
    {
        var unknown = Guid.NewGuid();

        await Refused(Tokens.Clerk, HttpMethod.Post, $"/api/fee-disputes/{unknown}/{action}", body, 404);

        (await EventsOf(unknown)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("waiver")]
    [InlineData("demand")]
    [InlineData("instalments/1/pay")]
    public async Task a_null_body_on_a_fee_dispute_is_400(string action) =>
        await Refused(Tokens.Clerk, HttpMethod.Post, $"/api/fee-disputes/{Guid.NewGuid()}/{action}", "null", 400);

    [Fact]
    public async Task a_malformed_body_is_logged_as_one_warning_without_a_stack_trace()
    {
        var log = WarningsAndAbove.On(Host.Services);
        var path = $"/api/directory/compounds/log-{Guid.NewGuid():N}";

        foreach (var body in new[] { """{"households":"many"}""", "{", "null" })
            await Send(Tokens.Admin, x => x.Put.RawJson(body).ToUrl(path), 400);

        var lines = log.Where(e => e.Message.Contains(path, StringComparison.Ordinal));
        lines.Count.ShouldBe(3);
        lines.ShouldAllBe(e => e.Level == LogLevel.Warning && !e.HasException);
    }

}
