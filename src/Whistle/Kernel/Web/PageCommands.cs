using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Whistle.Kernel.Web;

/// <summary>
/// A page form's command runs through the API's own endpoint, in process: the endpoint named by its operation id
/// (<c>nameof</c> the command) is authorized with its own <c>[Authorize]</c> against the signed-in user, then its
/// generated handler runs with the command as its JSON body. So a form runs the same validation, the same scope rule,
/// the same decision, the same optimistic concurrency, the same outbox and the same idempotency as the API: no rule is
/// written twice, and a page cannot do what the API would refuse.
/// <para>
/// The answer is the endpoint's own: its status, and either its JSON body or its ProblemDetails (bilingual), which the
/// page shows beside the form. A form carries an idempotency key drawn when it was rendered, so a double submit (or a
/// reload of the POST) appends once and is answered as the first.
/// </para>
/// </summary>
public sealed class PageCommands(
    EndpointDataSource endpoints,
    LinkGenerator links,
    IAuthorizationPolicyProvider policies,
    IPolicyEvaluator evaluator,
    IOptions<JsonOptions> json)
{
    /// <summary>The API's idempotency header (Hosting's Idempotency policy reads it).</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The endpoint's answer: 2xx with its body, or a refusal with its ProblemDetails.</summary>
    public sealed record Answer(int Status, JsonElement? Body, ProblemDetails? Problem, string? Location)
    {
        public bool Succeeded => Status is >= 200 and < 300;

        /// <summary>A field's message from a 400 (camelCase JSON path), or null.</summary>
        public string? FieldError(string field) =>
            Problem is ValidationProblemDetails { Errors: var errors } && errors.TryGetValue(field, out var messages)
                ? string.Join(" ", messages)
                : null;

        public T? Read<T>(JsonSerializerOptions options) => Body is { } body ? body.Deserialize<T>(options) : default;
    }

    /// <summary>
    /// Runs the API command <paramref name="operationId"/> (a POST, PUT or DELETE endpoint) as the page's user, with
    /// <paramref name="route"/> filling its route and <paramref name="command"/> as its body.
    /// </summary>
    public async Task<Answer> SendAsync(
        HttpContext page, string operationId, object route, object? command, string? idempotencyKey = null)
    {
        var endpoint = endpoints.Endpoints.OfType<RouteEndpoint>()
            .SingleOrDefault(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == operationId)
            ?? throw new InvalidOperationException($"No API endpoint has the operation id {operationId}.");
        // As routing gives them: text, which the generated handler parses (a Guid route value would not cast).
        var routeValues = new RouteValueDictionary(new RouteValueDictionary(route)
            .ToDictionary(v => v.Key, v => (object?)Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)));
        var path = links.GetPathByName(operationId, routeValues)
            ?? throw new InvalidOperationException($"The route values do not fill {endpoint.RoutePattern.RawText}.");

        // As the authorization middleware decides: the endpoint's own policy, else the fallback; none for [AllowAnonymous].
        var policy = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null ? null
            : await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
                endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()) ?? await policies.GetFallbackPolicyAsync();
        if (policy is not null)
        {
            var authorized = await evaluator.AuthorizeAsync(policy, AuthenticateResult.Success(
                new AuthenticationTicket(page.User, "page")), page, resource: null);
            if (!authorized.Succeeded)
            {
                var status = page.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
                return new Answer(status, null, new ProblemDetails
                {
                    Status = status,
                    Detail = status == StatusCodes.Status403Forbidden
                        ? "您的角色不能执行此操作。Your role may not do this."
                        : "请先登录。Please sign in first.",
                }, null);
            }
        }

        var inner = new DefaultHttpContext(new FeatureCollection());
        inner.Features.Set<IHttpRequestFeature>(new HttpRequestFeature());
        inner.Features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        var responseBody = new MemoryStream();
        inner.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(responseBody));
        inner.RequestServices = page.RequestServices;
        inner.RequestAborted = page.RequestAborted;
        inner.User = page.User;
        inner.TraceIdentifier = page.TraceIdentifier;
        inner.Connection.RemoteIpAddress = page.Connection.RemoteIpAddress;
        var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is [var first, ..] ? first : HttpMethods.Post;
        inner.Request.Method = method;
        inner.Request.Scheme = page.Request.Scheme;
        inner.Request.Host = page.Request.Host;
        inner.Request.Path = path;
        inner.Request.RouteValues = routeValues;
        inner.Request.Headers.Accept = "application/json";
        if (idempotencyKey is not null) inner.Request.Headers[IdempotencyHeader] = idempotencyKey;
        if (command is not null)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(command, command.GetType(), json.Value.SerializerOptions);
            // The bound every text and list of a command body is held to, as the API's own JSON body check holds it.
            using (var sent = JsonDocument.Parse(bytes))
                if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } bodyType && BodyLimits.Check(sent.RootElement, bodyType) is { } refused)
                    return new Answer(StatusCodes.Status400BadRequest, null, refused, null);
            inner.Request.ContentType = "application/json";
            inner.Request.ContentLength = bytes.Length;
            inner.Request.Body = new MemoryStream(bytes);
        }
        inner.SetEndpoint(endpoint);

        try
        {
            await endpoint.RequestDelegate!(inner);
        }
        catch (Exception e) when (!inner.Response.HasStarted)
        {
            // As the API's pipeline would: the application's exception handlers answer (a lost race 409, an unreachable
            // database 503, and they log), and the page shows that answer beside the form.
            var handled = false;
            foreach (var handler in page.RequestServices.GetServices<IExceptionHandler>())
                if (handled = await handler.TryHandleAsync(inner, e, page.RequestAborted)) break;
            if (!handled) throw;
        }

        var answerStatus = inner.Response.StatusCode;
        responseBody.Position = 0;
        JsonElement? body = null;
        ProblemDetails? problem = null;
        if (responseBody.Length > 0 && inner.Response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var document = await JsonDocument.ParseAsync(responseBody, cancellationToken: page.RequestAborted);
            if (answerStatus >= 400)
            {
                problem = document.RootElement.TryGetProperty("errors", out _)
                    ? document.RootElement.Deserialize<ValidationProblemDetails>(json.Value.SerializerOptions)
                    : document.RootElement.Deserialize<ProblemDetails>(json.Value.SerializerOptions);
            }
            else
            {
                body = document.RootElement.Clone();
            }
        }
        if (answerStatus >= 400 && problem is null) problem = new ProblemDetails { Status = answerStatus };
        return new Answer(answerStatus, body, problem, inner.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null);
    }
}
