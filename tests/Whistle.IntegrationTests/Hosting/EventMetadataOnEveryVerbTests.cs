using Alba;
using Shouldly;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Whistle.Hosting;
using Whistle.Kernel;

namespace Whistle.IntegrationTests.Hosting;

/// <summary>A PUT stamps its events as a POST does: user, role, county, correlation, causation and command id.</summary>
public sealed class EventMetadataOnEveryVerbTests(AppFixture app) : IntegrationContext(app)
{
    [Fact]
    public async Task the_events_of_a_put_carry_the_same_metadata_as_those_of_a_post()
    {
        var county = "meta-" + Guid.NewGuid().ToString("N")[..8];
        var hours = (int n) => new IntervalInput(n, IntervalUnit.Hours, IntervalBasis.Calendar);

        await Send(Tokens.Admin, x =>
        {
            x.Put.Json(new PublishDeadlinePolicy(
            [
                new(WhistleType.Emergency, hours(1), hours(4), 0.75),
                new(WhistleType.Routine, hours(2), hours(48), 0.75),
                new(WhistleType.Tough, hours(24), hours(240), 0.75),
            ], "元数据 Metadata"), JsonStyle.MinimalApi).ToUrl("/api/deadline-policy");
            x.WithRequestHeader(Idempotency.Header, "policy-" + county);
            x.WithRequestHeader(EventMetadata.CorrelationHeader, "county-office-7");
        }, 200, county);

        var published = (await EventsOf(DeadlinePolicy.StreamId, county)).ShouldHaveSingleItem();
        published.TenantId.ShouldBe(county);
        published.UserName.ShouldBe("admin");
        published.CorrelationId.ShouldBe("county-office-7");
        published.CausationId.ShouldBe("policy-" + county);
        published.Headers![EventMetadata.CommandIdHeader].ToString().ShouldBe("policy-" + county);
        published.Headers[EventMetadata.RoleHeader].ToString().ShouldBe(Roles.Admin);
        published.Headers[EventMetadata.CountyHeader].ToString().ShouldBe(county);
    }
}
