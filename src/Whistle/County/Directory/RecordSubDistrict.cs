using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Directory;

/// <summary>Registers a sub-district under this code, or revises it.</summary>
public sealed record RecordSubDistrict(string? Name);

public static class RecordSubDistrictEndpoint
{
    public static ProblemDetails Validate(string code, RecordSubDistrict command) =>
        new FieldErrors().CheckCode(code).Text("name", command.Name, 50).ToProblem();

    [WolverinePut("/api/directory/sub-districts/{code}", OperationId = nameof(RecordSubDistrict))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static Task<DirectoryRecorded> Put(
        string code, RecordSubDistrict command, ClaimsPrincipal user, DateTimeOffset now,
        IDocumentSession session, CancellationToken ct)
    {
        var id = DirectoryIds.SubDistrict(code);
        var by = Actor.From(user);
        return DirectoryRecording.RecordAsync<SubDistrict>(session, id, (existing, version) => DirectoryRecording.Decide(
            code, new SubDistrictInfo(command.Name!.Trim()), existing?.Info, version,
            info => new SubDistrictRegistered(id, code, info, by, now),
            (info, changed) => new SubDistrictRevised(id, code, info, changed, by, now)), ct);
    }
}
