using Microsoft.AspNetCore.Mvc;
using JasperFx;
using JasperFx.CodeGeneration;
using Wolverine.Http;

namespace Whistle.Hosting;

/// <summary>
/// The <c>Idempotency-Key</c> header on a command: the first request with a key runs and its answer is kept; the same
/// key again (same county, same user, same request bytes) gets that answer back — status, body and <c>Location</c> —
/// and appends nothing; the same key with a different request is refused with 422.
/// <para>
/// It is Wolverine's own <c>[DeduplicatedWithResponse]</c>, put on every command endpoint by this policy, with the
/// claim written in the command's own transaction: the kept answer commits with the events or not at all. A crash
/// before the commit leaves no claim, so the client's retry runs; a crash after it leaves the answer, so the retry
/// gets it. Two requests with one key at once both run, and the one whose commit loses is answered from the
/// winner's claim. A refused command (4xx) commits nothing and keeps no answer: its retry is decided again.
/// </para>
/// </summary>
public sealed class Idempotency : IHttpPolicy
{
    public const string Header = Kernel.Web.PageCommands.IdempotencyHeader;
    public const int MaxKeyLength = 100;
    /// <summary>How long an answer is kept (Wolverine's deduplication window, reaped by its durability agent).</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => c.HttpMethods.Any(EventMetadata.Writes.Contains) && c.ResourceType is not null))
        {
            chain.DeduplicatedWithResponse = new DeduplicatedWithResponseRequirement
            {
                Scope = DeduplicationScope.Tenant | DeduplicationScope.User,
                Required = false,
                Window = KeptFor,
                ClaimInTransaction = true,
            };
        }
    }

    /// <summary>A key that is too long or holds control characters is refused before anything runs.</summary>
    public static async Task RefuseMalformedKeys(HttpContext http, RequestDelegate next)
    {
        var key = http.Request.Headers[Header].ToString();
        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsJsonAsync(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = Header,
                Detail = $"Idempotency-Key 应为不超过 {MaxKeyLength} 个可见字符。 {Header} must be at most {MaxKeyLength} printable characters.",
            }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
            return;
        }
        await next(http);
    }
}
