using System.Security.Cryptography;
using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Access;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Users;

/// <summary>A user picked by the route.</summary>
/// <remarks>
/// The recovery path for a forgotten password: the administrator gets a temporary password, shown in this answer
/// only, to hand over; the user's sessions end at once and, signed in with it, they reach nothing but their own
/// account until they choose their own password. Also lifts a lockout. Not one's own account (change it instead).
/// </remarks>
public sealed record ResetUserPassword : Mediator.ICommand<PasswordResetView>
{
    public const string Route = "/api/v1/admin/users/{id}/reset-password";
    public Guid Id { get; init; }
}

/// <summary>The temporary password, shown once: the server keeps only its hash.</summary>
public sealed record PasswordResetView(Guid UserId, string Email, string TemporaryPassword);

internal sealed class ResetUserPasswordHandler(PlatformDbContext db, UserManager<AppUser> users, TimeProvider clock)
    : Mediator.ICommandHandler<ResetUserPassword, PasswordResetView>
{
    public async ValueTask<PasswordResetView> Handle(ResetUserPassword command, CancellationToken ct)
    {
        var user = await db.VisibleUserAsync(command.Id, ct);
        await db.DemandManageAsync(user, ct);
        if (user.Id == db.Access.UserId) throw new BusinessRuleException("self_reset",
            Localized.Text("Change your own password from your account instead.", "Hãy đổi mật khẩu của chính bạn trong trang tài khoản."));
        var temporary = TemporaryPasswords.New();
        user.PasswordHash = users.PasswordHasher.HashPassword(user, temporary);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.MustChangePassword = true;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.RefreshTokens.Where(t => t.UserId == user.Id && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, now), ct);
        return new PasswordResetView(user.Id, user.Email ?? "", temporary);
    }
}

/// <summary>Readable temporary passwords that meet the password rules: three blocks like "Hx7k-Pm3q-Tz9w".</summary>
internal static class TemporaryPasswords
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";

    public static string New() => string.Join('-', Enumerable.Range(0, 3).Select(_ =>
        string.Concat(Pick(Upper), Pick(Lower), Pick(Digits), Pick(Lower))));

    private static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
}

internal sealed class ResetUserPasswordEndpoint(IMediator mediator) : Endpoint<ResetUserPassword, PasswordResetView>
{
    public override void Configure()
    {
        Post(ResetUserPassword.Route);
        Policies(Permission.UsersManage);
        Summary(s =>
        {
            s.Summary = "Reset a user's password: a temporary one, in this answer only, that the user must change at first sign-in";
            s.Responses[404] = "No such user in your scope.";
            s.Responses[409] = "Your own account (code self_reset).";
        });
    }

    public override async Task HandleAsync(ResetUserPassword req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
