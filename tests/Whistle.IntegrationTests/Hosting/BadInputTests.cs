using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
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
    [InlineData("{\"entries\":", "The request body is not valid JSON")]
    [InlineData("""{"entries":5}""", "The request body is not valid JSON")]
    [InlineData("""{"entries":[{"categoryId":"x","whistleType":"Nope"}]}""", "The request body is not valid JSON")]
    public async Task a_catalogue_whose_body_is_malformed_is_400(string body, string because) =>
        (await Refused(Tokens.Admin, HttpMethod.Put, "/api/catalogue", body, 400)).Detail.ShouldNotBeNull().ShouldContain(because);

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
    public async Task a_malformed_body_is_logged_below_error_level()
    {
        var log = WarningsAndAbove.On(Host.Services);
        log.Clear();

        await PutRawAndExpect("""{"entries":5}""");
        await PutRawAndExpect("{");
        await PutRawAndExpect("null");

        log.Where(e => e.Message.Contains("/api/catalogue", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    private async Task PutRawAndExpect(string body) => await Send(Tokens.Admin, x => x.Put.RawJson(body).ToUrl("/api/catalogue"), 400);

    /// <summary>Records what the host logs at warning or above, from the moment it is added to the host's logging.</summary>
    private sealed class WarningsAndAbove : ILoggerProvider
    {
        private static WarningsAndAbove? added;
        private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> entries = new();

        public static WarningsAndAbove On(IServiceProvider services)
        {
            if (added is { } existing) return existing;
            var provider = new WarningsAndAbove();
            if (Interlocked.CompareExchange(ref added, provider, null) is { } raced) return raced;
            services.GetRequiredService<ILoggerFactory>().AddProvider(provider);
            return provider;
        }

        public void Clear() => entries.Clear();

        public List<(string Category, LogLevel Level, string Message)> Where(Func<(string Category, LogLevel Level, string Message), bool> keep) =>
            entries.Where(keep).ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) entries.Enqueue((category, logLevel, formatter(state, exception)));
            }
        }
    }
}
