using System.Threading.RateLimiting;
using Khcn.BuildingBlocks.Domain;

namespace Khcn.Platform.Auth;

public sealed class LoginThrottleOptions
{
    public const string Section = "RateLimiting";
    /// <summary>Login attempts one client address may make per minute.</summary>
    public int LoginPerIpPerMinute { get; set; } = 30;
    /// <summary>Login attempts against one account per minute, from anywhere.</summary>
    public int LoginPerAccountPerMinute { get; set; } = 10;
}

/// <summary>The per-account half of login throttling (the per-address half is the "login" rate-limiter policy).</summary>
internal sealed class LoginThrottle(LoginThrottleOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.LoginPerAccountPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public void Enter(string account)
    {
        using var lease = _limiter.AttemptAcquire(account.Trim().ToUpperInvariant());
        if (lease.IsAcquired) return;
        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        throw TooManyRequests(retry);
    }

    public static ApiProblemException TooManyRequests(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new ApiProblemException(429, "too_many_requests", Localized.Text("Too many login attempts.", "Đăng nhập sai quá nhiều lần."),
            Localized.Text($"Too many login attempts. Try again in {seconds} seconds.", $"Bạn đã thử đăng nhập quá nhiều lần. Hãy thử lại sau {seconds} giây."),
            headers: new Dictionary<string, string> { ["Retry-After"] = seconds.ToString() });
    }

    public void Dispose() => _limiter.Dispose();
}
