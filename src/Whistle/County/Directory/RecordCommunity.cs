using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.County.Directory;

/// <summary>Registers a community under a sub-district, or revises it (a move to another sub-district included).</summary>
[ExampleBody("""{"name": "东关社区", "subDistrictCode": "SD01"}""")]
public sealed record RecordCommunity(string? Name, string? SubDistrictCode);

/// <summary>What recording a community reads besides the community itself: the sub-district it names.</summary>
public sealed record CommunityRecording(SubDistrict? SubDistrict);

public static class RecordCommunityEndpoint
{
    public static async Task<CommunityRecording> LoadAsync(
        RecordCommunity command, IQuerySession session, CancellationToken ct) =>
        new(command.SubDistrictCode is { Length: > 0 } parent ? await session.LoadAsync<SubDistrict>(DirectoryIds.SubDistrict(parent), ct) : null);

    public static ProblemDetails Validate(string code, RecordCommunity command, CommunityRecording recording)
    {
        var subDistrict = recording.SubDistrict;
        var errors = new FieldErrors().CheckCode(code).Text("name", command.Name, 50).Text("subDistrictCode", command.SubDistrictCode, 32);
        if (errors.Any) return errors.ToProblem();
        return subDistrict is null ? DirectoryRecording.UnknownCode("subDistrictCode", "街道", command.SubDistrictCode!) : Problems.None;
    }

    public static Guid StreamId(string code) => Community.Kind.Id(code);

    [EndpointSummary("登记社区 Record a community")]
    [WolverinePut("/api/directory/communities/{code}", OperationId = nameof(RecordCommunity))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static (DirectoryRecorded, Events) Put(
        string code, RecordCommunity command, [WriteAggregate(Required = false, FromMethod = nameof(StreamId))] Community? community,
        ClaimsPrincipal user, DateTimeOffset now)
    {
        var info = new CommunityInfo(command.Name!.Trim(), command.SubDistrictCode!);
        return Community.Kind.Record(code, info, community, Actor.From(user), now);
    }
}
