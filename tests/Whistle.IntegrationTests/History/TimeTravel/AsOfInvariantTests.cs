using System.Text.Json.Nodes;
using Alba;
using Shouldly;
using Whistle.Complaints;
using Whistle.Whistles;

namespace Whistle.IntegrationTests.History.TimeTravel;

/// <summary>
/// A view as of a moment equals what the live view showed at that moment: the live complaint, its whistle and the
/// departments' inboxes are captured at several moments of a history driven by the clock, then asked for as of those
/// moments afterwards. The class moves the shared clock, and works in a county of its own so no other test's whistle
/// lands in its inboxes.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class AsOfInvariantTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };
    private static readonly string[] Departments = ["gongan", "chengguan"];

    private sealed record Capture(DateTimeOffset At, JsonNode Complaint, JsonNode? Whistle, IReadOnlyDictionary<string, JsonNode> Inboxes);

    private async Task<JsonNode> Json(Tokens.User user, string url, string county)
    {
        var result = await Send(user, x => x.Get.Url(url), 200, county);
        return JsonNode.Parse(await result.ReadAsTextAsync())!;
    }

    private async Task<Capture> CaptureLive(Guid complaint, Guid? whistle, string county)
    {
        var inboxes = new Dictionary<string, JsonNode>();
        foreach (var department in Departments)
            inboxes[department] = await Json(Tokens.Office, $"/api/departments/{department}/inbox", county);
        return new Capture(
            App.Clock.GetUtcNow(),
            await Json(Tokens.Clerk, $"/api/complaints/{complaint}", county),
            whistle is { } w ? await Json(Tokens.Office, $"/api/whistles/{w}", county) : null,
            inboxes);
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task the_case_its_whistle_and_the_inboxes_as_of_each_moment_are_what_the_live_views_showed_then()
    {
        var county = await App.NewCountyAsync();
        var captures = new List<Capture>();
        App.Clock.Advance(TimeSpan.FromMinutes(1));

        var lodged = await Lodge(Tokens.Clerk, NewComplaint("CP010101", "illegal-parking"), county);
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", Empty, county: county);
        captures.Add(await CaptureLive(lodged.Id, null, county));

        App.Clock.Advance(TimeSpan.FromHours(1));
        IScenarioResult blown = null!;
        var tracked = await Tracked(async () => blown = await Post(Tokens.Community,
            $"/api/complaints/{lodged.Id}/whistle", new BlowWhistle("请公安、城管到现场处置占用消防通道车辆"), 201, county), 30_000);
        var whistle = (await blown.ReadAsJsonAsync<WhistleBlownResponse>())!.WhistleId;
        captures.Add(await CaptureLive(lodged.Id, whistle, county));

        App.Clock.Advance(TimeSpan.FromHours(1));
        await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/sign-for", Empty, county: county);
        captures.Add(await CaptureLive(lodged.Id, whistle, county));

        App.Clock.Advance(TimeSpan.FromHours(24));
        var signFor = tracked.Scheduled.MessagesOf<WhistleDeadlineReached>().First(m => m.WhistleId == whistle && m.Department == "chengguan" && m.Kind == DeadlineKind.SignFor);
        await Tracked(bus => bus.InvokeForTenantAsync(county, signFor), 30_000);
        captures.Add(await CaptureLive(lodged.Id, whistle, county));

        App.Clock.Advance(TimeSpan.FromHours(1));
        await Post(Tokens.Gongan, $"/api/whistles/{whistle}/assignments/gongan/reply", new ReplyToAssignment("已清理消防通道"), county: county);
        await Post(Tokens.Chengguan, $"/api/whistles/{whistle}/assignments/chengguan/sign-for", Empty, county: county);
        captures.Add(await CaptureLive(lodged.Id, whistle, county));
        App.Clock.Advance(TimeSpan.FromHours(1));
        await Post(Tokens.Clerk, $"/api/complaints/{lodged.Id}/notes", new AddComplaintNote("之后的备注", NoteVisibility.Internal), county: county);

        // The moments differ: each capture saw something the one before did not.
        captures.Take(2).Select(c => c.Complaint["status"]!.GetValue<string>()).ShouldBe(["Accepted", "Accepted"]);
        captures.Take(2).Select(c => c.Complaint["version"]!.GetValue<long>()).ShouldBe([2L, 3L]);
        var whistleVersions = captures.Skip(1).Select(c => c.Whistle!["version"]!.GetValue<long>()).ToList();
        whistleVersions.ShouldBe(whistleVersions.Order().Distinct().ToList());
        whistleVersions.Count.ShouldBe(4);
        captures[0].Inboxes["chengguan"]["items"]!.AsArray().ShouldBeEmpty();
        captures[2].Inboxes["chengguan"]["items"]![0]!["overdue"]!.GetValue<bool>().ShouldBeFalse();
        captures[3].Inboxes["chengguan"]["items"]![0]!["overdue"]!.GetValue<bool>().ShouldBeTrue();

        foreach (var capture in captures)
        {
            var asOf = await Json(Tokens.Clerk, $"/api/history/cases/{lodged.Id}?asOf={Iso(capture.At)}", county);
            JsonNode.DeepEquals(asOf["case"], capture.Complaint).ShouldBeTrue($"complaint as of {capture.At:O}:\n{asOf["case"]}\nlive:\n{capture.Complaint}");
            var whistles = asOf["whistles"]!.AsArray();
            if (capture.Whistle is null) whistles.ShouldBeEmpty();
            else JsonNode.DeepEquals(whistles.ShouldHaveSingleItem(), capture.Whistle).ShouldBeTrue($"whistle as of {capture.At:O}:\n{whistles[0]}\nlive:\n{capture.Whistle}");
            foreach (var department in Departments)
            {
                var inbox = await Json(Tokens.Office, $"/api/history/departments/{department}/inbox?asOf={Iso(capture.At)}", county);
                JsonNode.DeepEquals(inbox, capture.Inboxes[department]).ShouldBeTrue($"{department} inbox as of {capture.At:O}:\n{inbox}\nlive:\n{capture.Inboxes[department]}");
            }
        }
    }

    [Fact]
    public async Task a_compound_renamed_later_shows_its_old_name_as_of_before_the_rename()
    {
        var county = await App.NewCountyAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var lodged = await Lodge(Tokens.Clerk, NewComplaint("CP010101"), county);
        var before = await Json(Tokens.Clerk, $"/api/history/cases/{lodged.Id}?version=1", county);
        var oldName = before["names"]!["compound"]!["name"]!.GetValue<string>();
        App.Clock.Advance(TimeSpan.FromMinutes(1));

        await Send(Tokens.Admin, x => x.Put.RawJson(
            """{"name":"东关新苑","communityCode":"CM0101","address":"东关路 1 号","households":320,"stage":"Delivered","ownersCommittee":{"formed":false}}""")
            .ToUrl("/api/directory/compounds/CP010101"), 200, county);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await Post(Tokens.Community, $"/api/complaints/{lodged.Id}/accept", Empty, county: county);

        oldName.ShouldNotBe("东关新苑");
        (await Json(Tokens.Clerk, $"/api/history/cases/{lodged.Id}?version=1", county))["names"]!["compound"]!["name"]!.GetValue<string>().ShouldBe(oldName);
        var after = await Json(Tokens.Clerk, $"/api/history/cases/{lodged.Id}?version=2", county);
        after["names"]!["compound"]!["name"]!.GetValue<string>().ShouldBe("东关新苑");
        after["names"]!["community"]!["code"]!.GetValue<string>().ShouldBe("CM0101");
    }
}
