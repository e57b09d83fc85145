using System.Text.Json.Nodes;
using Shouldly;
using Whistle.History.TimeTravel;
using Xunit;

namespace Whistle.UnitTests.History.TimeTravel;

public class JsonDifferenceTests
{
    private static JsonNode Json(string json) => JsonNode.Parse(json)!;

    private static List<(string Path, string? Before, string? After)> Diff(string before, string after) =>
        JsonDifference.Between(Json(before), Json(after)).Select(c => (c.Path, c.Before?.ToJsonString(), c.After?.ToJsonString())).ToList();

    [Fact]
    public void equal_views_have_no_changes() =>
        Diff("""{"status":"Accepted","notes":[{"text":"a"}]}""", """{"notes":[{"text":"a"}],"status":"Accepted"}""").ShouldBeEmpty();

    [Fact]
    public void a_changed_value_is_named_by_its_path_with_before_and_after() =>
        Diff("""{"status":"Lodged","version":1}""", """{"status":"Accepted","version":2}""")
            .ShouldBe([("$.status", "\"Lodged\"", "\"Accepted\""), ("$.version", "1", "2")]);

    [Fact]
    public void a_nested_field_is_compared_inside_its_object_and_array() =>
        Diff("""{"whistles":[{"assignments":[{"status":"Awaiting"}]}]}""", """{"whistles":[{"assignments":[{"status":"SignedFor"}]}]}""")
            .ShouldBe([("$.whistles[0].assignments[0].status", "\"Awaiting\"", "\"SignedFor\"")]);

    [Fact]
    public void an_element_added_to_a_list_is_a_change_from_nothing() =>
        Diff("""{"notes":[{"text":"a"}]}""", """{"notes":[{"text":"a"},{"text":"b"}]}""")
            .ShouldBe([("$.notes[1]", null, """{"text":"b"}""")]);

    [Fact]
    public void a_field_set_or_cleared_is_a_change_from_or_to_null() =>
        Diff("""{"acceptedAt":null,"outcome":"done"}""", """{"acceptedAt":"2026-11-27T01:30:00Z"}""")
            .ShouldBe([("$.acceptedAt", null, "\"2026-11-27T01:30:00Z\""), ("$.outcome", "\"done\"", null)]);

    [Fact]
    public void a_value_that_changes_shape_is_one_change_at_its_path() =>
        Diff("""{"nextDue":null}""", """{"nextDue":{"step":"Accept"}}""").ShouldBe([("$.nextDue", null, """{"step":"Accept"}""")]);
}
