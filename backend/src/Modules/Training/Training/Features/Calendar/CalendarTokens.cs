using System.Security.Cryptography;
using System.Text;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Khcn.Training.Features.Calendar;

/// <summary>
/// Feed tokens: <c>HMAC-SHA256(server key, salt)</c>, base64url (256 bits). The database keeps the salt and a
/// SHA-256 of the token, never the token: a copy of the database alone opens no feed. The server key is
/// <c>Training:CalendarFeedKey</c>, else derived from the JWT signing key (HKDF, its own label).
/// </summary>
internal sealed class CalendarTokens(TrainingDbContext db, IConfiguration configuration, TimeProvider clock)
{
    public const string KeySetting = "Training:CalendarFeedKey";

    private byte[] Key()
    {
        var configured = configuration[KeySetting];
        var secret = !string.IsNullOrWhiteSpace(configured) ? configured : configuration["Jwt:SigningKey"]
            ?? throw new InvalidOperationException($"Set {KeySetting} (or Jwt:SigningKey) to sign calendar feed tokens.");
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: "khcn.training.calendar-feed"u8.ToArray());
    }

    public string TokenOf(CalendarToken row) => TokenFor(row.Salt);

    private string TokenFor(string salt) => PublicLinks.Base64Url(HMACSHA256.HashData(Key(), Encoding.UTF8.GetBytes(salt)));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The user's token row, created on first use.</summary>
    public async Task<CalendarToken> EnsureAsync(Guid userId, CancellationToken ct)
    {
        var row = await db.CalendarTokens.FirstOrDefaultAsync(t => t.UserId == userId, ct);
        if (row is not null) return row;
        var salt = NewSalt();
        row = CalendarToken.Create(userId, salt, Hash(TokenFor(salt)));
        db.CalendarTokens.Add(row);
        return row;
    }

    public async Task<CalendarToken> RotateAsync(Guid userId, CancellationToken ct)
    {
        var row = await db.CalendarTokens.FirstOrDefaultAsync(t => t.UserId == userId, ct);
        if (row is null) return await EnsureAsync(userId, ct);
        var salt = NewSalt();
        row.Rotate(salt, Hash(TokenFor(salt)), clock.GetUtcNow().UtcDateTime);
        return row;
    }

    /// <summary>The user a feed token belongs to, or null.</summary>
    public async Task<Guid?> UserOfAsync(string token, CancellationToken ct)
    {
        if (token.Length is < 20 or > 100) return null;
        var hash = Hash(token);
        return await db.CalendarTokens.AsNoTracking().Where(t => t.TokenHash == hash).Select(t => (Guid?)t.UserId).FirstOrDefaultAsync(ct);
    }

    private static string NewSalt() => PublicLinks.Base64Url(RandomNumberGenerator.GetBytes(24));
}
