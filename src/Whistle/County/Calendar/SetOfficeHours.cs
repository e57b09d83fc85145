using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Directory;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.County.Calendar;

/// <summary>The county's office hours, local time (+08:00); working-time due times consume only these hours.</summary>
[ExampleBody("""{"opens": "08:30:00", "closes": "17:30:00"}""")]
public sealed record SetOfficeHours(TimeOnly? Opens, TimeOnly? Closes);

public sealed record OfficeHoursVersion(int Version, TimeOnly Opens, TimeOnly Closes);

public static class SetOfficeHoursEndpoint
{
    public static ProblemDetails Validate(SetOfficeHours command) =>
        new FieldErrors()
            .When(command.Opens is null, "opens", "必填，如 08:30。Required, e.g. 08:30.")
            .When(command.Closes is null, "closes", "必填，如 17:30。Required, e.g. 17:30.")
            .When(command is { Opens: { } opens, Closes: { } closes } && opens >= closes, "closes",
                "下班时间须晚于上班时间。The office must close after it opens.")
            .ToProblem();

    public static Guid StreamId() => CountyCalendar.StreamId;

    [EndpointSummary("设定办公时间 Set office hours")]
    [WolverinePut("/api/calendar/office-hours", OperationId = nameof(SetOfficeHours))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static (OfficeHoursVersion, Events) Put(
        SetOfficeHours command, [WriteAggregate(Required = false, FromMethod = nameof(StreamId))] CountyCalendar? calendar,
        ClaimsPrincipal user, DateTimeOffset now)
    {
        var set = Decide(command, calendar?.Version ?? 0, Actor.From(user), now);
        return (new OfficeHoursVersion(set.Version, set.Opens, set.Closes), [set]);
    }

    /// <summary>The decision: the hours as the calendar's next version.</summary>
    public static OfficeHoursSet Decide(SetOfficeHours command, int currentVersion, Actor by, DateTimeOffset now) =>
        new(CountyCalendar.StreamId, currentVersion + 1, command.Opens!.Value, command.Closes!.Value, by, now);
}
