using System.Security.Claims;

namespace Whistle.Kernel;

/// <summary>Who did something: recorded on every event.</summary>
public sealed record Actor(string UserId, string Name, string Role)
{
    public static Actor From(ClaimsPrincipal user) => new(
        user.FindFirstValue(WhistleClaims.Subject) ?? "anonymous",
        user.FindFirstValue(WhistleClaims.Name) ?? user.FindFirstValue(WhistleClaims.Subject) ?? "anonymous",
        user.FindFirstValue(WhistleClaims.Role) ?? "");
}
