using Shouldly;
using Whistle.Assessment;
using Whistle.History.Export;
using Xunit;

namespace Whistle.UnitTests.History.Export;

public class EventCsvTests
{
    private static readonly Guid Stream = Guid.Parse("0b5e8c1a-2f44-4d1e-9a37-6c0de1f2a3b4");

    private static ExportedEvent Event(string data, DateTimeOffset? at = null) => new(
        42, Stream, "complaint", 3, "complaint_note_added", at ?? DateTimeOffset.Parse("2026-11-03T16:30:00Z", System.Globalization.CultureInfo.InvariantCulture),
        "clerk", "corr-1", "cause-1", data);

    [Fact]
    public void a_row_holds_the_events_place_its_moment_in_utc_and_in_china_time_and_its_metadata()
    {
        var line = Csv.Line(EventCsv.Row(Event("""{"text":"ok"}"""), masked: false));

        line.ShouldBe(
            "42,0b5e8c1a-2f44-4d1e-9a37-6c0de1f2a3b4,complaint,3,complaint_note_added,2026-11-03T16:30:00.000Z,2026-11-04T00:30:00.000+08:00,"
            + "clerk,corr-1,cause-1,\"{\"\"text\"\":\"\"ok\"\"}\"\r\n");
        EventCsv.Header.Count.ShouldBe(EventCsv.Row(Event("{}"), masked: false).Count);
    }

    [Fact]
    public void commas_quotes_and_newlines_in_the_data_are_quoted_and_the_quotes_doubled()
    {
        var cells = Csv.Line(EventCsv.Row(Event("{\"text\":\"a, \\\"b\\\"\nc\"}"), masked: false));

        cells.ShouldEndWith(",\"{\"\"text\"\":\"\"a, \\\"\"b\\\"\"\nc\"\"}\"\r\n");
    }

    [Fact]
    public void a_missing_user_correlation_or_causation_is_an_empty_cell()
    {
        var row = EventCsv.Row(Event("{}") with { User = null, CorrelationId = null, CausationId = null, StreamType = null }, masked: false);

        Csv.Line(row).ShouldBe(
            "42,0b5e8c1a-2f44-4d1e-9a37-6c0de1f2a3b4,,3,complaint_note_added,2026-11-03T16:30:00.000Z,2026-11-04T00:30:00.000+08:00,,,,{}\r\n");
    }

    [Fact]
    public void for_a_reader_without_personal_data_the_data_is_masked()
    {
        var row = EventCsv.Row(Event("""{"complainant":{"name":"张三","phone":"13812345678","address":"东关花园3号楼"}}"""), masked: true);

        row[^1].ShouldBe("""{"complainant":{"name":"张*","phone":"138****5678","address":"***"}}""");
    }
}
