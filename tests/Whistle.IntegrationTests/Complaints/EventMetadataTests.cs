using Shouldly;
using Whistle.Complaints;
using Whistle.Hosting;
using Whistle.Kernel;

namespace Whistle.IntegrationTests.Complaints;

public sealed class EventMetadataTests(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task every_event_records_the_user_the_correlation_and_the_clients_command_id()
    {
        var lodged = await Lodge();

        await Send(Tokens.Community, x =>
        {
            x.Post.Json(new AddComplaintNote("居民已来电说明情况", NoteVisibility.Internal), Alba.JsonStyle.MinimalApi)
                .ToUrl($"/api/complaints/{lodged.Id}/notes");
            x.WithRequestHeader(Idempotency.Header, "cmd-" + lodged.Id);
            x.WithRequestHeader(EventMetadata.CorrelationHeader, "hotline-call-42");
        }, 200);

        var events = await EventsOf(lodged.Id);
        events[0].UserName.ShouldBe("clerk");
        events[0].TenantId.ShouldBe(AppFixture.County);
        events[0].CorrelationId.ShouldNotBeNullOrEmpty();
        var note = events[1];
        note.UserName.ShouldBe("community");
        note.CorrelationId.ShouldBe("hotline-call-42");
        note.CausationId.ShouldBe("cmd-" + lodged.Id);
        note.Headers![EventMetadata.CommandIdHeader].ToString().ShouldBe("cmd-" + lodged.Id);
        ((ComplaintNoteAdded)note.Data).By.ShouldBe(new Actor("community", "community 测试", Roles.Community));
    }
}
