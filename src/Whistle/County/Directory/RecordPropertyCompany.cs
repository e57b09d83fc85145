using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.County.Directory;

/// <summary>
/// Registers a property-service company, or revises it: the whole entry, so a revision without
/// <see cref="LegalRepresentative"/> (optional, 法定代表人) records that none is named.
/// </summary>
[ExampleBody("""{"name": "安澜县恒信物业服务有限公司", "creditCode": "91410523AXM5M29E21", "contactPerson": "马经理", "phone": "13947262444", "legalRepresentative": "王建国"}""")]
public sealed record RecordPropertyCompany(string? Name, string? CreditCode, string? ContactPerson, string? Phone, string? LegalRepresentative = null);

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
            .Text("legalRepresentative", command.LegalRepresentative, 50, required: false)
            .ToProblem();

    public static Guid StreamId(string code) => PropertyCompany.Kind.Id(code);

    [EndpointSummary("登记物业企业 Record a property company")]
    [WolverinePut("/api/directory/property-companies/{code}", OperationId = nameof(RecordPropertyCompany))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static (DirectoryRecorded, Events) Put(
        string code, RecordPropertyCompany command, [WriteAggregate(Required = false, FromMethod = nameof(StreamId))] PropertyCompany? company,
        ClaimsPrincipal user, DateTimeOffset now)
    {
        var info = new PropertyCompanyInfo(command.Name!.Trim(), command.CreditCode!.Trim().ToUpperInvariant(),
            command.ContactPerson!.Trim(), command.Phone!.Trim(),
            string.IsNullOrWhiteSpace(command.LegalRepresentative) ? null : command.LegalRepresentative.Trim());
        return PropertyCompany.Kind.Record(code, info, company, Actor.From(user), now);
    }
}
