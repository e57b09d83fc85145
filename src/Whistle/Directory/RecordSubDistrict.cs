using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Hosting;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Directory;

/// <summary>Registers a sub-district under this code, or revises it.</summary>
public sealed record RecordSubDistrict(string? Name);

public static class RecordSubDistrictEndpoint
{
    public static Task<SubDistrict?> LoadAsync(string code, IQuerySession session, CancellationToken ct) =>
        session.LoadAsync<SubDistrict>(DirectoryIds.SubDistrict(code), ct);

    public static ProblemDetails Validate(string code, RecordSubDistrict command) =>
        new FieldErrors().CheckCode(code).Text("name", command.Name, 50).ToProblem();

    [WolverinePut("/api/directory/sub-districts/{code}", OperationId = nameof(RecordSubDistrict))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static (DirectoryRecorded, IReadOnlyList<IMartenOp>) Put(
        string code, RecordSubDistrict command, SubDistrict? existing, ClaimsPrincipal user, DateTimeOffset now)
    {
        var id = DirectoryIds.SubDistrict(code);
        var by = Actor.From(user);
        return DirectoryRecording.Decide<SubDistrict, SubDistrictInfo>(
            code, id, new SubDistrictInfo(command.Name!.Trim()), existing?.Info, existing?.Version ?? 0,
            info => new SubDistrictRegistered(id, code, info, by, now),
            (info, changed) => new SubDistrictRevised(id, code, info, changed, by, now));
    }
}
