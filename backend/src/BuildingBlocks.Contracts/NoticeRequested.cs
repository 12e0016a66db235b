namespace Khcn.BuildingBlocks.Contracts;

public enum NoticeAudience
{
    /// <summary>Every user holding a role over exactly this unit.</summary>
    Unit,
    /// <summary>One user account.</summary>
    User,
    /// <summary>The active user signing in with this e-mail, if there is one (resolved when the notice is stored).</summary>
    Person,
    /// <summary>
    /// Every active user holding, over exactly this unit, a role that grants <see cref="NoticeTarget.Permission"/> (e.g.
    /// the unit's finance officers): resolved when the notice is stored, one notification addressed to each.
    /// </summary>
    Holders,
}

/// <summary>Whom a notice is for: a unit's officers, those of them holding a permission, one user, or a person known only by e-mail.</summary>
public sealed record NoticeTarget(NoticeAudience Audience, Guid? Id = null, string? Email = null, string? Permission = null)
{
    /// <summary>The users holding <paramref name="permission"/> through a role over exactly <paramref name="unitId"/>.</summary>
    public static NoticeTarget Holders(Guid unitId, string permission) => new(NoticeAudience.Holders, unitId, Permission: permission);
    public static NoticeTarget Unit(Guid unitId) => new(NoticeAudience.Unit, unitId);
    public static NoticeTarget User(Guid userId) => new(NoticeAudience.User, userId);
    public static NoticeTarget Person(string email) => new(NoticeAudience.Person, Email: email);
}

/// <summary>
/// A module asks for an in-app notification (<c>ModuleDbContext.Notify</c>): it travels through the asking module's
/// outbox with the change that caused it, and Platform stores it through its inbox, once per <see cref="Key"/>.
/// </summary>
public sealed record NoticeRequested(
    Guid EventId, DateTime OccurredAtUtc, NoticeTarget Target,
    string Key, string Kind, string Text, string? Link, IReadOnlyDictionary<string, string>? Params) : IIntegrationEvent;

/// <summary>
/// A module takes back the notices it queued whose key starts with <see cref="KeyPrefix"/> (<c>ModuleDbContext.Withdraw</c>),
/// e.g. a report reminder once the unit has submitted: the reminder no longer asks anything of anyone. It travels
/// through the same outbox as the notices, after them, so a reminder still on its way is withdrawn too.
/// </summary>
public sealed record NoticesWithdrawn(Guid EventId, DateTime OccurredAtUtc, string KeyPrefix) : IIntegrationEvent;
