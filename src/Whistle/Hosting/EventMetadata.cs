using System.Diagnostics;
using Marten;
using Whistle.Kernel;
using Wolverine;

namespace Whistle.Hosting;

/// <summary>
/// Wolverine HTTP middleware on every command endpoint, whatever its verb: stamps the events the request appends with
/// the user, the user's role and county (headers <c>role</c> and <c>county</c>; the county is also the tenant), a
/// correlation id (the caller's <c>X-Correlation-Id</c>, else the trace id; the messages it cascades carry it too), and the client's command id (its
/// <c>Idempotency-Key</c>) as causation id and as the <c>command-id</c> header.
/// </summary>
public static class EventMetadata
{
    public const string CorrelationHeader = "X-Correlation-Id";
    public const string CommandIdHeader = "command-id";
    public const string RoleHeader = "role";
    public const string CountyHeader = "county";

    /// <summary>The verbs that append events.</summary>
    public static readonly IReadOnlySet<string> Writes = new HashSet<string>(["POST", "PUT", "PATCH", "DELETE"]);

    public static void Before(HttpContext http, IDocumentSession session, IMessageContext messages)
    {
        var correlation = http.Request.Headers[CorrelationHeader].ToString();
        session.CorrelationId = correlation is { Length: > 0 and <= 100 }
            ? correlation
            : Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        // The messages the command cascades carry the same correlation id, and so do the events their handlers append.
        messages.CorrelationId = session.CorrelationId;
        session.LastModifiedBy = http.User.FindFirst(WhistleClaims.Subject)?.Value;
        session.SetHeader(RoleHeader, http.User.FindFirst(WhistleClaims.Role)?.Value ?? "");
        session.SetHeader(CountyHeader, http.User.FindFirst(WhistleClaims.County)?.Value ?? "");
        var commandId = http.Request.Headers[Idempotency.Header].ToString();
        if (commandId.Length > 0)
        {
            session.CausationId = commandId;
            session.SetHeader(CommandIdHeader, commandId);
        }
        else
        {
            session.CausationId = http.TraceIdentifier;
        }
    }
}
