using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Directory;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Assessment.Credit;

/// <summary>A company in the list of credit files.</summary>
public sealed record CreditFileSummary(
    string Code, string Name, string? LegalRepresentative, int Score, CreditGrade Grade, int Additions, int Deductions, int Entries);

internal static class CreditFormat
{
    public static ProblemDetails Check(string? format) =>
        format is null or "json" or "csv"
            ? Problems.None
            : Problems.BadRequest("format 只能是 json 或 csv。", "format is json or csv.");
}

public static class CreditFilesEndpoint
{
    /// <summary>The format, and the company filter: a code the county's directory does not have is 400 naming <c>company</c>.</summary>
    public static async Task<ProblemDetails> ValidateAsync(string? format, string? company, IQuerySession session, CancellationToken ct) =>
        CreditFormat.Check(format) is var problem && problem != Problems.None ? problem
            : company is not null && !await session.Query<PropertyCompany>().AnyAsync(c => c.Code == company, ct)
                ? new FieldErrors().Add("company", $"没有编码为 {company} 的物业服务企业。No property-service company {company}.").ToProblem()
                : Problems.None;

    /// <summary>Every company's credit file, best score first (then by code), or the one <c>?company=</c> names; <c>?format=csv</c> for Excel.</summary>
    [EndpointSummary("物业企业信用档案列表 The companies' credit files")]
    [WolverineGet("/api/assessment/companies", OperationId = "ListCreditFiles")]
    [Authorize(Roles = Scope.CreditFileReaders)]
    public static async Task<IResult> Get(string? format, string? company, IQuerySession session, CancellationToken ct)
    {
        var list = await CreditFiles.SummariesAsync(session, company, ct);
        return format == "csv"
            ? Results.File(Csv.Write(
                ["企业编码 Code", "企业名称 Name", "法定代表人 Legal representative", "信用分 Score", "等级 Grade", "加分 Additions", "扣分 Deductions", "记录 Entries"],
                list.Select(s => (IReadOnlyList<object?>)[s.Code, s.Name, s.LegalRepresentative, s.Score, s.Grade, s.Additions, s.Deductions, s.Entries])),
                Csv.ContentType, "credit-files.csv")
            : Results.Ok(list);
    }
}

public static class CreditFileEndpoint
{
    public static Task<CompanyCreditFile?> LoadAsync(string code, IQuerySession session, CancellationToken ct) =>
        CreditFiles.LoadAsync(session, code, ct);

    public static ProblemDetails Validate(string code, string? format, CompanyCreditFile? file) =>
        file is null
            ? Problems.NotFound($"没有编码为 {code} 的物业服务企业信用档案。", $"No credit file for a company coded {code}.")
            : CreditFormat.Check(format);

    /// <summary>
    /// One company's credit file with every entry and the event behind it; <c>?format=csv</c> lists the entries. A case of
    /// a kind the reader does not see is not named (<see cref="CompanyCreditFile.SeenBy"/>); its points count all the same.
    /// </summary>
    [EndpointSummary("物业企业信用档案 A company's credit file")]
    [WolverineGet("/api/assessment/companies/{code}", OperationId = "GetCreditFile")]
    [Authorize(Roles = Scope.CreditFileReaders)]
    public static IResult Get(string? format, CompanyCreditFile loaded, ClaimsPrincipal user) =>
        loaded.SeenBy(Scope.Of(user)) is var file && format == "csv"
            ? Results.File(Csv.Write(
                ["规则 Rule", "分值 Points", "说明 Reason", "案件 Case", "事件流 Stream", "版本 Version", "序号 Sequence", "事件 Event", "时间 At"],
                file.Entries.Select(e => (IReadOnlyList<object?>)[e.Rule, e.Points, e.Reason, e.CaseNumber,
                    e.CaseHidden ? null : e.StreamId, e.CaseHidden ? null : e.Version, e.Sequence, e.EventType, e.At])),
                Csv.ContentType, $"credit-file-{file.Id}.csv")
            : Results.Ok(file);
}
