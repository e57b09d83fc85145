using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.County.Directory;

/// <summary>Registers a sub-district under this code, or revises it.</summary>
[ExampleBody("""{"name": "城关街道"}""")]
public sealed record RecordSubDistrict(string? Name);

public static class RecordSubDistrictEndpoint
{
    public static ProblemDetails Validate(string code, RecordSubDistrict command) =>
        new FieldErrors().CheckCode(code).Text("name", command.Name, 50).ToProblem();

    public static Guid StreamId(string code) => SubDistrict.Kind.Id(code);

    [EndpointSummary("登记街道 Record a sub-district")]
    [WolverinePut("/api/directory/sub-districts/{code}", OperationId = nameof(RecordSubDistrict))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static (DirectoryRecorded, Events) Put(
        string code, RecordSubDistrict command, [WriteAggregate(Required = false, FromMethod = nameof(StreamId))] SubDistrict? subDistrict,
        ClaimsPrincipal user, DateTimeOffset now)
    {
        var info = new SubDistrictInfo(command.Name!.Trim());
        return SubDistrict.Kind.Record(code, info, subDistrict, Actor.From(user), now);
    }
}
