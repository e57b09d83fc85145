using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;

namespace Whistle.History.Export;

/// <summary>
/// Masks the personal data in a stored event's JSON for analysts (个人信息脱敏), by property name, as the details' own
/// <c>Masked()</c> copies do: the complainant's name, phone and address (<c>ComplaintLodged.complainant</c>); a fee
/// dispute's owner (<c>ownerName</c>, <c>ownerPhone</c>); a mediation's parties (a person's name and phone; an
/// organisation acts in an official capacity and keeps its name), a session's invitees and every participant (a list of
/// bare names says not who is a party, so none is left in clear); and any
/// <c>phone</c>, <c>email</c> or <c>idNumber</c> wherever it stands (the staff register's contacts among them). Officials'
/// names (the actor <c>by</c>, the mediator) stay in clear, as in every view. Free text (a description, minutes) is
/// exported as written: the masking reads names, not prose.
/// </summary>
public static class PersonalData
{
    // The CSV is read in Excel, not in a browser: Chinese stays readable instead of \uXXXX escapes.
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The stored JSON with every personal field masked; JSON that does not parse is withheld whole.</summary>
    public static string Masked(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return "***";
        }
        Walk(root);
        return root?.ToJsonString(Output) ?? "null";
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                MaskObject(o);
                foreach (var (_, child) in o.ToList()) Walk(child);
                break;
            case JsonArray a:
                foreach (var child in a) Walk(child);
                break;
        }
    }

    private static void MaskObject(JsonObject o)
    {
        if (o["complainant"] is JsonObject complainant)
        {
            Replace(complainant, "name", Mask.Name);
            Replace(complainant, "address", _ => "***");
        }
        Replace(o, "ownerName", Mask.Name);
        Replace(o, "ownerPhone", Mask.Phone);
        Replace(o, "phone", Mask.Phone);
        Replace(o, "email", Mask.Email);
        Replace(o, "idNumber", Mask.IdNumber);
        if (o["parties"] is JsonArray parties)
            foreach (var party in parties.OfType<JsonObject>())
                if (party["isOrganisation"]?.GetValueKind() != JsonValueKind.True)
                    Replace(party, "name", Mask.Name);
        if (o["invited"] is JsonArray invited)
            foreach (var invitee in invited.OfType<JsonObject>())
                Replace(invitee, "name", Mask.Name);
        if (o["participants"] is JsonArray participants)
            for (var i = 0; i < participants.Count; i++)
                if (Text(participants[i]) is { } name) participants[i] = Mask.Name(name);
    }

    /// <summary>
    /// A value masked as the details mask it; a sealed value (<see cref="SealedText"/>) exports as <c>***</c> unopened:
    /// opening a range's worth would need every subject's key, and an export never shows more than a mask.
    /// </summary>
    private static void Replace(JsonObject o, string property, Func<string, string> mask)
    {
        if (Text(o[property]) is { } value) o[property] = SealedText.SubjectOf(value) is null ? mask(value) : "***";
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
