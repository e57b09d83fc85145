using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Whistle.Kernel;

namespace Whistle.Simulation;

/// <summary>Who acts in a simulated county: a role, and the area or department the token names.</summary>
public sealed record SimUser(string Id, string Role, string? SubDistrict = null, string? Community = null, string? Department = null)
{
    public static readonly SimUser Clerk = new("sim-clerk", Roles.Clerk);
    public static readonly SimUser Office = new("sim-office", Roles.Office);
    /// <summary>The sample centre's mediator (users.tsv), so the staff register knows whom cases are assigned to.</summary>
    public static readonly SimUser Mediator = new("mediator", Roles.Mediator, Department: "mediation-centre");

    /// <summary>The community worker of a community: lodges grid-patrol finds, handles its complaints, blows and concludes whistles.</summary>
    public static SimUser CommunityWorker(string community, string subDistrict) => new($"sim-{community}", Roles.Community, subDistrict, community);

    /// <summary>The officer of a department who signs for, replies to, rejects and asks for more time on its assignments.</summary>
    public static SimUser Officer(string department) => new($"sim-{department}", Roles.Department, Department: department);
}

/// <summary>
/// Bearer tokens for the simulator's users, RS256, signed with the private half of the RSA key made for this run (the
/// simulator's host holds the public half, as a county's host holds its provider's: <see cref="Hosting.AuthSettings"/>). A token is
/// valid for the whole century: the host's business clock is simulated, and a token must hold by either clock.
/// </summary>
public sealed class SimulatedUsers(RsaSecurityKey signingKey)
{
    public const string Issuer = "whistle-simulator";
    private readonly ConcurrentDictionary<(SimUser, string), string> _tokens = new();

    public string TokenFor(SimUser user, string county) => _tokens.GetOrAdd((user, county), key => Mint(key.Item1, key.Item2));

    private string Mint(SimUser user, string county)
    {
        var claims = new List<Claim>
        {
            new(WhistleClaims.Subject, user.Id),
            new(WhistleClaims.Name, user.Id),
            new(WhistleClaims.Role, user.Role),
            new(WhistleClaims.County, county),
        };
        if (user.SubDistrict is not null) claims.Add(new(WhistleClaims.SubDistrict, user.SubDistrict));
        if (user.Community is not null) claims.Add(new(WhistleClaims.Community, user.Community));
        if (user.Department is not null) claims.Add(new(WhistleClaims.Department, user.Department));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            NotBefore = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Expires = new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
