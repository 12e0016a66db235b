using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Auth;
using Khcn.Platform.Data;
using Khcn.Platform.Features.Auth;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Me;

/// <summary>
/// The caller chooses a new password, proving the current one (or the temporary one an administrator gave them).
/// Every other session of theirs ends; this answer carries a new session, exactly as a login does.
/// </summary>
public sealed record ChangeMyPassword : Mediator.ICommand<TokenResponse>
{
    public const string Route = "/api/v1/me/password";
    public string CurrentPassword { get; init; } = "";
    public string NewPassword { get; init; } = "";
    /// <summary>Browsers: the new refresh token as the HttpOnly cookie, as with login.</summary>
    public bool? UseCookie { get; init; }
}

internal sealed class ChangeMyPasswordValidator : AbstractValidator<ChangeMyPassword>
{
    public ChangeMyPasswordValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().MaximumLength(200);
        RuleFor(x => x.NewPassword).NotEmpty().MaximumLength(200);
    }
}

internal sealed class ChangeMyPasswordHandler(PlatformDbContext db, UserManager<AppUser> users, TokenService tokens, AccessContext access, TimeProvider clock)
    : Mediator.ICommandHandler<ChangeMyPassword, TokenResponse>
{
    public async ValueTask<TokenResponse> Handle(ChangeMyPassword command, CancellationToken ct)
    {
        var user = await db.Users.FirstAsync(u => u.Id == access.UserId, ct);
        if (!await users.CheckPasswordAsync(user, command.CurrentPassword))
        {
            // A wrong current password counts as a failed login: guessing it here locks the account like the login page.
            await users.AccessFailedAsync(user);
            throw Field("currentPassword", "The current password is wrong.", "Mật khẩu hiện tại không đúng.");
        }
        if (command.NewPassword == command.CurrentPassword)
            throw Field("newPassword", "Choose a password other than the current one.", "Hãy chọn mật khẩu khác mật khẩu hiện tại.");
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, command.NewPassword)).Errors.Select(e => e.Description));
        if (errors.Count > 0) throw new RequestValidationException(new Dictionary<string, string[]> { ["newPassword"] = errors.ToArray() });

        user.PasswordHash = users.PasswordHasher.HashPassword(user, command.NewPassword);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.MustChangePassword = false;
        user.AccessFailedCount = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.RefreshTokens.Where(t => t.UserId == user.Id && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, now), ct);
        return tokens.Issue(user, db);
    }

    private static RequestValidationException Field(string field, string en, string vi) =>
        new(new Dictionary<string, string[]> { [field] = [Localized.Text(en, vi)] });
}

internal sealed class ChangeMyPasswordEndpoint(IMediator mediator) : Endpoint<ChangeMyPassword, TokenResponse>
{
    public override void Configure()
    {
        Post(ChangeMyPassword.Route);
        Summary(s =>
        {
            s.Summary = "Change my password (also the way out of an administrator's reset); answers with a new session";
            s.Responses[400] = "Wrong current password, the same password again, or a weak new one: errors name the field.";
        });
    }

    public override async Task HandleAsync(ChangeMyPassword req, CancellationToken ct)
    {
        var issued = await mediator.Send(req, ct);
        await Send.OkAsync(req.UseCookie == true ? RefreshCookie.Deliver(HttpContext, issued) : issued, ct);
    }
}
