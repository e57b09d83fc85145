using Shouldly;
namespace Whistle.IntegrationTests.Samples;

/// <summary>The reading of sample files refuses what it would otherwise skip: a request that asserts nothing, a script.</summary>
public sealed class HttpFileTests
{
    [Fact]
    public void a_request_reads_with_its_name_sleep_headers_body_and_expected_status()
    {
        var file = HttpFile.Parse("t.http", """
            @base = http://127.0.0.1:5080
            ### 1. Lodge
            # @name lodge
            # @sleep 1500
            POST {{base}}/api/complaints
            Content-Type: application/json

            { "a": 1 }

            ?? status == 201
            """);

        file.Steps[0].ShouldBe(new HttpFile.Variable(1, "base", "http://127.0.0.1:5080"));
        var request = file.Requests.ShouldHaveSingleItem();
        (request.Title, request.Name, request.Sleep, request.Method, request.Url, request.Body, request.ExpectedStatus)
            .ShouldBe(("1. Lodge", "lodge", TimeSpan.FromMilliseconds(1500), "POST", "{{base}}/api/complaints", "{ \"a\": 1 }", 201));
        request.Headers.ShouldBe([new("Content-Type", "application/json")]);
    }

    [Fact]
    public void a_request_without_a_status_assertion_is_refused_by_its_line()
    {
        Should.Throw<FormatException>(() => HttpFile.Parse("t.http", "### one\nGET /a\n\n### two\nGET /b\n\n?? status == 200\n"))
            .Message.ShouldBe("t.http:2: the request \"one\" asserts no status: add `?? status == N` after it");
    }

    [Theory]
    [InlineData("{{\n  exports.today = 1;\n}}\n")]
    [InlineData("# @ref lodge\n")]
    [InlineData("### a\nGET /a\n\n?? body contains x\n")]
    public void syntax_this_reading_would_skip_is_refused(string text) =>
        Should.Throw<FormatException>(() => HttpFile.Parse("t.http", text));
}
