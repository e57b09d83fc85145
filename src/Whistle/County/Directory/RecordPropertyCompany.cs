using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.County.Directory;

/// <summary>Registers a property-service company, or revises it.</summary>
public sealed record RecordPropertyCompany(string? Name, string? CreditCode, string? ContactPerson, string? Phone);

public static class RecordPropertyCompanyEndpoint
{
    public static ProblemDetails Validate(string code, RecordPropertyCompany command) =>
        new FieldErrors().CheckCode(code)
            .Text("name", command.Name, 100)
            .Text("creditCode", command.CreditCode, 18)
            .When(command.CreditCode?.Trim() is { Length: > 0 and not 18 }, "creditCode",
                "统一社会信用代码为 18 位。The unified social credit code has 18 characters.")
            .Text("contactPerson", command.ContactPerson, 50)
            .Text("phone", command.Phone, 30)
            .ToProblem();

    [WolverinePut("/api/directory/property-companies/{code}", OperationId = nameof(RecordPropertyCompany))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static Task<DirectoryRecorded> Put(
        string code, RecordPropertyCompany command, ClaimsPrincipal user, DateTimeOffset now,
        IDocumentSession session, CancellationToken ct)
    {
        var id = DirectoryIds.PropertyCompany(code);
        var by = Actor.From(user);
        var info = new PropertyCompanyInfo(command.Name!.Trim(), command.CreditCode!.Trim().ToUpperInvariant(),
            command.ContactPerson!.Trim(), command.Phone!.Trim());
        return DirectoryRecording.RecordAsync<PropertyCompany>(session, id, (existing, version) => DirectoryRecording.Decide(
            code, info, existing?.Info, version,
            i => new PropertyCompanyRegistered(id, code, i, by, now),
            (i, changed) => new PropertyCompanyRevised(id, code, i, changed, by, now)), ct);
    }
}
