using Khcn.BuildingBlocks.Documents;
using System.Security.Cryptography;
using System.Text;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Certificates;
using Microsoft.EntityFrameworkCore;
using Khcn.BuildingBlocks.Persistence;
using Microsoft.Extensions.Configuration;

namespace Khcn.Training.Features.Calendar;

/// <summary>
/// The server key feed tokens are derived with: <c>Training:CalendarFeedKey</c>, else <c>Jwt:SigningKey</c>, else
/// a random key kept in <c>DataDir</c> (one instance only, like the generated JWT key) — always through HKDF with
/// its own label, so it never equals the JWT key. Replicas must share one of the settings.
/// </summary>
internal sealed class CalendarFeedKey(IConfiguration configuration)
{
    public const string Setting = "Training:CalendarFeedKey";
    private readonly Lazy<byte[]> _key = new(() => Resolve(configuration));

    public byte[] Value => _key.Value;

    private static byte[] Resolve(IConfiguration configuration)
    {
        var secret = configuration[Setting];
        if (string.IsNullOrWhiteSpace(secret)) secret = configuration["Jwt:SigningKey"];
        if (string.IsNullOrWhiteSpace(secret))
        {
            var dir = configuration.ReadDatabaseOptions().DataDir;
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, "calendar-feed.key");
            if (!File.Exists(file)) File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
            secret = File.ReadAllText(file).Trim();
        }
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: "khcn.training.calendar-feed"u8.ToArray());
    }
}

/// <summary>
/// Feed tokens: <c>HMAC-SHA256(server key, salt)</c>, base64url (256 bits). The database keeps the salt and a
/// SHA-256 of the token, never the token: a copy of the database alone opens no feed.
/// </summary>
internal sealed class CalendarTokens(TrainingDbContext db, CalendarFeedKey key, TimeProvider clock)
{
    private byte[] Key() => key.Value;

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
