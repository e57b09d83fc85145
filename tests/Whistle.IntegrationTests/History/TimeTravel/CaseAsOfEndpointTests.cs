using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Shouldly;
using Whistle.Complaints;
using Whistle.Kernel;

namespace Whistle.IntegrationTests.History.TimeTravel;

/// <summary>A case as of a version or moment, the difference between two points, and the bad input each refuses.</summary>
public sealed class CaseAsOfEndpointTests(AppFixture app) : IntegrationContext(app)
{
    private static readonly object Empty = new { };

    private async Task<Guid> LodgedAcceptedAndNoted()
    {
        var id = await LodgeAndMove(("accept", Empty));
        await Post(Tokens.Clerk, $"/api/complaints/{id}/notes", new AddComplaintNote("已联系物业", NoteVisibility.Internal));
        return id;
    }

    private async Task<JsonNode> Json(Tokens.User user, string url, int status = 200)
    {
        var result = await Send(user, x => x.Get.Url(url), status);
        return JsonNode.Parse(await result.ReadAsTextAsync())!;
    }

    private async Task<ProblemDetails> Problem(Tokens.User user, string url, int status) =>
        (await (await Send(user, x => x.Get.Url(url), status)).ReadAsJsonAsync<ProblemDetails>())!;

    private async Task<ValidationProblemDetails> Invalid(string url) =>
        (await (await Send(Tokens.Clerk, x => x.Get.Url(url), 400)).ReadAsJsonAsync<ValidationProblemDetails>())!;

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task a_complaint_as_of_a_version_is_its_details_as_they_stood_then()
    {
        var id = await LodgedAcceptedAndNoted();
        var events = await EventsOf(id);

        var first = await Json(Tokens.Clerk, $"/api/history/cases/{id}?version=1");
        first["version"]!.GetValue<long>().ShouldBe(1);
        first["kind"]!.GetValue<string>().ShouldBe("Complaint");
        first["asOf"]!.GetValue<DateTimeOffset>().ShouldBe(EventMoment.Of(events[0]));
        first["case"]!["status"]!.GetValue<string>().ShouldBe("Lodged");
        first["case"]!["notes"]!.AsArray().ShouldBeEmpty();
        first["names"]!["compound"]!["code"]!.GetValue<string>().ShouldBe("CP010101");

        var third = await Json(Tokens.Clerk, $"/api/history/cases/{id}?version=3");
        third["case"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
        third["case"]!["notes"]!.AsArray().ShouldHaveSingleItem()!["text"]!.GetValue<string>().ShouldBe("已联系物业");
        JsonNode.DeepEquals(third["case"], await Json(Tokens.Clerk, $"/api/complaints/{id}")).ShouldBeTrue();
    }

    [Fact]
    public async Task a_complaint_as_of_the_moment_of_an_event_includes_that_event()
    {
        var id = await LodgedAcceptedAndNoted();
        var accepted = EventMoment.Of((await EventsOf(id))[1]);

        var view = await Json(Tokens.Clerk, $"/api/history/cases/{id}?asOf={Iso(accepted)}");

        view["version"]!.GetValue<long>().ShouldBeGreaterThanOrEqualTo(2);
        view["case"]!["status"]!.GetValue<string>().ShouldBe("Accepted");
    }

    [Fact]
    public async Task a_moment_before_the_case_was_lodged_is_404_saying_so()
    {
        var id = await LodgedAcceptedAndNoted();
        var lodged = EventMoment.Of((await EventsOf(id))[0]);

        var problem = await Problem(Tokens.Clerk, $"/api/history/cases/{id}?asOf={Iso(lodged.AddSeconds(-1))}", 404);

        problem.Detail.ShouldNotBeNull().ShouldContain("did not exist yet");
        problem.Detail.ShouldStartWith("案件");
    }

    [Fact]
    public async Task a_version_beyond_the_stream_is_400()
    {
        var id = await LodgedAcceptedAndNoted();

        (await Invalid($"/api/history/cases/{id}?version=4")).Errors["version"].ShouldHaveSingleItem().ShouldContain("there is no version 4");
    }

    [Theory]
    [InlineData("?asOf=2026-01-01T00:00:00Z&version=1", "version")]
    [InlineData("?asOf=not-a-time", "asOf")]
    [InlineData("?version=first", "version")]
    [InlineData("", "asOf")]
    public async Task a_point_that_is_missing_doubled_or_unreadable_is_400(string query, string field)
    {
        var id = await LodgedAcceptedAndNoted();

        (await Invalid($"/api/history/cases/{id}{query}")).Errors.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task an_unknown_case_and_a_case_outside_the_users_scope_are_404()
    {
        var id = await LodgedAcceptedAndNoted();

        await Problem(Tokens.Clerk, $"/api/history/cases/{Guid.NewGuid()}?version=1", 404);
        await Problem(Tokens.OtherCommunity, $"/api/history/cases/{id}?version=1", 404);
        await Problem(Tokens.OtherCommunity, $"/api/history/cases/{id}?version=99", 404);
        await Problem(Tokens.Community, $"/api/history/cases/{id}?version=1", 200);
    }

    [Fact]
    public async Task analysts_read_the_complainant_masked()
    {
        var id = await LodgedAcceptedAndNoted();

        var complainant = (await Json(Tokens.Analyst, $"/api/history/cases/{id}?version=2"))["case"]!["complainant"]!;

        complainant["name"]!.GetValue<string>().ShouldBe(Mask.Name("张三"));
        complainant["phone"]!.GetValue<string>().ShouldBe(Mask.Phone("13812345678"));
    }

    [Fact]
    public async Task the_difference_between_two_versions_names_the_changed_fields_and_the_events_between()
    {
        var id = await LodgedAcceptedAndNoted();

        var diff = await Json(Tokens.Clerk, $"/api/history/cases/{id}/diff?fromVersion=1&toVersion=3");

        diff["fromVersion"]!.GetValue<long>().ShouldBe(1);
        diff["toVersion"]!.GetValue<long>().ShouldBe(3);
        var changes = diff["changes"]!.AsArray().ToDictionary(c => c!["path"]!.GetValue<string>());
        changes["$.case.status"]!["before"]!.GetValue<string>().ShouldBe("Lodged");
        changes["$.case.status"]!["after"]!.GetValue<string>().ShouldBe("Accepted");
        changes["$.case.notes[0]"]!["before"].ShouldBeNull();
        changes["$.case.notes[0]"]!["after"]!["text"]!.GetValue<string>().ShouldBe("已联系物业");
        changes.Keys.ShouldNotContain("$.case.number");
        diff["events"]!.AsArray().Select(e => (e!["version"]!.GetValue<long>(), e["type"]!.GetValue<string>(), e["stream"]!.GetValue<Guid>()))
            .ShouldBe([(2L, "complaint_accepted", id), (3L, "complaint_note_added", id)]);
    }

    [Fact]
    public async Task the_difference_between_two_moments_reads_each_as_of_its_moment()
    {
        var id = await LodgedAcceptedAndNoted();
        var events = await EventsOf(id);

        var diff = await Json(Tokens.Clerk, $"/api/history/cases/{id}/diff?from={Iso(EventMoment.Of(events[0]))}&toVersion=3");

        diff["events"]!.AsArray().Select(e => e!["version"]!.GetValue<long>()).ShouldBe(
            Enumerable.Range((int)diff["fromVersion"]!.GetValue<long>() + 1, 3 - (int)diff["fromVersion"]!.GetValue<long>()).Select(v => (long)v));
    }

    [Fact]
    public async Task a_difference_from_a_later_point_to_an_earlier_one_is_400()
    {
        var id = await LodgedAcceptedAndNoted();

        (await Invalid($"/api/history/cases/{id}/diff?fromVersion=3&toVersion=1")).Errors.Keys.ShouldBe(["from"]);
        (await Invalid($"/api/history/cases/{id}/diff?fromVersion=1")).Errors.Keys.ShouldBe(["to"]);
    }

    private static long Microseconds(JsonNode time) => time.GetValue<DateTimeOffset>().UtcTicks / 10;

    [Fact]
    public async Task a_fee_dispute_as_of_its_first_version_is_its_details_as_raised()
    {
        var raised = await Post(Tokens.Clerk, "/api/fee-disputes", new Whistle.FeeDisputes.RaiseFeeDispute(
            Whistle.FeeDisputes.DisputeRaiser.Company, "PC45", "CP010101", "3号楼2单元501", new Whistle.FeeDisputes.OwnerInput("赵五", "13700001234"),
            new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 2400m), 201);
        var id = (await raised.ReadAsJsonAsync<Whistle.FeeDisputes.FeeDisputeRaisedResponse>())!.Id;

        var view = await Json(Tokens.Clerk, $"/api/history/cases/{id}?version=1");

        view["kind"]!.GetValue<string>().ShouldBe("FeeDispute");
        var live = (JsonObject)await Json(Tokens.Clerk, $"/api/fee-disputes/{id}");
        var asOf = (JsonObject)view["case"]!;
        // The dispute's updatedAt is the store's timestamp (not the event's own time): the inline projection saw it in
        // ticks, PostgreSQL keeps microseconds, and history reads what was stored. Equal to the microsecond.
        Microseconds(asOf["updatedAt"]!).ShouldBe(Microseconds(live["updatedAt"]!));
        asOf.Remove("updatedAt");
        live.Remove("updatedAt");
        JsonNode.DeepEquals(asOf, live).ShouldBeTrue($"as of version 1:\n{asOf}\nlive:\n{live}");
        await Problem(Tokens.Supervisor, $"/api/history/cases/{id}?version=1", 404);
    }

    [Fact]
    public async Task an_inbox_as_of_a_moment_needs_a_readable_moment_and_follows_the_live_inboxs_scope()
    {
        (await Invalid("/api/history/departments/chengguan/inbox?asOf=soon")).Errors.Keys.ShouldBe(["asOf"]);
        await Problem(Tokens.Clerk, "/api/history/departments/nowhere/inbox?asOf=2026-01-01T00:00:00Z", 404);
        await Problem(Tokens.Gongan, "/api/history/departments/chengguan/inbox?asOf=2026-01-01T00:00:00Z", 404);
        (await Json(Tokens.Chengguan, "/api/history/departments/chengguan/inbox?asOf=2000-01-01T00:00:00Z"))["items"]!.AsArray().ShouldBeEmpty();
    }
}
