namespace Khcn.Platform.Features.Users;

public sealed record UserGrantView(Guid Id, string Role, Guid UnitId, string? UnitName);

public sealed record UserView(Guid Id, string Email, string FullName, bool IsDisabled, DateTime? LockedUntil, IReadOnlyList<UserGrantView> Grants);

public sealed record GrantInput
{
    /// <summary>One of the roles of domain.md §3 (admin, federation-leader, …).</summary>
    public string Role { get; init; } = "";
    public Guid UnitId { get; init; }
}
