using Microsoft.OpenApi;

namespace Whistle.Hosting.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json: the bearer scheme the API expects, one tag per capability in the order of
/// <see cref="Capabilities.All"/>, and the conventions of <see cref="Operations"/> and <see cref="Schemas"/>.
/// </summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddWhistleOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddOperationTransformer<Operations>().AddSchemaTransformer(Schemas.LeaveOptionalOut).AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Whistle 吹哨报到 — 物业治理案件办理",
                Version = "v1",
                Description = "Complaints, whistles, fee disputes and mediation for a county's residential property governance. "
                    + "Every /api call needs a bearer token (development: ops/token USER).",
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
            return Task.CompletedTask;
        }));
}
