using System.Globalization;
using System.Text;
using System.Text.Json;
using Shouldly;
using Whistle.Complaints;
using Whistle.History.Export;
using Whistle.Kernel;

namespace Whistle.IntegrationTests.History.Export;

/// <summary>
/// The CSV exports over a known history: a county of its own, one complaint lodged two days before the range (outside it)
/// and one lodged, accepted and noted inside it. The tests move the shared clock, so they run in its collection.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class ExportEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private const string Note = "含逗号, \"引号\"\n和换行";

    [Fact]
    public async Task the_events_of_the_range_are_exported_in_sequence_order_with_their_cells_and_nothing_outside_it()
    {
        var (county, outside, inside, day) = await KnownHistory();

        var bytes = await Csv(Tokens.Admin, $"/api/history/export/events.csv?from={day:yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}", county);

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var rows = Rows(bytes);
        rows[0].ShouldBe(EventCsv.Header);
        var events = rows.Skip(1).ToList();
        events.Count.ShouldBe(3);
        events.ShouldAllBe(r => r[1] == inside.Id.ToString());
        events.Select(r => r[3]).ShouldBe(["1", "2", "3"]);
        events.Select(r => r[4]).ShouldBe(["complaint_lodged", "complaint_accepted", "complaint_note_added"]);
        events.Select(r => long.Parse(r[0], CultureInfo.InvariantCulture)).ShouldBeInOrder();
        var stored = await EventsOf(inside.Id, county);
        events[0][0].ShouldBe(stored[0].Sequence.ToString(CultureInfo.InvariantCulture));
        var lodgedAt = ((ComplaintLodged)stored[0].Data).At;
        // The event's time to the millisecond, in UTC and in China time. The store keeps microseconds, so a time a few
        // hundred nanoseconds before a millisecond's end may come back as the next one: compared within the millisecond.
        events[0][5].ShouldEndWith("Z");
        events[0][6].ShouldEndWith("+08:00");
        foreach (var cell in new[] { events[0][5], events[0][6] })
            (DateTimeOffset.Parse(cell, CultureInfo.InvariantCulture) - lodgedAt).Duration().ShouldBeLessThanOrEqualTo(TimeSpan.FromMilliseconds(1));
        // Sealed under the complainant's own key, which an export never opens.
        Data(events[0]).GetProperty("complainant").GetProperty("name").GetString().ShouldBe("***");
        // The note's comma, quotes and newline travel through the CSV and back intact.
        Data(events[2]).GetProperty("text").GetString().ShouldBe(Note);
        rows.ShouldNotContain(r => r.Contains(outside.Id.ToString()));
    }

    [Fact]
    public async Task every_exporter_gets_the_events_with_personal_data_masked()
    {
        var (county, _, inside, day) = await KnownHistory();

        foreach (var exporter in new[] { Tokens.Analyst, Tokens.Office, Tokens.Admin })
            await MaskedFor(exporter, county, inside.Id, day);
    }

    private async Task MaskedFor(Tokens.User exporter, string county, Guid inside, DateOnly day)
    {
        var bytes = await Csv(exporter, $"/api/history/export/events.csv?from={day:yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}", county);

        var lodged = Rows(bytes).Single(r => r[4] == "complaint_lodged");
        lodged[1].ShouldBe(inside.ToString());
        var complainant = Data(lodged).GetProperty("complainant");
        complainant.GetProperty("name").GetString().ShouldBe("***");
        complainant.GetProperty("phone").GetString().ShouldBe("***");
        complainant.GetProperty("address").GetString().ShouldBe("***");
        Encoding.UTF8.GetString(bytes).ShouldNotContain("13812345678");
        Encoding.UTF8.GetString(bytes).ShouldNotContain("东关花园3号楼2单元");
    }

    [Fact]
    public async Task the_complaints_export_holds_the_complaints_lodged_in_the_range_and_the_whistles_export_none()
    {
        var (county, _, inside, day) = await KnownHistory();
        var range = $"from={day:yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}";

        var complaints = Rows(await Csv(Tokens.Office, $"/api/history/export/complaints.csv?{range}", county));
        var whistles = Rows(await Csv(Tokens.Office, $"/api/history/export/whistles.csv?{range}", county));
        var scorecards = Rows(await Csv(Tokens.Office, $"/api/history/export/department-scorecards.csv?{range}", county));

        complaints[0].ShouldBe(ReadModelExport.ComplaintHeader);
        complaints.Count.ShouldBe(2);
        complaints[1][0].ShouldBe(inside.Number);
        complaints[1][1].ShouldBe(ComplaintStatus.Accepted.Label());
        complaints[1][5].ShouldBe("CP010101");
        complaints[1][12].ShouldBe("否 no");
        whistles.ShouldBe([ReadModelExport.WhistleHeader]);
        scorecards.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("from=2025-01-01&to=2026-01-03", "to")]
    [InlineData("from=2026-11-02&to=2026-11-01", "to")]
    [InlineData("from=2026-11-31&to=2026-12-01", "from")]
    [InlineData("to=2026-12-01", "from")]
    public async Task a_range_too_long_reversed_or_unparseable_is_a_400_naming_the_field(string query, string field)
    {
        foreach (var url in new[] { "/api/history/export/events.csv?", "/api/history/export/complaints.csv?" })
        {
            var result = await Send(Tokens.Admin, x => x.Get.Url(url + query), 400);
            var problem = await result.ReadAsJsonAsync<JsonElement>();
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe([field]);
        }
    }

    [Fact]
    public async Task an_unknown_read_model_is_a_404_naming_the_exports()
    {
        var result = await Send(Tokens.Admin, x => x.Get.Url("/api/history/export/fee-disputes.csv?from=2026-11-01&to=2026-12-01"), 404);

        (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("complaints.csv");
    }

    [Fact]
    public async Task a_role_without_access_is_refused()
    {
        await Send(Tokens.Clerk, x => x.Get.Url("/api/history/export/events.csv?from=2026-11-01&to=2026-12-01"), 403);
        await Send(Tokens.Chengguan, x => x.Get.Url("/api/history/export/whistles.csv?from=2026-11-01&to=2026-12-01"), 403);
        await Send(null, x => x.Get.Url("/api/history/export/events.csv?from=2026-11-01&to=2026-12-01"), 401);
    }

    /// <summary>A county of its own; a complaint two days before the returned day, one lodged, accepted and noted on it.</summary>
    private async Task<(string County, LodgedComplaint Outside, LodgedComplaint Inside, DateOnly Day)> KnownHistory()
    {
        var county = await App.NewCountyAsync();
        var outside = await Lodge(county: county);
        App.Clock.Advance(TimeSpan.FromDays(2));
        var inside = await Lodge(county: county);
        var day = DateOnly.FromDateTime(CountyTime.Local(App.Clock.GetUtcNow()).DateTime);
        await Post(Tokens.Clerk, $"/api/complaints/{inside.Id}/accept", new AcceptComplaint(), county: county);
        await Post(Tokens.Clerk, $"/api/complaints/{inside.Id}/notes", new AddComplaintNote(Note, NoteVisibility.Internal), county: county);
        return (county, outside, inside, day);
    }

    private async Task<byte[]> Csv(Tokens.User user, string url, string county)
    {
        var result = await Send(user, x => x.Get.Url(url), 200, county);
        result.Context.Response.ContentType.ShouldBe("text/csv; charset=utf-8");
        var body = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(body);
        return body.ToArray();
    }

    private static JsonElement Data(IReadOnlyList<string> row) => JsonDocument.Parse(row[^1]).RootElement;

    /// <summary>RFC 4180 as the export writes it: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> Rows(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString()); field.Clear();
                rows.Add(row); row = [];
                i++;
            }
            else field.Append(c);
        }
        return rows;
    }
}
