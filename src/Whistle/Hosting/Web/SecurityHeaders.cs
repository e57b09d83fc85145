namespace Whistle.Hosting.Web;

/// <summary>
/// The pages' security headers. Every answer: no content-type sniffing, no referrer beyond this site. The pages (not /api,
/// not the API reference, whose page loads its own script inline): a content security policy that lets only this site's
/// scripts, images and forms run (styles: this site's and the printable pages' inline ones) and no one frame them, and no
/// camera, microphone or location. Pages carry personal data: an HTML page is never stored by any cache.
/// </summary>
public static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            if (IsPage(http.Request.Path))
            {
                headers.ContentSecurityPolicy = PagePolicy;
                headers.XFrameOptions = "DENY";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                http.Response.OnStarting(() =>
                {
                    if (http.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
                        http.Response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                });
            }
            return next(http);
        });
        return app;
    }

    /// <summary>Everything but the API, its reference and document, and the health and metrics endpoints.</summary>
    public static bool IsPage(PathString path) =>
        !(path.StartsWithSegments("/api") || path.StartsWithSegments("/docs") || path.StartsWithSegments("/openapi")
          || path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics"));
}
