using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Hosting.OpenApi;

/// <summary>
/// What every operation of the reference carries, derived from the endpoint's own metadata so it cannot drift: its
/// capability tag, its summary and description (from <c>[EndpointSummary]</c>/<c>[EndpointDescription]</c> or the
/// endpoint's XML comment) with the roles its <c>[Authorize]</c> names, every answer a caller can get, query parameters
/// typed as the handler reads them, and the command's example body.
/// </summary>
public sealed class Operations : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    /// <summary>How the line naming the roles begins; every description ends with it.</summary>
    public const string WhoMayCall = "**可调用 Who may call:** ";

    /// <summary>The roles as people know them; the role claim's value follows in parentheses.</summary>
    private static readonly Dictionary<string, string> RoleNames = new()
    {
        [Roles.Clerk] = "受理员 Clerk",
        [Roles.Community] = "社区工作者 Community worker",
        [Roles.SubDistrict] = "街道 Sub-district officer",
        [Roles.Department] = "部门 Department officer",
        [Roles.Office] = "联席办 Joint-meeting office",
        [Roles.Mediator] = "调解员 Mediator",
        [Roles.Analyst] = "分析员 Analyst",
        [Roles.Admin] = "管理员 Administrator",
        [Roles.Supervisor] = "县级督办 County supervisor",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var chain = metadata.OfType<HttpChain>().FirstOrDefault();
        if (chain is null) return Task.CompletedTask;

        var capability = Capabilities.Of(chain.Method.HandlerType);
        operation.Tags = new HashSet<OpenApiTagReference> { new(capability?.Tag ?? "未归类 Unclassified " + chain.Method.HandlerType.FullName) };

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var roles = metadata.OfType<IAuthorizeData>()
            .SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct().ToList();
        Describe(operation, metadata, chain, anonymous, roles);

        var method = context.Description.HttpMethod ?? "GET";
        var isCommand = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        var hasRouteId = context.Description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path);
        Respond(operation, isCommand, hasRouteId, anonymous, roles.Count > 0);
        QueryParameters.Type(operation);
        if (BodyIsLoaded(context, chain)) operation.RequestBody = null;
        Example(operation, context);
        return Task.CompletedTask;
    }

    private static void Describe(OpenApiOperation operation, IList<object> metadata, HttpChain chain, bool anonymous, List<string> roles)
    {
        var generated = new[] { chain.DisplayName, chain.OperationId, chain.Method.Method.Name };
        bool Readable(string? text) => !string.IsNullOrWhiteSpace(text) && !generated.Contains(text) && !text.Contains("_api_", StringComparison.Ordinal);

        var summary = metadata.OfType<EndpointSummaryAttribute>().LastOrDefault()?.Summary;
        var comment = new[] { operation.Summary, operation.Description }.FirstOrDefault(t => Readable(t) && t != summary);
        var description = metadata.OfType<EndpointDescriptionAttribute>().LastOrDefault()?.Description ?? comment;

        var who = anonymous
            ? "公开，无需令牌。Public: no token needed."
            : roles.Count == 0
                ? "任何已登录用户。Any signed-in user."
                : string.Join("、", roles.Select(r => RoleNames.TryGetValue(r, out var name) ? $"{name} (`{r}`)" : $"`{r}`")) + "。";
        operation.Summary = summary ?? comment?.Split('\n')[0];
        operation.Description = (Readable(description) ? description!.Trim() + "\n\n" : "") + WhoMayCall + who;
    }

    private static void Respond(OpenApiOperation operation, bool isCommand, bool hasRouteId, bool anonymous, bool hasRoles)
    {
        operation.Responses ??= [];
        if (!operation.Responses.Keys.Any(k => k.StartsWith('2'))) operation.Responses["200"] = new OpenApiResponse { Description = "成功。OK." };
        Problem(operation, "400", isCommand
            ? "请求有误：字段错误按字段列出（errors），或当前状态不允许此操作。Bad request: field errors listed by field (errors), or the case's state does not allow this."
            : "查询参数有误，错误按参数列出。A malformed query parameter, listed by name.");
        if (!anonymous) Problem(operation, "401", "缺少令牌或令牌无效、已过期。No token, or an invalid or expired one.");
        if (hasRoles) Problem(operation, "403", "您的角色或辖区不允许此操作。Your role or area does not allow this.");
        if (hasRouteId || operation.Responses.ContainsKey("404"))
            Problem(operation, "404", "没有此记录，或它不在您的辖区内。No such record, or it is outside your scope.");
        if (isCommand)
        {
            Problem(operation, "409", "并发冲突：记录已被他人修改（expectedVersion 不符），请重新读取后再试。A concurrent change: the record moved on (expectedVersion), read it again and retry.");
            Problem(operation, "413", "请求体过大。The request body is over the limit.");
        }
        if (operation.Responses.ContainsKey("422"))
            Problem(operation, "422", "同一 Idempotency-Key 用于不同的请求。The same Idempotency-Key was sent with a different request.");
        Problem(operation, "503", "数据库暂不可达或服务繁忙，请按 Retry-After 稍后重试。The database is out of reach or the service is busy: retry after Retry-After seconds.");
    }

    private static void Problem(OpenApiOperation operation, string status, string description) =>
        operation.Responses![status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails)) },
            },
        };

    /// <summary>
    /// A body parameter that the endpoint's own <c>Load</c>/<c>LoadAsync</c> supplies (e.g. the notification being marked
    /// read) is not sent by the caller, though the generator takes it for the request body.
    /// </summary>
    private static bool BodyIsLoaded(OpenApiOperationTransformerContext context, HttpChain chain)
    {
        var body = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
        if (body is null) return false;
        return chain.Method.HandlerType.GetMethods()
            .Where(m => m.Name is "Load" or "LoadAsync")
            .SelectMany(m => Unwrap(m.ReturnType))
            .Any(t => t == body);
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        var inner = type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(Nullable<>))
            ? type.GetGenericArguments()[0] : type;
        return inner.IsGenericType && inner.FullName?.StartsWith("System.ValueTuple", StringComparison.Ordinal) == true
            ? inner.GetGenericArguments().SelectMany(Unwrap)
            : [inner];
    }

    private static void Example(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var body = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
        var example = body?.GetCustomAttributes(typeof(ExampleBodyAttribute), false).OfType<ExampleBodyAttribute>().FirstOrDefault();
        if (example is null || operation.RequestBody?.Content is not { } content) return;
        foreach (var media in content.Values) media.Example = JsonNode.Parse(example.Json);
    }
}
