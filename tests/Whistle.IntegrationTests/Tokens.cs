using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Whistle.Kernel;

namespace Whistle.IntegrationTests;

/// <summary>The users of samples/county/users.tsv, and tokens for them signed with the tests' key.</summary>
public static class Tokens
{
    public sealed record User(string Id, string Role, string? SubDistrict = null, string? Community = null, string? Department = null);

    public static readonly User Clerk = new("clerk", Roles.Clerk);
    public static readonly User Community = new("community", Roles.Community, "SD01", "CM0101");
    public static readonly User OtherCommunity = new("community2", Roles.Community, "SD02", "CM0201");
    public static readonly User SubDistrict = new("subdistrict", Roles.SubDistrict, "SD01");
    public static readonly User Chengguan = new("chengguan", Roles.Department, Department: "chengguan");
    public static readonly User Chengguan2 = new("chengguan2", Roles.Department, Department: "chengguan");
    public static readonly User Gongan = new("gongan", Roles.Department, Department: "gongan");
    public static readonly User Zhujian = new("zhujian", Roles.Department, Department: "zhujian");
    public static readonly User Mediator = new("mediator", Roles.Mediator, Department: "mediation-centre");
    public static readonly User Mediator2 = new("mediator2", Roles.Mediator, Department: "mediation-centre");
    public static readonly User Office = new("office", Roles.Office);
    public static readonly User Analyst = new("analyst", Roles.Analyst);
    public static readonly User Admin = new("admin", Roles.Admin);
    public static readonly User Supervisor = new("supervisor", Roles.Supervisor);

    /// <summary>A token issued now, by the wall clock: authentication does not follow the tests' business clock.</summary>
    public static string For(User user, string county = AppFixture.County) => For(user, DateTimeOffset.UtcNow, county);

    public static string For(User user, DateTimeOffset issuedAt, string county = AppFixture.County)
    {
        var claims = new List<Claim>
        {
            new(WhistleClaims.Subject, user.Id),
            new(WhistleClaims.Name, user.Id + " 测试"),
            new(WhistleClaims.Role, user.Role),
            new(WhistleClaims.County, county),
        };
        if (user.SubDistrict is not null) claims.Add(new(WhistleClaims.SubDistrict, user.SubDistrict));
        if (user.Community is not null) claims.Add(new(WhistleClaims.Community, user.Community));
        if (user.Department is not null) claims.Add(new(WhistleClaims.Department, user.Department));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "whistle",
            Audience = "whistle",
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime.AddMinutes(-5),
            Expires = issuedAt.UtcDateTime.AddHours(2),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(AppFixture.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
