using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.Platform.Auth;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Auth;

/// <summary>Trades a refresh token for new tokens. Each refresh token works once; replaying a used one ends the session.</summary>
public sealed record Refresh : Mediator.ICommand<TokenResponse>
{
    public const string Route = "/api/v1/auth/refresh";
    public string RefreshToken { get; init; } = "";
}

internal sealed class RefreshValidator : AbstractValidator<Refresh>
{
    public RefreshValidator() => RuleFor(x => x.RefreshToken).NotEmpty().MaximumLength(200);
}

internal sealed class RefreshHandler(PlatformDbContext db, TokenService tokens, TimeProvider clock) : Mediator.ICommandHandler<Refresh, TokenResponse>
{
    public async ValueTask<TokenResponse> Handle(Refresh command, CancellationToken ct)
    {
        var hash = TokenService.Hash(command.RefreshToken);
        var token = await db.RefreshTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, ct) ?? throw Invalid();
        var now = clock.GetUtcNow().UtcDateTime;
        if (token.RevokedAtUtc is not null)
        {
            // A rotated token came back: someone holds a copy. End the whole session.
            await db.RefreshTokens.Where(t => t.FamilyId == token.FamilyId && t.RevokedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, now), ct);
            throw Invalid();
        }
        if (token.ExpiresAtUtc <= now) throw Invalid();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == token.UserId, ct);
        if (user is null || user.IsDisabled) throw Invalid();
        return tokens.Issue(user, db, token.FamilyId, token);
    }

    private static ApiProblemException Invalid() =>
        new(401, "invalid_refresh_token", Localized.Text("Session expired.", "Phiên đăng nhập đã hết hạn."),
            Localized.Text("The refresh token is invalid, expired or already used. Log in again.",
                "Mã làm mới phiên không hợp lệ, đã hết hạn hoặc đã được dùng. Hãy đăng nhập lại."));
}

internal sealed class RefreshEndpoint(IMediator mediator) : Endpoint<Refresh, TokenResponse>
{
    public override void Configure()
    {
        Post(Refresh.Route);
        AllowAnonymous();
        Summary(s =>
        {
            s.Summary = "Exchange a refresh token for new tokens (rotation)";
            s.Responses[401] = "The refresh token is invalid, expired or already used (code invalid_refresh_token).";
        });
    }

    public override async Task HandleAsync(Refresh req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
