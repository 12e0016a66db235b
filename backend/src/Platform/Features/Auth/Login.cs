using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.Platform.Auth;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Khcn.Platform.Features.Auth;

/// <summary>Exchanges e-mail and password for a short-lived access token and a rotating refresh token.</summary>
public sealed record Login : Mediator.ICommand<TokenResponse>
{
    public const string Route = "/api/v1/auth/login";
    public string Email { get; init; } = "";
    public string Password { get; init; } = "";
    /// <summary>
    /// Browsers: deliver the refresh token as an HttpOnly cookie for the auth endpoints instead of in the body
    /// (the answer's <c>refreshToken</c> is then null). API clients leave it out and keep the token themselves.
    /// </summary>
    public bool? UseCookie { get; init; }
}

internal sealed class LoginValidator : AbstractValidator<Login>
{
    public LoginValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(256);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(200);
    }
}

/// <summary>
/// An unknown e-mail, or a locked account, costs what a known one does: the password is checked against a dummy hash,
/// so the answer's timing does not tell which accounts exist or are locked.
/// </summary>
internal sealed class LoginHandler(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, PlatformDbContext db, TokenService tokens,
    LoginThrottle throttle, UnknownAccountLockout unknownAccounts, TimeProvider clock)
    : Mediator.ICommandHandler<Login, TokenResponse>
{
    private static string? _dummyHash;

    public async ValueTask<TokenResponse> Handle(Login command, CancellationToken ct)
    {
        throttle.Enter(command.Email);
        var user = await users.FindByEmailAsync(command.Email.Trim());
        if (user is null)
        {
            // #16: an unknown e-mail fails, and locks after as many failures, exactly as an account does.
            CheckAgainstDummy(command.Password);
            if ((unknownAccounts.LockedUntil(command.Email) ?? unknownAccounts.Failed(command.Email)) is { } until) throw Locked(until);
            throw InvalidCredentials();
        }
        if (await users.IsLockedOutAsync(user))
        {
            // #16: a locked account costs a password check too (without counting it as a failure), so the answer's
            // timing does not tell a locked account from one whose password was checked.
            CheckAgainstDummy(command.Password);
            throw Locked(user);
        }
        if (!await users.CheckPasswordAsync(user, command.Password))
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user)) throw Locked(user);
            throw InvalidCredentials();
        }
        if (user.IsDisabled)
            throw new ApiProblemException(403, "account_disabled", Localized.Text("Account disabled.", "Tài khoản đã bị vô hiệu hóa."),
                Localized.Text("This account has been disabled. Contact your administrator.", "Tài khoản này đã bị vô hiệu hóa. Hãy liên hệ quản trị viên hệ thống."));
        await users.ResetAccessFailedCountAsync(user);
        return tokens.Issue(user, db);
    }

    private void CheckAgainstDummy(string password)
    {
        var nobody = new AppUser();
        _dummyHash ??= hasher.HashPassword(nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(nobody, _dummyHash, password);
    }

    private static ApiProblemException InvalidCredentials() =>
        new(401, "invalid_credentials", Localized.Text("Login failed.", "Đăng nhập không thành công."),
            Localized.Text("The e-mail or password is wrong.", "E-mail hoặc mật khẩu không đúng."));

    private ApiProblemException Locked(AppUser user) => Locked(user.LockoutEnd?.UtcDateTime);

    private ApiProblemException Locked(DateTime? until)
    {
        var retry = until is null ? 60 : Math.Max(1, (int)Math.Ceiling((until.Value - clock.GetUtcNow().UtcDateTime).TotalSeconds));
        return new ApiProblemException(423, "account_locked", Localized.Text("Account locked.", "Tài khoản tạm thời bị khóa."),
            Localized.Text("Too many failed logins: the account is locked for a while.", "Đăng nhập sai quá nhiều lần: tài khoản bị khóa trong một thời gian."),
            new Dictionary<string, object?> { ["lockedUntil"] = until },
            new Dictionary<string, string> { ["Retry-After"] = retry.ToString() });
    }
}

internal sealed class LoginEndpoint(IMediator mediator) : Endpoint<Login, TokenResponse>
{
    public override void Configure()
    {
        Post(Login.Route);
        AllowAnonymous();
        Options(x => x.RequireRateLimiting(PlatformModule.LoginRateLimitPolicy));
        Summary(s =>
        {
            s.Summary = "Log in with e-mail and password";
            s.Responses[401] = "Wrong e-mail or password (code invalid_credentials).";
            s.Responses[403] = "The account is disabled (code account_disabled).";
            s.Responses[423] = "Too many failed logins: the account is locked until lockedUntil (code account_locked).";
        });
    }

    public override async Task HandleAsync(Login req, CancellationToken ct)
    {
        var tokens = await mediator.Send(req, ct);
        await Send.OkAsync(req.UseCookie == true ? RefreshCookie.Deliver(HttpContext, tokens) : tokens, ct);
    }
}
