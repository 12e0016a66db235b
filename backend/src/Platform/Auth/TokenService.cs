using System.Security.Claims;
using System.Security.Cryptography;
using Khcn.Platform.Data;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Khcn.Platform.Auth;

public sealed record TokenResponse(string AccessToken, DateTime AccessTokenExpiresAt, string RefreshToken, DateTime RefreshTokenExpiresAt, string TokenType = "Bearer");

internal sealed class TokenService(JwtOptions options, SymmetricSecurityKey key, TimeProvider clock)
{
    /// <summary>A new access token and a new refresh token of the family (a new family: a new session), added to <paramref name="db"/>.</summary>
    public TokenResponse Issue(AppUser user, PlatformDbContext db, Guid? familyId = null, Guid? refreshTokenId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var accessExpires = now.AddMinutes(options.AccessTokenMinutes);
        var access = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = accessExpires,
            Subject = new ClaimsIdentity([
                new Claim(JwtRegisteredClaimNames.Sub, user.Id.ToString()),
                new Claim(JwtRegisteredClaimNames.Email, user.Email ?? ""),
                new Claim(JwtRegisteredClaimNames.Name, user.FullName),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });

        var plain = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var refresh = new RefreshToken
        {
            Id = refreshTokenId ?? Guid.CreateVersion7(),
            UserId = user.Id,
            FamilyId = familyId ?? Guid.CreateVersion7(),
            TokenHash = Hash(plain),
            CreatedAtUtc = now,
            ExpiresAtUtc = now.AddDays(options.RefreshTokenDays),
        };
        db.RefreshTokens.Add(refresh);
        return new TokenResponse(access, accessExpires, plain, refresh.ExpiresAtUtc);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = options.Issuer,
        ValidAudience = options.Audience,
        IssuerSigningKey = key,
        ValidateIssuerSigningKey = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = JwtRegisteredClaimNames.Name,
    };
}
