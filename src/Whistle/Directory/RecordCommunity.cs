using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Hosting;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Directory;

/// <summary>Registers a community under a sub-district, or revises it (a move to another sub-district included).</summary>
public sealed record RecordCommunity(string? Name, string? SubDistrictCode);

public static class RecordCommunityEndpoint
{
    public static async Task<(Community?, SubDistrict?)> LoadAsync(
        string code, RecordCommunity command, IQuerySession session, CancellationToken ct) =>
        (await session.LoadAsync<Community>(DirectoryIds.Community(code), ct),
         command.SubDistrictCode is { Length: > 0 } parent ? await session.LoadAsync<SubDistrict>(DirectoryIds.SubDistrict(parent), ct) : null);

    public static ProblemDetails Validate(string code, RecordCommunity command, SubDistrict? subDistrict)
    {
        var errors = new FieldErrors().CheckCode(code).Text("name", command.Name, 50).Text("subDistrictCode", command.SubDistrictCode, 32);
        if (errors.Any) return errors.ToProblem();
        return subDistrict is null ? DirectoryRecording.UnknownCode("subDistrictCode", "街道", command.SubDistrictCode!) : Problems.None;
    }

    [WolverinePut("/api/directory/communities/{code}", OperationId = nameof(RecordCommunity))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static (DirectoryRecorded, IReadOnlyList<IMartenOp>) Put(
        string code, RecordCommunity command, Community? existing, ClaimsPrincipal user, DateTimeOffset now)
    {
        var id = DirectoryIds.Community(code);
        var by = Actor.From(user);
        return DirectoryRecording.Decide<Community, CommunityInfo>(
            code, id, new CommunityInfo(command.Name!.Trim(), command.SubDistrictCode!), existing?.Info, existing?.Version ?? 0,
            info => new CommunityRegistered(id, code, info, by, now),
            (info, changed) => new CommunityRevised(id, code, info, changed, by, now));
    }
}
