using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alba;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Whistle.Kernel;

namespace Whistle.IntegrationTests.Security;

/// <summary>
/// Walks the API as the OpenAPI document (<c>/openapi/v1.json</c>) lists it: every operation, its route parameters
/// filled with a resource of the right kind, called as any sample user; and the answer the one scope rule
/// (<see cref="Scope"/>) expects, with the roles read from the endpoint's own <c>[Authorize]</c> metadata. Shared by the
/// access matrix and the personal-data scanner.
/// </summary>
public sealed partial class EndpointWalker(IAlbaHost host, string county, DateOnly today)
{
    /// <summary>Every sample user of <see cref="Tokens"/>.</summary>
    public static readonly Tokens.User[] Users =
    [
        Tokens.Clerk, Tokens.Community, Tokens.OtherCommunity, Tokens.SubDistrict, Tokens.Chengguan, Tokens.Chengguan2,
        Tokens.Gongan, Tokens.Zhujian, Tokens.Mediator, Tokens.Mediator2, Tokens.Office, Tokens.Analyst, Tokens.Admin, Tokens.Supervisor,
    ];

    public sealed record Operation(string Method, string Path, IReadOnlyList<string> Roles, bool Anonymous)
    {
        public bool IsRead => Method == "GET";
        public override string ToString() => $"{Method} {Path}";
        public bool MayCall(Tokens.User user) => Anonymous || Roles.Count == 0 || Roles.Contains(user.Role);
    }

    /// <summary>A case the walker fills a route with: its kind, where it sits, and what names it in an answer.</summary>
    public sealed record Resource(CaseKind Kind, Guid Id, string Number, CaseArea Area);

    /// <summary>One side's resources: the cases of each kind, a department, a compound, a community, a mediator's docket.</summary>
    public sealed record Side(
        string Name, Resource Complaint, Resource Whistle, Resource FeeDispute, Resource Mediation,
        string Department, string Compound, string Community, string SubDistrict, string Mediator, string Company)
    {
        public IEnumerable<Resource> Cases => [Complaint, Whistle, FeeDispute, Mediation];
    }

    /// <summary>What a route was filled with, and so which part of the scope rule decides the answer.</summary>
    public abstract record Target;
    public sealed record CaseTarget(Resource Resource) : Target;
    public sealed record DepartmentTarget(string Department, bool Scorecard) : Target;
    public sealed record CompoundProfileTarget(CaseArea Area) : Target;
    public sealed record DocketTarget(string Mediator) : Target;
    /// <summary>Data every caller of the operation reads alike (the directory, the calendar, a company's credit file).</summary>
    public sealed record SharedData : Target;
    /// <summary>A resource the walker does not make (a joint meeting, a score appeal): an id nobody has.</summary>
    public sealed record Unknown(string Why) : Target;

    public sealed record Probe(Operation Operation, string Url, Target Target, string Side);

    public sealed record Answer(Probe Call, Tokens.User User, int Status, string Body);

    public async Task<List<Operation>> OperationsAsync()
    {
        var result = await host.Scenario(x => x.Get.Url("/openapi/v1.json"));
        var document = JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject();
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var operations = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, _) in item!.AsObject().Where(m => m.Key is "get" or "post" or "put" or "patch" or "delete"))
            {
                var verb = method.ToUpperInvariant();
                var endpoint = endpoints.Single(e => Normal(e.RoutePattern.RawText) == Normal(path)
                    && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(verb) == true);
                var roles = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                    .SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .Distinct().ToList();
                operations.Add(new Operation(verb, path, roles, endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null));
            }
        return operations;
    }

    private static string Normal(string? route) => RouteConstraint().Replace("/" + (route ?? "").TrimStart('/'), "}");

    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex RouteConstraint();

    /// <summary>
    /// The calls that walk an operation with one side's resources: one per kind of case a case-history route takes; an
    /// operation without a route parameter (or a docket query) is one call, the same for either side.
    /// </summary>
    public IEnumerable<Probe> Fill(Operation operation, Side side)
    {
        var path = operation.Path;
        var names = RouteParameter().Matches(path).Select(m => m.Groups[1].Value).ToList();
        if (path == "/api/mediation/docket")
        {
            yield return new Probe(operation, $"{path}?mediator={side.Mediator}", new DocketTarget(side.Mediator), side.Name);
            yield break;
        }
        var query = Query(path);
        if (names.Count == 0)
        {
            yield return new Probe(operation, path + query, new SharedData(), "-");
            yield break;
        }
        var cases = names.Contains("caseId") || (names.Contains("id") && path.StartsWith("/api/history/cases/", StringComparison.Ordinal))
            ? new Resource?[] { side.Complaint, side.FeeDispute, side.Mediation }
            : [null];
        foreach (var @case in cases)
        {
            Target target = new SharedData();
            var url = path;
            foreach (var name in names)
            {
                var (value, filled) = Value(path, name, side, @case);
                url = url.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
                if (target is SharedData) target = filled; // the first resource a route names decides (a whistle before its department)
            }
            yield return new Probe(operation, url + query, target, side.Name);
        }
    }

    private (string Value, Target Target) Value(string path, string name, Side side, Resource? @case) => name switch
    {
        "complaintId" => (side.Complaint.Id.ToString(), new CaseTarget(side.Complaint)),
        "whistleId" => (side.Whistle.Id.ToString(), new CaseTarget(side.Whistle)),
        "feeDisputeId" => (side.FeeDispute.Id.ToString(), new CaseTarget(side.FeeDispute)),
        "mediationCaseId" => (side.Mediation.Id.ToString(), new CaseTarget(side.Mediation)),
        "caseId" or "id" when @case is not null => (@case.Id.ToString(), new CaseTarget(@case)),
        "id" => (Guid.NewGuid().ToString(), new Unknown("the walker makes no dead letter")),
        "name" => ("no-such-projection", new Unknown("a projection's name: no rebuild of the shared host's projections is probed")),
        "notificationId" => (Guid.NewGuid().ToString(), new Unknown("a notification of the caller's own, not a resource of a side")),
        "number" when path.Contains("/instalments/", StringComparison.Ordinal) => ("1", new SharedData()),
        "number" => (side.Complaint.Number, new CaseTarget(side.Complaint)),
        // Integrity is read by the county-wide roles only; a stream is a case's stream.
        "streamId" => (side.Complaint.Id.ToString(), new CaseTarget(side.Complaint)),
        "department" => (side.Department, path.Contains("/assessment/", StringComparison.Ordinal)
            ? new DepartmentTarget(side.Department, Scorecard: true)
            : new DepartmentTarget(side.Department, Scorecard: false)),
        "code" when path.StartsWith("/api/assessment/compounds/", StringComparison.Ordinal) =>
            (side.Compound, new CompoundProfileTarget(new CaseArea(side.Community, side.SubDistrict))),
        "code" when path.Contains("/communities/", StringComparison.Ordinal) => (side.Community, new SharedData()),
        "code" when path.Contains("/sub-districts/", StringComparison.Ordinal) => (side.SubDistrict, new SharedData()),
        "code" when path.Contains("/departments/", StringComparison.Ordinal) => (side.Department, new SharedData()),
        "code" when path.Contains("companies", StringComparison.Ordinal) => (side.Company, new SharedData()),
        "code" => (side.Compound, new SharedData()),
        "kind" => ("compounds", new SharedData()),
        "county" => (county, new SharedData()),
        "month" => ($"{today:yyyy-MM}", new SharedData()),
        "year" => ($"{today:yyyy}", new SharedData()),
        "version" => ("1", new SharedData()),
        "file" => ("complaints.csv", new SharedData()),
        "userId" => (Tokens.Community.Id, new SharedData()),
        "jointMeetingId" => (Guid.NewGuid().ToString(), new Unknown("the walker convenes no joint meeting")),
        "appealId" => (Guid.NewGuid().ToString(), new Unknown("the walker lodges no score appeal")),
        _ => throw new InvalidOperationException($"The walker cannot fill {{{name}}} of {path}: say how in EndpointWalker.Value."),
    };

    /// <summary>The query parameters an operation requires, with values that pass its validation.</summary>
    private string Query(string path)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        var day = $"{first:yyyy-MM-dd}";
        return path switch
        {
            _ when path.StartsWith("/api/history/export/", StringComparison.Ordinal) => $"?from={day}&to={first.AddMonths(1):yyyy-MM-dd}",
            "/api/directory/compounds/lookup" => "?q=" + Uri.EscapeDataString("东关"),
            "/api/directory/departments/lookup" => "?q=" + Uri.EscapeDataString("城管"),
            "/api/directory/property-companies/lookup" => "?q=" + Uri.EscapeDataString("恒信"),
            "/api/deadline-policy/due-times" => "?whistleType=Routine",
            "/api/fee-disputes/summary" => "?groupBy=compound",
            "/api/history/cases/{caseId}" => "?version=1",
            "/api/history/cases/{caseId}/diff" => "?fromVersion=1&toVersion=1",
            "/api/assessment/departments/{month}/{department}/events" => "?figure=due",
            "/api/history/departments/{department}/inbox" => "?asOf=" + Uri.EscapeDataString($"{first:yyyy-MM-dd}T00:00:00+08:00"),
            _ when path.StartsWith("/api/history/", StringComparison.Ordinal) && !path.StartsWith("/api/history/cases/", StringComparison.Ordinal)
                && !path.StartsWith("/api/history/integrity/", StringComparison.Ordinal) && !path.StartsWith("/api/history/evidence/", StringComparison.Ordinal) => $"?asOf={today:yyyy-MM-dd}",
            _ => "",
        };
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteParameter();

    /// <summary>The scope a user's token gives, read back from the very token the walker sends.</summary>
    public Scope ScopeOf(Tokens.User user) =>
        Scope.Of(new ClaimsPrincipal(new ClaimsIdentity(new JsonWebTokenHandler().ReadJsonWebToken(Tokens.For(user, county)).Claims)));

    /// <summary>
    /// The answer the one scope rule expects: 403 when the role may not call the operation, 404 when it may but the
    /// resource is outside its scope (or nobody has it), 200 when it may and sees it.
    /// </summary>
    public int Expected(Probe call, Tokens.User user)
    {
        if (!call.Operation.MayCall(user)) return 403;
        var scope = ScopeOf(user);
        var sees = call.Target switch
        {
            CaseTarget c => scope.Sees(c.Resource.Kind, c.Resource.Area),
            DepartmentTarget { Scorecard: true } d => scope.SeesScorecardOf(d.Department),
            DepartmentTarget d => scope.SeesDepartment(d.Department),
            CompoundProfileTarget p => scope.Sees(CaseKind.Complaint, p.Area),
            DocketTarget d => scope.Role != Roles.Mediator || scope.UserId == d.Mediator,
            Unknown => false,
            _ => true,
        };
        return sees ? 200 : 404;
    }

    public async Task<Answer> SendAsync(Probe call, Tokens.User user, string? body = null)
    {
        var result = await host.Scenario(x =>
        {
            x.WithRequestHeader("Authorization", "Bearer " + Tokens.For(user, county));
            if (call.Operation.IsRead) x.Get.Url(call.Url);
            else
            {
                var send = call.Operation.Method switch
                {
                    "POST" => x.Post, "PUT" => x.Put, "PATCH" => x.Patch, _ => x.Delete,
                };
                send.RawJson(body ?? "{}").ToUrl(call.Url);
            }
            x.IgnoreStatusCode();
        });
        var status = result.Context.Response.StatusCode;
        return new Answer(call, user, status, status == 200 ? await result.ReadAsTextAsync() : "");
    }
}
