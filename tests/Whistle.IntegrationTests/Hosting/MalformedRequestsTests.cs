using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Whistle.Kernel;

namespace Whistle.IntegrationTests.Hosting;

/// <summary>
/// Issue 18, item 5: 10,000 malformed requests generated from the OpenAPI document with a seeded <see cref="Random"/>, each
/// sent with a token of a role the operation allows, in a county of the test's own: bad JSON, bodies of the wrong shape,
/// fields of the wrong type, nulls, missing fields, huge and odd text (NUL, lone surrogates, right-to-left marks, 10,000
/// characters), bad ids and query values, numbers out of range, wrong content types, empty bodies. No answer is a 500,
/// every refusal is a ProblemDetails, and the county's event store holds what it held before.
/// </summary>
/// <remarks>
/// A request that might be well formed (a null, a missing field, an odd but valid character) goes only to an operation
/// whose route names a record by an id that does not exist, so it cannot append; an operation that creates (no id in its
/// route, or a code it may create) gets only requests that are malformed whatever the field: the commands' own rules
/// are not what this searches.
/// </remarks>
public sealed class MalformedRequestsTests(AppFixture app) : IntegrationContext(app)
{
    public const int Requests = 10_000;

    private static readonly string[] OddTexts =
    [
        "\u202Eevil\u202C", "\u200F\u200E\u200B", "e\u0301\u0301\u0301", "\U0001F600\U0001F4A9", "\uFEFF", "Ω≈ç√∫", "' or 1=1 --", "<script>x</script>",
        "../../etc/passwd", "%00", "\\u0000", "", " ", "null", "NaN", "-0", "1e309",
    ];

    private static readonly string[] HugeNumbers = ["1e309", "-1e400", "99999999999999999999999", "1.7976931348623157e309"];

    /// <summary>Texts no field takes: a NUL, a control character, a lone surrogate (escaped in the JSON), or over every bound.</summary>
    private static string[] BadTexts(Random random) =>
    [
        "a\u0000b", "\u0007\u001B[31m", "x\u0001", Huge(random, 10_001), Huge(random, 20_000),
    ];

    private static string Huge(Random random, int length)
    {
        var text = new StringBuilder(length);
        while (text.Length < length)
            text.Append(random.Next(4) switch { 0 => '\u202E', 1 => '字', 2 => (char)random.Next('a', 'z' + 1), _ => '\u200B' });
        return text.ToString();
    }

    private sealed record Operation(string Method, string Path, string Id, JsonObject? Example, bool HasBody, JsonArray Parameters, string Role)
    {
        /// <summary>Its route names its record by a uuid: a random one is no record, so even a well-formed body appends nothing.</summary>
        public bool Harmless(JsonObject document) => Method == "get" || RouteParameters.Any() && RouteParameters.All(p => IsUuid(p));
        public IEnumerable<JsonObject> RouteParameters => Parameters.Select(p => p!.AsObject()).Where(p => (string?)p["in"] == "path");
        public IEnumerable<JsonObject> QueryParameters => Parameters.Select(p => p!.AsObject()).Where(p => (string?)p["in"] == "query");
        public static bool IsUuid(JsonObject parameter) => (string?)parameter["schema"]?["format"] == "uuid";
    }

    private sealed record Malformed(string Operation, string Kind, HttpMethod Method, string Url, string? Body, string? ContentType, string Token);

    [Fact]
    public async Task ten_thousand_malformed_requests_answer_no_500_every_refusal_a_problem_and_append_nothing()
    {
        var county = await App.NewCountyAsync();
        var document = JsonNode.Parse(await (await Send(null, x => x.Get.Url("/openapi/v1.json"), 200)).ReadAsTextAsync())!.AsObject();
        var operations = Operations(document);
        var tokens = Roles.All.ToDictionary(r => r, r => Tokens.For(UserOf(r), county));
        var random = new Random(18);
        var requests = new List<Malformed>(Requests);
        var skipped = operations.Where(o => !o.HasBody && !o.Harmless(document) && !o.QueryParameters.Any() && !o.RouteParameters.Any()).Select(o => o.Id).ToList();
        var candidates = operations.Where(o => !skipped.Contains(o.Id)).ToList();
        while (requests.Count < Requests)
            foreach (var operation in candidates)
            {
                if (requests.Count == Requests) break;
                requests.Add(Generate(operation, document, tokens[operation.Role], random));
            }
        var before = await EventCount(county);

        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var client = Host.Server.CreateClient();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken }, async (request, ct) =>
        {
            using var message = new HttpRequestMessage(request.Method, request.Url);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", request.Token);
            if (request.Body is not null)
            {
                message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
                if (request.ContentType is not null) message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
            }
            using var response = await client.SendAsync(message, ct);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (status >= 500) failures.Add($"{status} {request.Kind} {request.Method} {Cut(request.Url)} {Cut(request.Body)} → {Cut(text)}");
            else if (status >= 400 && !IsProblem(response, text, status))
                failures.Add($"{status} without a ProblemDetails: {request.Kind} {request.Method} {Cut(request.Url)} → {Cut(text)}");
        });
        var seconds = started.Elapsed.TotalSeconds;
        var after = await EventCount(county);

        var spread = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
        var kinds = string.Join(", ", requests.GroupBy(r => r.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
        var summary = $"{requests.Count} malformed requests over {candidates.Count} of {operations.Count} operations in {seconds:0.0} s; "
            + $"statuses {spread}; kinds {kinds}; events appended {after - before}; operations left out (nothing to malform): {string.Join(", ", skipped)}";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Console.WriteLine(summary);
        failures.Take(20).ShouldBeEmpty(summary);
        statuses.Keys.ShouldAllBe(s => s < 500);
        after.ShouldBe(before);
    }

    private static string? Cut(string? text) => text is null ? null : text.Length > 300 ? text[..300] + "…" : text;

    private static bool IsProblem(HttpResponseMessage response, string text, int status)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return false;
        using var json = JsonDocument.Parse(text);
        return json.RootElement.TryGetProperty("status", out var s) && s.GetInt32() == status
            && json.RootElement.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 }
            && json.RootElement.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 };
    }

    private static Tokens.User UserOf(string role) => role switch
    {
        Roles.Clerk => Tokens.Clerk,
        Roles.Community => Tokens.Community,
        Roles.SubDistrict => Tokens.SubDistrict,
        Roles.Department => Tokens.Chengguan,
        Roles.Office => Tokens.Office,
        Roles.Mediator => Tokens.Mediator,
        Roles.Analyst => Tokens.Analyst,
        Roles.Supervisor => Tokens.Supervisor,
        _ => Tokens.Admin,
    };

    private List<Operation> Operations(JsonObject document)
    {
        // The roles an operation allows, from its endpoint's own [Authorize]: the first is the one it is called as.
        var roles = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .GroupBy(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName)
            .ToDictionary(g => g.Key, g => g.First().Metadata.GetOrderedMetadata<IAuthorizeData>()
                .SelectMany(a => a.Roles?.Split(',', StringSplitOptions.TrimEntries) ?? []).FirstOrDefault() ?? Roles.Admin);
        return [.. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(method => method.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(method =>
            {
                var body = method.Value!.AsObject();
                var id = (string)body["operationId"]!;
                var json = body["requestBody"]?["content"]?["application/json"];
                var example = json?["example"] as JsonObject ?? Example(document, json?["schema"]);
                return new Operation(method.Key, path.Key, id, example, json is not null,
                    body["parameters"]?.AsArray() ?? [], roles.GetValueOrDefault(id, Roles.Admin));
            }))];
    }

    /// <summary>A body with every property of the schema given a value of its type, when the document has no example.</summary>
    private static JsonObject? Example(JsonObject document, JsonNode? schema)
    {
        if (schema?["$ref"] is { } reference)
            schema = document["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
        if (schema?["properties"] is not JsonObject properties) return schema is null ? null : new JsonObject();
        var example = new JsonObject();
        foreach (var (name, property) in properties)
            example[name] = ((string?)property?["type"] ?? property?["type"]?.AsArray().Select(t => (string?)t).FirstOrDefault(t => t != "null")) switch
            {
                "integer" or "number" => 1,
                "boolean" => true,
                "array" => new JsonArray(),
                "object" => new JsonObject(),
                _ => (string?)property?["format"] == "uuid" ? Guid.Empty.ToString() : "x",
            };
        return example;
    }

    private static Malformed Generate(Operation operation, JsonObject document, string token, Random random)
    {
        var harmless = operation.Harmless(document);
        var method = new HttpMethod(operation.Method.ToUpperInvariant());
        var kind = "route";
        var path = operation.Path;
        foreach (var parameter in operation.RouteParameters)
        {
            var name = (string)parameter["name"]!;
            string value;
            if (Operation.IsUuid(parameter)) value = NewGuid(random).ToString();
            else value = "zz" + random.Next(100_000);
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }
        var query = new List<string>();
        string? body = operation.HasBody ? operation.Example?.ToJsonString() ?? "{}" : null;
        string? contentType = operation.HasBody ? "application/json" : null;

        // One fault per request, drawn from those that fit the operation.
        var faults = new List<string>();
        if (operation.RouteParameters.Any()) faults.Add("bad route value");
        if (operation.QueryParameters.Any()) faults.AddRange(["bad query value", "bad query value", "huge query value", "odd query value"]);
        if (operation.HasBody)
        {
            faults.AddRange(["bad JSON", "not an object", "wrong type", "wrong type", "bad text", "bad text", "wrong content type", "empty body", "huge number"]);
            if (harmless) faults.AddRange(["null field", "missing field", "odd text", "odd number", "empty object", "unknown field"]);
        }
        if (faults.Count == 0) faults.Add("unknown query value");
        kind = faults[random.Next(faults.Count)];

        switch (kind)
        {
            case "bad route value":
                var bad = new[] { "not-a-guid", "00000000-0000-0000-0000-00000000000g", "-1", "99999999999999999999", "%E2%80%AE", "..%2F..%2Fopenapi", Huge(random, 300), "\u202E", "null", " " }[random.Next(10)];
                // Not %00: Kestrel refuses a NUL in a path itself, with 400, before Whistle sees it (TestServer throws instead).
                var route = operation.RouteParameters.ElementAt(random.Next(operation.RouteParameters.Count()));
                path = operation.Path;
                foreach (var parameter in operation.RouteParameters)
                {
                    var name = (string)parameter["name"]!;
                    var value = parameter == route ? bad : Operation.IsUuid(parameter) ? NewGuid(random).ToString() : "zz" + random.Next(100_000);
                    path = path.Replace("{" + name + "}", value.StartsWith('%') || value.Contains("%2F", StringComparison.Ordinal) ? value : Uri.EscapeDataString(value), StringComparison.Ordinal);
                }
                // A route that no longer names a record by a uuid may create one: its body, if any, malformed too.
                if (body is not null && !harmless) body = "{";
                break;
            case "bad query value" or "huge query value" or "odd query value":
                var parameterName = (string)operation.QueryParameters.ElementAt(random.Next(operation.QueryParameters.Count()))["name"]!;
                var queryValue = kind switch
                {
                    "huge query value" => Huge(random, random.Next(201, 10_000)),
                    "odd query value" => OddTexts[random.Next(OddTexts.Length)],
                    _ => new[] { "abc", "-1", "-2147483649", "99999999999999999999", "1e309", "0x10", "true", "2026-13-45", "not-a-guid", "\u0000", "NaN", "[]", "{}" }[random.Next(13)],
                };
                query.Add($"{Uri.EscapeDataString(parameterName)}={Uri.EscapeDataString(queryValue)}");
                if (random.Next(4) == 0) query.Add($"{Uri.EscapeDataString(parameterName)}={Uri.EscapeDataString(queryValue)}");
                if (body is not null && !harmless) body = "{";
                break;
            case "unknown query value":
                query.Add($"zz{random.Next(100)}={Uri.EscapeDataString(OddTexts[random.Next(OddTexts.Length)])}");
                break;
            case "bad JSON":
                var json = body ?? "{}";
                body = random.Next(6) switch
                {
                    0 => json[..Math.Max(1, random.Next(json.Length))],
                    1 => json + "}",
                    2 => json.Replace(":", "", StringComparison.Ordinal),
                    3 => "{'single': 'quotes'}",
                    4 => Encoding.Latin1.GetString([.. Enumerable.Range(0, 64).Select(_ => (byte)random.Next(256))]),
                    _ => json.Replace("\"", "", StringComparison.Ordinal),
                };
                break;
            case "not an object":
                body = new[] { "null", "[]", "[{}]", "1", "\"text\"", "true", "-0" }[random.Next(7)];
                break;
            case "empty body":
                body = "";
                break;
            case "wrong content type":
                contentType = new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream" }[random.Next(5)];
                break;
            default:
                body = MutateField(operation, kind, random) ?? "[]";
                break;
        }
        var url = query.Count == 0 ? path : path + "?" + string.Join('&', query);
        return new Malformed(operation.Id, kind, method, url, body, contentType, token);
    }

    /// <summary>The example body with one field, at any depth, changed as the fault says; null when it has no such field.</summary>
    private static string? MutateField(Operation operation, string kind, Random random)
    {
        var body = (operation.Example?.DeepClone() as JsonObject) ?? new JsonObject();
        if (kind == "empty object") return "{}";
        if (kind == "unknown field")
        {
            body["zz" + random.Next(1000)] = OddTexts[random.Next(OddTexts.Length)];
            return body.ToJsonString();
        }
        var slots = Slots(body).ToList();
        if (kind == "bad text") slots = [.. slots.Where(s => s.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String || s.Value is null)];
        if (kind is "odd number") slots = [.. slots.Where(s => s.Value is JsonValue v && v.GetValueKind() == JsonValueKind.Number)];
        if (slots.Count == 0)
        {
            // No field of that kind: the fault lands in a field of no name the command knows, or the body is no object.
            if (kind != "bad text") return "[]";
            body["zz"] = BadTexts(random)[random.Next(5)];
            return body.ToJsonString();
        }
        var (parent, key, value) = slots[random.Next(slots.Count)];
        JsonNode? replacement = kind switch
        {
            "null field" => null,
            "odd text" => OddTexts[random.Next(OddTexts.Length)],
            "bad text" => BadTexts(random)[random.Next(5)],
            "odd number" => new JsonNode[] { -1, 0, int.MaxValue, int.MinValue, long.MaxValue, 0.5, -0.0001 }[random.Next(7)],
            "huge number" => JsonNode.Parse(HugeNumbers[random.Next(HugeNumbers.Length)]),
            _ => WrongType(value, random),
        };
        if (kind == "missing field")
        {
            if (parent is JsonObject o) o.Remove(key!);
            else ((JsonArray)parent).RemoveAt(int.Parse(key!, System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (parent is JsonObject o) o[key!] = replacement;
        else ((JsonArray)parent)[int.Parse(key!, System.Globalization.CultureInfo.InvariantCulture)] = replacement;
        return body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>A value no field of the example's type reads: a number for text, text for a number, a list for an object…</summary>
    private static JsonNode WrongType(JsonNode? value, Random random) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => random.Next(3) switch { 0 => 12345, 1 => new JsonObject { ["a"] = 1 }, _ => new JsonArray(1, 2) },
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => random.Next(2) == 0 ? "abc" : new JsonObject(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => random.Next(2) == 0 ? "yes" : 2,
        JsonArray => random.Next(2) == 0 ? "x" : 5,
        JsonObject => random.Next(2) == 0 ? 5 : new JsonArray("x"),
        _ => new JsonArray(new JsonArray()),
    };

    private static IEnumerable<(JsonNode Parent, string? Key, JsonNode? Value)> Slots(JsonNode node)
    {
        if (node is JsonObject o)
            foreach (var (key, value) in o.ToList())
            {
                yield return (o, key, value);
                if (value is not null) foreach (var inner in Slots(value)) yield return inner;
            }
        else if (node is JsonArray a)
            for (var i = 0; i < a.Count; i++)
            {
                yield return (a, i.ToString(System.Globalization.CultureInfo.InvariantCulture), a[i]);
                if (a[i] is { } item) foreach (var inner in Slots(item)) yield return inner;
            }
    }

    private static Guid NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private async Task<long> EventCount(string county)
    {
        await using var session = App.Store.QuerySession(county);
        return await session.Events.QueryAllRawEvents().LongCountAsync(TestContext.Current.CancellationToken);
    }
}
