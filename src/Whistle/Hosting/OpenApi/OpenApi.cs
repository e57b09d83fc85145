using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Whistle.Hosting.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json: the bearer scheme the API expects, one tag per capability in the order of
/// <see cref="Capabilities.All"/>, and the conventions of <see cref="Operations"/> and <see cref="Schemas"/>.
/// </summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddWhistleOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddOperationTransformer<Operations>().AddSchemaTransformer(Schemas.LeaveOptionalOut).AddSchemaTransformer(Schemas.MomentsAreText).AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Whistle 吹哨报到 — 物业治理案件办理",
                Version = "v1",
                Description = "县域住宅物业治理的投诉、吹哨报到、物业费纠纷与人民调解。每个 /api 调用都需要 bearer 令牌（开发环境：`ops/token 用户名`）；"
                    + "每个操作都写明可调用的角色，错误一律以 ProblemDetails（先中文后英文）回答。\n\n"
                    + "Complaints, whistles, fee disputes and mediation for a county's residential property governance. "
                    + "Every /api call needs a bearer token (development: `ops/token USER`); each operation names the roles that may "
                    + "call it, and every refusal is a ProblemDetails, Chinese first, then English.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            document.Tags = new HashSet<OpenApiTag>(Capabilities.All.Select(c => new OpenApiTag { Name = c.Tag, Description = c.Description }));
            Schemas.Fix(document);
            DocumentationText.Fix(document);
            // A collection, then its item, then the item's actions: the reader meets a capability's paths in that order.
            var paths = document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            document.Paths.Clear();
            foreach (var (path, item) in paths) document.Paths.Add(path, item);
            return Task.CompletedTask;
        }));

    /// <summary>The reference page at /docs/v1 (Scalar): the document above, without the vendor's deploy and AI buttons.</summary>
    public static void MapWhistleApiReference(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("Whistle API 接口文档").HideDeveloperTools().DisableAgent().DisableTelemetry()
            .AddPreferredSecuritySchemes("Bearer").WithDefaultHttpClient(ScalarTarget.Shell, ScalarClient.Curl)).AllowAnonymous();
    }
}
