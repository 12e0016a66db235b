using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Khcn.BuildingBlocks.Security;

/// <summary>An active user, their grants, and whether an administrator's password reset still waits for their own password.</summary>
public sealed record UserAccess(Guid UserId, string Email, string FullName, IReadOnlyList<Grant> Grants, bool MustChangePassword = false);

/// <summary>Port the Platform module implements: an active user's grants, read fresh on every request.</summary>
public interface IUserDirectory
{
    /// <returns>null when the user no longer exists or is disabled.</returns>
    Task<UserAccess?> FindActiveAsync(Guid userId, CancellationToken ct);

    /// <returns>The active user signing in with this e-mail (case ignored), or null.</returns>
    Task<UserAccess?> FindActiveByEmailAsync(string email, CancellationToken ct);

    /// <summary>The <see cref="AccessStamps.Users"/> stamp: changes whenever what <see cref="FindActiveAsync"/> returns may change.</summary>
    Task<Guid> AccessStampAsync(CancellationToken ct);
}

/// <summary>
/// Fills <see cref="AccessContext"/> for an authenticated request, right when its token is validated: the user's
/// current grants (so a disabled user or a revoked grant takes effect at once, not at token expiry) and the
/// subtree of each grant's unit. "Current" is checked on every request through two change stamps; the grants
/// and subtrees themselves come from <see cref="AccessCache"/> while those stamps stand (ADR 0010).
/// </summary>
public static class AccessLoader
{
    /// <returns>false when the user no longer exists or is disabled: the token must then be refused.</returns>
    public static async Task<bool> LoadAsync(HttpContext http, ClaimsPrincipal principal)
    {
        if (!Guid.TryParse(principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            return false;
        return await LoadUserAsync(http.RequestServices, userId, http.RequestAborted);
    }

    /// <summary>
    /// Fills the scope's <see cref="AccessContext"/> as <paramref name="userId"/> with their current grants: the one
    /// way to load access, whether from a bearer token or from another credential of that user (a calendar feed's
    /// token).
    /// </summary>
    /// <returns>false when the user no longer exists or is disabled.</returns>
    public static async Task<bool> LoadUserAsync(IServiceProvider services, Guid userId, CancellationToken ct)
    {
        var cache = services.GetRequiredService<AccessCache>();
        var directory = services.GetRequiredService<IUserDirectory>();
        var user = await cache.UserAsync(userId, await directory.AccessStampAsync(ct), () => directory.FindActiveAsync(userId, ct));
        if (user is null) return false;
        var tree = services.GetRequiredService<IUnitTreeReader>();
        Guid? unitsStamp = null;
        var grants = new List<(Grant, UnitSubtree)>();
        foreach (var g in user.Grants)
        {
            if (Roles.IsAgencyScoped(g.Role))
            {
                grants.Add((g, new UnitSubtree(g.UnitId, false, new HashSet<Guid>(), [])));
                continue;
            }
            unitsStamp ??= await tree.UnitsStampAsync(ct);
            var subtree = await cache.SubtreeAsync(g.UnitId, unitsStamp.Value, () => tree.GetSubtreeAsync(g.UnitId, ct));
            if (subtree is not null) grants.Add((g, subtree));
        }
        var access = services.GetRequiredService<AccessContext>();
        access.SetUser(user.UserId, user.Email, user.FullName, grants);
        access.UnitsStamp = unitsStamp;
        access.MustChangePassword = user.MustChangePassword;
        return true;
    }
}

/// <summary>A policy whose name is a permission (see <see cref="Permission"/>) demands that permission from some grant.</summary>
public sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!Permission.IsKnown(policyName)) return await base.GetPolicyAsync(policyName);
        return new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName)).Build();
    }
}

public sealed class PermissionHandler(IHttpContextAccessor http) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var access = http.HttpContext?.RequestServices.GetRequiredService<AccessContext>();
        if (access?.HasPermissionAnywhere(requirement.Permission) == true) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

public static class SecurityRegistration
{
    public static IServiceCollection AddUnitScopedAccess(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<AccessContext>();
        services.AddSingleton<AccessCache>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        return services;
    }
}
