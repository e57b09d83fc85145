using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.County.Directory;

/// <summary>Registers a department with its enforcement items (执法事项), contact person and supervision hotline.</summary>
[ExampleBody("""{"name": "县住房和城乡建设局", "nameEn": "Housing and Urban-Rural Development", "enforcementItems": ["物业服务企业监管与信用评价"], "contactPerson": "周科长", "contactPhone": "0371-6881 2201", "supervisionHotline": "0371-6881 2299"}""")]
public sealed record RecordDepartment(
    string? Name, string? NameEn, IReadOnlyList<string>? EnforcementItems,
    string? ContactPerson, string? ContactPhone, string? SupervisionHotline);

public static class RecordDepartmentEndpoint
{
    public const int MaxItems = 50;

    public static ProblemDetails Validate(string code, RecordDepartment command) =>
        new FieldErrors().CheckCode(code)
            .Text("name", command.Name, 50)
            .Text("nameEn", command.NameEn, 100)
            .When(command.EnforcementItems is null || command.EnforcementItems.Count is 0 or > MaxItems, "enforcementItems",
                $"列出 1 到 {MaxItems} 项执法事项。List 1 to {MaxItems} enforcement items.")
            .When(command.EnforcementItems?.Any(i => string.IsNullOrWhiteSpace(i) || i.Length > 200) == true, "enforcementItems",
                "每项不能为空，且不超过 200 字。Each item must be non-empty and at most 200 characters.")
            .Text("contactPerson", command.ContactPerson, 50)
            .Text("contactPhone", command.ContactPhone, 30)
            .Text("supervisionHotline", command.SupervisionHotline, 30)
            .ToProblem();

    public static Guid StreamId(string code) => Department.Kind.Id(code);

    [EndpointSummary("登记部门 Record a department")]
    [WolverinePut("/api/directory/departments/{code}", OperationId = nameof(RecordDepartment))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static (DirectoryRecorded, Events) Put(
        string code, RecordDepartment command, [WriteAggregate(Required = false, FromMethod = nameof(StreamId))] Department? department,
        ClaimsPrincipal user, DateTimeOffset now)
    {
        var info = new DepartmentInfo(command.Name!.Trim(), command.NameEn!.Trim(),
            command.EnforcementItems!.Select(i => i.Trim()).ToList(), command.ContactPerson!.Trim(),
            command.ContactPhone!.Trim(), command.SupervisionHotline!.Trim());
        return Department.Kind.Record(code, info, department, Actor.From(user), now);
    }
}
