using System.Security.Claims;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Assessment.Credit;
using Whistle.Complaints;
using Whistle.County.Directory;
using Whistle.Kernel;
using Whistle.Mediation;
using Wolverine.Http;

namespace Whistle.History.Dashboards;

/// <summary>
/// The property-service companies' credit files from events alone, the way the live ones are made: each case event
/// reaches the case it names, as <see cref="CompanyCreditCaseProjection"/> routes it, and is folded by the projection's
/// own rules (<see cref="CompanyCreditCase.Next"/>); the directory's events give each company's entry as then recorded;
/// each file is composed from its cases and that entry (<see cref="CreditLedger.Compose"/>). Pure.
/// </summary>
public static class CreditReplay
{
    public static IReadOnlyList<Type> EventTypes { get; } =
    [
        typeof(PropertyCompanyRegistered), typeof(PropertyCompanyRevised), typeof(ComplaintLodged), typeof(ComplaintResolved),
        typeof(ComplaintFollowUpRecorded), typeof(MediationCaseOpened), typeof(AgreementSigned), typeof(PerformanceFollowedUp),
    ];

    /// <summary>The company an event concerns: the directory entry's code, or the company a case event names; null for none.</summary>
    public static string? CompanyOf(object data) => data switch
    {
        PropertyCompanyRegistered e => e.Code,
        PropertyCompanyRevised e => e.Code,
        _ => CompanyCreditCase.CompanyOf(data),
    };

    /// <summary>
    /// Every company's file after the events (in global-sequence order), keyed by company code: each company the directory
    /// recorded, and each company a case was opened naming.
    /// </summary>
    public static IReadOnlyDictionary<string, CompanyCreditFile> Replay(IEnumerable<IEvent> events)
    {
        var (cases, companies) = CreditLedger.Fold(events);
        var byCompany = cases.Values.ToLookup(c => c.Company, StringComparer.Ordinal);
        return companies.Keys.Union(byCompany.Select(g => g.Key), StringComparer.Ordinal)
            .ToDictionary(code => code, code => CreditLedger.Compose(code, companies.GetValueOrDefault(code), byCompany[code]), StringComparer.Ordinal);
    }
}

public static class CreditFilesAsOfEndpoint
{
    public static ProblemDetails Validate(string? asOf) => AsOfDay.Check(new FieldErrors(), asOf).ToProblem();

    /// <summary>
    /// Every company's credit file as it stood at the end of a county day, best score first (then by code): the
    /// directory, complaint and mediation events up to then folded by the credit file's own rules, with the names then
    /// recorded. The live files are neither read nor touched. A case of a kind the reader does not see is not named
    /// (<see cref="CompanyCreditFile.SeenBy"/>). The legal representatives are named as the live files name them: public registration data, not a resident's.
    /// </summary>
    /// <param name="asOf">the day, yyyy-MM-dd in China time: the view stands at its last instant.</param>
    /// <param name="user">the reader: names the cases of the kinds it sees.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("某一时点的信用档案列表 The credit files as of a moment")]
    [WolverineGet("/api/history/companies", OperationId = "ListCreditFilesAsOf")]
    [Authorize(Roles = Scope.CreditFileReaders)]
    public static async Task<IReadOnlyList<CompanyCreditFile>> Get(string asOf, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var files = CreditReplay.Replay(await PastEvents.ReadAsync(session, CreditReplay.EventTypes, AsOfDay.EndOf(AsOfDay.Parse(asOf)), ct));
        var scope = Scope.Of(user);
        return [.. files.Values.OrderByDescending(f => f.Score).ThenBy(f => f.Id, StringComparer.Ordinal).Select(f => f.SeenBy(scope))];
    }
}

public static class CreditFileAsOfEndpoint
{
    public static ProblemDetails Validate(string? asOf) => AsOfDay.Check(new FieldErrors(), asOf).ToProblem();

    /// <summary>
    /// One company's credit file as it stood at the end of a county day, every entry naming its event (but a case of a kind
    /// the reader does not see: <see cref="CompanyCreditFile.SeenBy"/>). A company with no
    /// event up to then has no file then: 404.
    /// </summary>
    /// <param name="code">the company's code in the county directory.</param>
    /// <param name="asOf">the day, yyyy-MM-dd in China time: the view stands at its last instant.</param>
    /// <param name="user">the reader: names the cases of the kinds it sees.</param>
    /// <param name="session">the read side.</param>
    /// <param name="ct">cancellation.</param>
    [EndpointSummary("某一时点的信用档案 A credit file as of a moment")]
    [WolverineGet("/api/history/companies/{code}", OperationId = "GetCreditFileAsOf")]
    [Authorize(Roles = Scope.CreditFileReaders)]
    [ProducesResponseType<CompanyCreditFile>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(string code, string asOf, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var files = CreditReplay.Replay(await PastEvents.ReadAsync(session, CreditReplay.EventTypes, AsOfDay.EndOf(AsOfDay.Parse(asOf)), ct));
        return files.TryGetValue(code, out var file)
            ? Results.Json(file.SeenBy(Scope.Of(user)))
            : Results.Problem(Problems.NotFound($"{asOf} 日终时没有编码为 {code} 的物业服务企业信用档案。", $"No credit file for a company coded {code} at the end of {asOf}."));
    }
}
