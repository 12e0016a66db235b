using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using FastEndpoints;
using FluentValidation;
using Khcn.Platform.Auth;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Auth;

/// <summary>
/// Revokes the session the refresh token belongs to and clears the refresh cookie. Unknown or missing tokens are
/// ignored (nothing to reveal).
/// </summary>
public sealed record Logout : Mediator.ICommand
{
    public const string Route = "/api/v1/auth/logout";
    /// <summary>The refresh token; omit it to end the session of the refresh cookie (browsers).</summary>
    public string? RefreshToken { get; init; }
}

internal sealed class LogoutValidator : AbstractValidator<Logout>
{
    public LogoutValidator() => RuleFor(x => x.RefreshToken).MaximumLength(200);
}

internal sealed class LogoutHandler(PlatformDbContext db, TimeProvider clock) : Mediator.ICommandHandler<Logout>
{
    public async ValueTask<Unit> Handle(Logout command, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(command.RefreshToken)) return Unit.Value;
        var hash = TokenService.Hash(command.RefreshToken);
        var family = await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => (Guid?)t.FamilyId).FirstOrDefaultAsync(ct);
        if (family is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.RefreshTokens.Where(t => t.FamilyId == family && t.RevokedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, now), ct);
        }
        return Unit.Value;
    }
}

internal sealed class LogoutEndpoint(IMediator mediator) : Endpoint<Logout>
{
    public override void Configure()
    {
        Post(Logout.Route);
        AllowAnonymous();
        Description(d => d.Produces(204));
        Summary(s => s.Summary = "Log out: revoke the refresh token's session");
    }

    public override async Task HandleAsync(Logout req, CancellationToken ct)
    {
        var cookie = string.IsNullOrEmpty(req.RefreshToken) ? RefreshCookie.Read(HttpContext) : null;
        await mediator.Send(cookie is null ? req : req with { RefreshToken = cookie }, ct);
        RefreshCookie.Clear(HttpContext);
        await Send.NoContentAsync(ct);
    }
}
