using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Khcn.Platform.Auth;

/// <summary>
/// Failed logins against e-mails that have no account, counted like a real account's (#16, accounts must not be told
/// apart): after <see cref="LockoutOptions.MaxFailedAccessAttempts"/> failures the e-mail answers 423 "locked" for
/// <see cref="LockoutOptions.DefaultLockoutTimeSpan"/>, as Identity does for an account, so the status of a sixth try
/// does not reveal whether the account exists. Kept in memory per replica (what it protects is the answer, not the
/// account; several replicas only make a prober's count less exact) and bounded: the oldest entries go first.
/// </summary>
internal sealed class UnknownAccountLockout(IOptions<IdentityOptions> identity, TimeProvider clock)
{
    internal const int MaxTracked = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    private sealed record Entry(int Failures, DateTime? LockedUntil, DateTime LastSeen);

    /// <summary>When the e-mail is "locked" now, until when; otherwise null.</summary>
    public DateTime? LockedUntil(string email)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _entries.TryGetValue(Key(email), out var e) && e.LockedUntil > now ? e.LockedUntil : null;
    }

    /// <summary>Counts a failure; answers the lock's end when this failure locks the e-mail (as Identity's AccessFailed does).</summary>
    public DateTime? Failed(string email)
    {
        var lockout = identity.Value.Lockout;
        var now = clock.GetUtcNow().UtcDateTime;
        if (_entries.Count >= MaxTracked) Prune(now);
        var entry = _entries.AddOrUpdate(Key(email),
            _ => Next(new Entry(0, null, now)),
            (_, old) => Next(old.LockedUntil is { } until && until <= now ? new Entry(0, null, now) : old));
        return entry.LockedUntil > now ? entry.LockedUntil : null;

        Entry Next(Entry e)
        {
            var failures = e.Failures + 1;
            return failures >= lockout.MaxFailedAccessAttempts
                ? new Entry(0, now + lockout.DefaultLockoutTimeSpan, now)
                : new Entry(failures, e.LockedUntil, now);
        }
    }

    private void Prune(DateTime now)
    {
        foreach (var (key, _) in _entries.Where(p => p.Value.LockedUntil is null || p.Value.LockedUntil <= now)
                     .OrderBy(p => p.Value.LastSeen).Take(MaxTracked / 10).ToList())
            _entries.TryRemove(key, out _);
    }

    private static string Key(string email) => email.Trim().ToUpperInvariant();
}
