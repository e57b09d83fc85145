using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Whistle.Complaints;
using Whistle.County.Deadlines;
using Whistle.FeeDisputes;
using Whistle.JointMeetings.Worklist;
using Whistle.Kernel;
using Whistle.Whistles;

namespace Whistle.Hosting.OpenApi;

/// <summary>
/// The types of query parameters that handlers read as text on purpose (so that a malformed value is a bilingual 400
/// naming the parameter, not a binding failure): numbers, flags, instants and enums, by the parameter's name across
/// the API, and the enums by operation where one name means different things.
/// </summary>
public static class QueryParameters
{
    private static readonly HashSet<string> Integers = ["page", "pageSize", "limit", "version", "fromVersion", "toVersion", "year"];
    private static readonly HashSet<string> Flags = ["open", "overdue", "unread", "active", "committee"];
    private static readonly HashSet<string> Instants = ["asOf", "from", "to", "lodgedFrom", "lodgedTo", "start"];

    private static readonly Dictionary<(string Operation, string Parameter), string[]> Enums = new()
    {
        [("ListComplaints", "status")] = Enum.GetNames<ComplaintStatus>(),
        [("ListFeeDisputes", "stage")] = Enum.GetNames<FeeDisputeStage>(),
        [("ListWhistles", "level")] = Enum.GetNames<WhistleLevel>(),
        [("GetJointMeetingWorklist", "level")] = Enum.GetNames<WhistleLevel>(),
        [("GetJointMeetingWorklist", "kind")] = Enum.GetNames<WorklistKind>(),
        [("PreviewDueTimes", "whistleType")] = Enum.GetNames<WhistleType>(),
        [("ListStaff", "role")] = Roles.All,
        [("ListCases", "kind")] = ["complaint", "fee-dispute", "mediation"],
    };

    private static readonly string[] Formats = ["json", "csv"];

    public static void Type(OpenApiOperation operation)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In == ParameterLocation.Query) parameter.Schema = Of(operation.OperationId, parameter.Name!) ?? parameter.Schema;
            if (parameter.Schema is OpenApiSchema schema) Schemas.NumberNotText(schema);
        }
    }

    private static OpenApiSchema? Of(string? operation, string name) =>
        Enums.TryGetValue((operation ?? "", name), out var values) ? Enumerated(values)
        : name == "format" ? Enumerated(Formats)
        : Integers.Contains(name) ? new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" }
        : Flags.Contains(name) ? new OpenApiSchema { Type = JsonSchemaType.Boolean }
        : Instants.Contains(name) ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }
        : name == "month" ? new OpenApiSchema { Type = JsonSchemaType.String, Pattern = @"^\d{4}-\d{2}$" }
        : null;

    private static OpenApiSchema Enumerated(IEnumerable<string> values) =>
        new() { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] };
}
