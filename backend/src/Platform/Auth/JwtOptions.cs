using System.Security.Cryptography;
using Khcn.BuildingBlocks.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Khcn.Platform.Auth;

public sealed class JwtOptions
{
    public const string Section = "Jwt";
    public string Issuer { get; set; } = "khcn";
    public string Audience { get; set; } = "khcn-api";
    /// <summary>Base64 or plain text, at least 32 bytes. Unset: a random key kept in DataDir (one instance only).</summary>
    public string? SigningKey { get; set; }
    public int AccessTokenMinutes { get; set; } = 15;
    public int RefreshTokenDays { get; set; } = 14;

    public static (JwtOptions Options, SymmetricSecurityKey Key) Load(IConfiguration configuration, DatabaseOptions db)
    {
        var options = configuration.GetSection(Section).Get<JwtOptions>() ?? new JwtOptions();
        byte[] key;
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            key = TryBase64(options.SigningKey) ?? System.Text.Encoding.UTF8.GetBytes(options.SigningKey);
        }
        else
        {
            // Replicas must share Jwt:SigningKey; a single instance may keep a generated key beside its data.
            Directory.CreateDirectory(db.DataDir);
            var file = Path.Combine(db.DataDir, "jwt-signing.key");
            if (!File.Exists(file)) File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
            key = Convert.FromBase64String(File.ReadAllText(file).Trim());
        }
        if (key.Length < 32) throw new InvalidOperationException("Jwt:SigningKey must be at least 32 bytes.");
        return (options, new SymmetricSecurityKey(key));
    }

    private static byte[]? TryBase64(string s)
    {
        var buffer = new byte[s.Length];
        return Convert.TryFromBase64String(s, buffer, out var n) && n >= 32 ? buffer[..n] : null;
    }
}
