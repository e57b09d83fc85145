using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Complaints;
using Whistle.County.Catalogue;
using Whistle.Hosting;
using Xunit;

namespace Whistle.UnitTests.Hosting;

/// <summary>A body that does not read as its command names the field by its JSON path and what it expects, in Chinese then English.</summary>
public sealed class BodyErrorsTests
{
    private static readonly JsonSerializerOptions Options = Http();

    private static JsonSerializerOptions Http()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonAnswers.Configure(options);
        return options;
    }

    private static ValidationProblemDetails Refusal<T>(string body)
    {
        var exception = Should.Throw<JsonException>(() => JsonSerializer.Deserialize<T>(body, Options));
        var problem = BodyErrors.From(exception, typeof(T), Options).ShouldBeOfType<ValidationProblemDetails>();
        problem.Status.ShouldBe(400);
        return problem;
    }

    [Fact]
    public void an_unknown_enum_value_names_the_field_and_lists_the_valid_values()
    {
        var problem = Refusal<LodgeComplaint>("""{"channel":"Phone"}""");

        problem.Errors.Keys.ShouldBe(["channel"]);
        problem.Errors["channel"].ShouldBe(["应为 Hotline、WalkIn、Online、GridPatrol、Referral 之一。One of: Hotline, WalkIn, Online, GridPatrol, Referral."]);
    }

    [Fact]
    public void a_number_where_text_is_expected_names_the_nested_field_in_camel_case()
    {
        var problem = Refusal<LodgeComplaint>("""{"complainant":{"name":"张三","phone":13812345678}}""");

        problem.Errors.Keys.ShouldBe(["complainant.phone"]);
        problem.Errors["complainant.phone"].ShouldBe(["应为文本。Expected text."]);
    }

    [Fact]
    public void a_field_inside_a_list_is_named_with_its_index()
    {
        var problem = Refusal<PublishCatalogue>("""{"entries":[{"categoryId":"x","whistleType":"Nope"}]}""");

        problem.Errors.Keys.ShouldBe(["entries[0].whistleType"]);
        problem.Errors["entries[0].whistleType"].Single().ShouldBe("应为 Emergency、Routine、Tough 之一。One of: Emergency, Routine, Tough.");
    }

    [Fact]
    public void a_number_given_for_an_enum_is_refused_with_its_values() =>
        Refusal<LodgeComplaint>("""{"channel":3}""").Errors["channel"].Single().ShouldContain("One of: Hotline");

    [Fact]
    public void text_where_a_list_is_expected_says_a_list() =>
        Refusal<PublishCatalogue>("""{"entries":"all"}""").Errors["entries"].ShouldBe(["应为列表（JSON 数组）。Expected a list (a JSON array)."]);

    [Fact]
    public void no_answer_names_a_dotnet_type_or_namespace()
    {
        var problem = Refusal<LodgeComplaint>("""{"channel":"Phone"}""");

        var text = JsonSerializer.Serialize(problem, Options);
        text.ShouldNotContain("Whistle.");
        text.ShouldNotContain("System.");
        text.ShouldNotContain("ComplaintChannel");
    }

    [Fact]
    public void a_body_that_is_not_json_says_where_it_breaks()
    {
        var exception = Should.Throw<JsonException>(() => JsonDocument.Parse("{\"channel\":"));

        var problem = BodyErrors.From(exception, typeof(LodgeComplaint), Options);

        problem.Title.ShouldBe("请求无效 Bad request");
        problem.Detail.ShouldStartWith("请求体不是有效的 JSON（第 1 行");
        problem.Detail.ShouldContain("The request body is not valid JSON (near line 1");
    }

    [Theory]
    [InlineData("$.channel", "channel")]
    [InlineData("$.complainant.phone", "complainant.phone")]
    [InlineData("$.entries[0].coHandling[1]", "entries[0].coHandling[1]")]
    [InlineData("$['odd name'].x", "odd name.x")]
    [InlineData("$", "")]
    [InlineData(null, "")]
    public void a_json_path_becomes_a_field_name(string? path, string field) =>
        BodyErrors.Field(path).ShouldBe(field);
}
