using System.Text.Json.Nodes;
using Shouldly;

namespace Whistle.IntegrationTests.Hosting;

/// <summary>
/// The API reference as a reader meets it (/openapi/v1.json): every operation summarised, described with the roles that
/// may call it and grouped under one capability; every answer documented; numbers typed as numbers; an example per command.
/// </summary>
public sealed partial class OpenApiDocumentTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly string[] CapabilityTags =
    [
        "投诉 Complaints", "吹哨 Whistles", "联席会议 Joint meetings", "物业费纠纷 Fee disputes", "人民调解 Mediation",
        "案件 Cases", "通知 Notifications", "考核 Assessment", "个人信息 Personal data", "历史与回放 History", "县域数据 County data", "运维 Administration",
    ];

    private static readonly string[] NumberParameters = ["page", "pageSize", "limit", "version", "fromVersion", "toVersion", "year"];
    private static readonly string[] CommandRefusals = ["400", "401", "409", "413", "503"];
    private static readonly string[] FlagParameters = ["open", "overdue", "unread", "active", "committee"];

    private sealed record Operation(string Method, string Path, JsonObject Body)
    {
        public string Id => (string)Body["operationId"]!;
        public bool IsCommand => Method is not "get";
        public bool HasRouteId => Path.Contains('{', StringComparison.Ordinal);
        public JsonObject Responses => Body["responses"]!.AsObject();
        public IEnumerable<JsonObject> Parameters => Body["parameters"]?.AsArray().Select(p => p!.AsObject()) ?? [];
        public JsonObject? RequestBody => Body["requestBody"]?["content"]?["application/json"]?.AsObject();
    }

    private async Task<JsonObject> Document()
    {
        var result = await Send(null, x => x.Get.Url("/openapi/v1.json"), 200);
        return JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject();
    }

    private static List<Operation> Operations(JsonObject document) =>
        [.. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(method => method.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(method => new Operation(method.Key, path.Key, method.Value!.AsObject())))];

    private static JsonObject Schema(JsonObject document, JsonNode reference) =>
        document["components"]!["schemas"]![((string)reference["$ref"]!).Split('/')[^1]]!.AsObject();

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    [Fact]
    public async Task the_document_counts_its_operations_capability_tags_and_command_examples()
    {
        var document = await Document();
        var operations = Operations(document);

        operations.Count.ShouldBe(154);
        operations.Count(o => o.IsCommand).ShouldBe(80);
        operations.Count(o => o.RequestBody?["example"] is not null).ShouldBe(74);
        document["tags"]!.AsArray().Select(t => (string)t!["name"]!).ShouldBe(CapabilityTags);
        operations.Select(o => o.Id).Distinct().Count().ShouldBe(154);
    }

    [Fact]
    public async Task no_text_of_the_document_names_a_dotnet_type_or_member()
    {
        var document = await Document();

        Texts(document).Where(text => DotnetName().IsMatch(text)).Distinct().ShouldBeEmpty();
    }

    /// <summary>Every summary and description in the document, wherever it sits.</summary>
    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key is "summary" or "description" && p.Value is JsonValue v && v.TryGetValue<string>(out var text)
            ? [text] : Texts(p.Value)),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };

    /// <summary>What a C# documentation reference leaves in text: a member (<c>LodgeComplaint.Urgency</c>), a nullable type
    /// (<c>ComplaintUrgency?</c>), a namespace, a generic.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b[A-Z][a-z]+[A-Z]\w*\.[A-Z]\w*|\b[A-Z][a-z]+[A-Z]\w*\?|\b(Whistle|System|Microsoft|Marten|Wolverine)\.[A-Z]|\w+`\d")]
    private static partial System.Text.RegularExpressions.Regex DotnetName();

    [Fact]
    public async Task every_capability_tag_has_a_description_and_every_operation_has_exactly_one_of_them()
    {
        var document = await Document();

        document["tags"]!.AsArray().ShouldAllBe(t => ((string)t!["description"]!).Length > 20);
        Operations(document).Select(o => (o.Id, Tags: o.Body["tags"]!.AsArray().Select(t => (string)t!).ToList()))
            .Where(o => o.Tags.Count != 1 || !CapabilityTags.Contains(o.Tags[0]))
            .ShouldBeEmpty();
        var tagOf = Operations(document).ToDictionary(o => o.Id, o => (string)o.Body["tags"]![0]!);
        (tagOf["LodgeComplaint"], tagOf["BlowWhistle"], tagOf["ListDepartments"], tagOf["ListDeadLetters"], tagOf["GetCaseAsOf"])
            .ShouldBe(("投诉 Complaints", "吹哨 Whistles", "县域数据 County data", "运维 Administration", "历史与回放 History"));
    }

    [Fact]
    public async Task every_operation_has_a_bilingual_summary_and_a_description_naming_who_may_call_it()
    {
        var operations = Operations(await Document());

        operations.Where(o => o.Body["summary"] is not JsonValue summary
                || (string)summary! is var text && (text.Contains("_api_", StringComparison.Ordinal) || text == o.Id
                    || !text.Any(IsCjk) || !text.Any(char.IsAsciiLetter) || !IsCjk(text[0])))
            .Select(o => o.Id).ShouldBeEmpty();
        operations.Where(o => !((string?)o.Body["description"] ?? "").Contains("**可调用 Who may call:** ", StringComparison.Ordinal))
            .Select(o => o.Id).ShouldBeEmpty();
        operations.Where(o => ((string)o.Body["description"]!).StartsWith("**可调用", StringComparison.Ordinal))
            .Select(o => o.Id).ShouldBeEmpty();

        var lodge = operations.Single(o => o.Id == "LodgeComplaint").Body;
        ((string)lodge["summary"]!).ShouldBe("登记投诉 Lodge a complaint");
        ((string)lodge["description"]!).ShouldEndWith(
            "**可调用 Who may call:** 受理员 Clerk (`clerk`)、社区工作者 Community worker (`community`)、管理员 Administrator (`admin`)。");
        ((string)operations.Single(o => o.Id == "PrintNoticeBoard").Body["description"]!).ShouldEndWith("公开，无需令牌。Public: no token needed.");
    }

    [Fact]
    public async Task every_command_documents_its_refusals_as_problem_details()
    {
        var operations = Operations(await Document());

        static bool IsProblem(JsonObject responses, string status) =>
            responses[status]?["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>() == "#/components/schemas/ProblemDetails";
        static bool HasRoles(Operation o) => !((string)o.Body["description"]!).EndsWith("Any signed-in user.", StringComparison.Ordinal);

        var missing = operations.Where(o => o.IsCommand).SelectMany(o =>
            CommandRefusals
                .Concat(HasRoles(o) ? ["403"] : [])
                .Concat(o.HasRouteId ? ["404"] : [])
                .Where(status => !IsProblem(o.Responses, status))
                .Select(status => $"{o.Method} {o.Path} {status}"));
        missing.ShouldBeEmpty();
        operations.Where(o => !IsProblem(o.Responses, "503") || !o.Responses.Any(r => r.Key.StartsWith('2')))
            .Select(o => o.Id).ShouldBeEmpty();
        operations.Where(o => o.IsCommand && !HasRoles(o)).Select(o => o.Id).Order()
            .ShouldBe(["ReadAllNotifications", "ReadNotification"]);
        operations.Single(o => o.Id == "LodgeComplaint").Responses["201"]!["content"]!["application/json"]!["schema"]!["$ref"]!
            .GetValue<string>().ShouldBe("#/components/schemas/LodgedComplaint");
    }

    [Fact]
    public async Task every_command_with_a_body_has_an_example_carrying_every_required_field_and_no_unknown_one()
    {
        var document = await Document();
        var problems = new List<string>();

        void Check(string where, JsonNode? example, JsonObject schema)
        {
            if (example is not JsonObject given)
            {
                problems.Add($"{where}: no example object");
                return;
            }
            var properties = schema["properties"]?.AsObject() ?? [];
            foreach (var required in schema["required"]?.AsArray().Select(r => (string)r!) ?? [])
                if (given[required] is null) problems.Add($"{where}: required {required} missing");
            foreach (var (name, value) in given)
            {
                if (properties[name] is not JsonObject property)
                {
                    problems.Add($"{where}: {name} is not a field of the command");
                    continue;
                }
                if (property["items"] is JsonObject items && value is JsonArray elements)
                    foreach (var element in elements) CheckValue($"{where}.{name}[]", items, element);
                else CheckValue($"{where}.{name}", property, value);
            }
        }

        void CheckValue(string where, JsonObject property, JsonNode? value)
        {
            var reference = property["$ref"] is not null ? property : property["oneOf"]?.AsArray().FirstOrDefault(s => s?["$ref"] is not null);
            if (reference is null || value is null) return;
            var target = Schema(document, reference);
            if (target["enum"] is JsonArray values)
            {
                if (!values.Any(v => (string)v! == value.ToString())) problems.Add($"{where} = {value} is not one of its values");
            }
            else if (target["properties"] is not null) Check(where, value, target);
        }

        var commands = Operations(document).Where(o => o.RequestBody is not null).ToList();
        foreach (var command in commands)
            Check(command.Id, command.RequestBody!["example"], Schema(document, command.RequestBody["schema"]!));

        problems.ShouldBeEmpty();
        commands.Count.ShouldBe(74);
        commands.Single(o => o.Id == "LodgeComplaint").RequestBody!["example"]!["compoundId"]!.GetValue<string>().ShouldBe("CP010101");
    }

    public static TheoryData<string, string> CreatingCommands => new()
    {
        { "LodgeComplaint", Tokens.Clerk.Id },
        { "RaiseFeeDispute", Tokens.Clerk.Id },
        { "OpenMediationCase", Tokens.Mediator.Id },
    };

    [Theory]
    [MemberData(nameof(CreatingCommands))]
    public async Task the_example_of_a_creating_command_is_accepted_by_the_api(string operationId, string userId)
    {
        var command = Operations(await Document()).Single(o => o.Id == operationId);
        var user = userId == Tokens.Mediator.Id ? Tokens.Mediator : Tokens.Clerk;

        await PostRaw(user, command.Path, command.RequestBody!["example"]!.ToJsonString(), 201);
    }

    [Fact]
    public async Task no_number_or_flag_is_typed_as_text_and_required_command_fields_are_not_nullable()
    {
        var document = await Document();
        var parameters = Operations(document).SelectMany(o => o.Parameters.Select(p => (o.Id, Name: (string)p["name"]!, Schema: p["schema"]!))).ToList();

        parameters.Where(p => NumberParameters.Contains(p.Name) && (string?)p.Schema["type"] != "integer").ShouldBeEmpty();
        parameters.Where(p => FlagParameters.Contains(p.Name) && (string?)p.Schema["type"] != "boolean").ShouldBeEmpty();
        var mixed = document.ToJsonString();
        mixed.ShouldNotContain("\"integer\",\"string\"");
        mixed.ShouldNotContain("\"number\",\"string\"");

        var list = Operations(document).Single(o => o.Id == "ListComplaints").Parameters.ToDictionary(p => (string)p["name"]!, p => p["schema"]!);
        ((string)list["page"]!["type"]!, (string)list["overdue"]!["type"]!, (string)list["lodgedFrom"]!["format"]!, (string)list["number"]!["type"]!)
            .ShouldBe(("integer", "boolean", "date-time", "string"));
        list["status"]!["enum"]!.AsArray().Select(v => (string)v!).ShouldContain("Lodged");

        var lodge = document["components"]!["schemas"]!["LodgeComplaint"]!;
        lodge["required"]!.AsArray().Select(r => (string)r!).ShouldBe(["channel", "categoryId", "compoundId", "complainant", "description"]);
        (lodge["properties"]!["description"]!["type"]!.GetValue<string>(), lodge["properties"]!["channel"]!["$ref"]!.GetValue<string>())
            .ShouldBe(("string", "#/components/schemas/ComplaintChannel"));
        lodge["properties"]!["urgency"]!["oneOf"].ShouldNotBeNull();
        document["components"]!["schemas"]!["ComplainantInput"]!["required"]!.AsArray().Select(r => (string)r!).ShouldBe(["name", "phone"]);
    }

    [Fact]
    public async Task enums_are_strings_listing_their_values()
    {
        var schemas = (await Document())["components"]!["schemas"]!.AsObject();

        schemas.Where(s => s.Value!["enum"] is not null && ((string?)s.Value["type"] != "string" || s.Value["enum"]!.AsArray().Count == 0))
            .Select(s => s.Key).ShouldBeEmpty();
        schemas["ComplaintChannel"]!["enum"]!.AsArray().Select(v => (string)v!)
            .ShouldBe(["Hotline", "WalkIn", "Online", "GridPatrol", "Referral"]);
    }

    [Fact]
    public async Task every_schema_with_a_format_has_a_type_and_moments_are_text_at_china_time()
    {
        var document = await Document();

        Formatted(document).Where(schema => schema["type"] is null).Select(schema => schema.ToJsonString()).ShouldBeEmpty();
        var lodgedAt = document["components"]!["schemas"]!["ComplaintListItem"]!["properties"]!["lodgedAt"]!;
        ((string)lodgedAt["type"]!, (string)lodgedAt["format"]!, (string)lodgedAt["examples"]![0]!)
            .ShouldBe(("string", "date-time", "2026-12-05T09:30:00+08:00"));
    }

    /// <summary>Every schema in the document that names a format (date-time, int32, …).</summary>
    private static IEnumerable<JsonObject> Formatted(JsonNode? node) => node switch
    {
        JsonObject o => (o["format"] is JsonValue ? [o] : Enumerable.Empty<JsonObject>()).Concat(o.SelectMany(p => Formatted(p.Value))),
        JsonArray a => a.SelectMany(Formatted),
        _ => [],
    };
}
