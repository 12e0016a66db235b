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

/// <summary>
/// Rotation is one conditional update: the token is revoked only where it is still live, so of two refreshes with
/// the same token exactly one wins; the other meets a used token, which is reuse — the whole session ends. The
/// claim and the successor are written in one transaction, so the loser's revocation also reaches the winner's
/// successor (SQLite queues the writers; SQL Server's update waits for the winner's row lock).
/// </summary>
internal sealed class RefreshHandler(PlatformDbContext db, TokenService tokens, TimeProvider clock) : Mediator.ICommandHandler<Refresh, TokenResponse>
{
    public async ValueTask<TokenResponse> Handle(Refresh command, CancellationToken ct)
    {
        var hash = TokenService.Hash(command.RefreshToken);
        var token = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct) ?? throw Invalid();
        var now = clock.GetUtcNow().UtcDateTime;
        if (token.RevokedAtUtc is not null)
        {
            await EndSessionAsync(token.FamilyId, now, ct);
            throw Invalid();
        }
        if (token.ExpiresAtUtc <= now) throw Invalid();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == token.UserId, ct);
        if (user is null || user.IsDisabled) throw Invalid();

        var successor = Guid.CreateVersion7();
        var issued = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.RefreshTokens.Where(t => t.Id == token.Id && t.RevokedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, now).SetProperty(t => t.ReplacedById, successor), ct);
            if (claimed == 0)
            {
                // Another request rotated it first: a second holder of the same token is reuse.
                await EndSessionAsync(token.FamilyId, now, ct);
                await tx.CommitAsync(ct);
                return null;
            }
            var response = tokens.Issue(user, db, token.FamilyId, successor);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return response;
        });
        return issued ?? throw Invalid();
    }

    /// <summary>A rotated token came back: someone holds a copy. End the whole session.</summary>
    private Task<int> EndSessionAsync(Guid familyId, DateTime now, CancellationToken ct) =>
        db.RefreshTokens.Where(t => t.FamilyId == familyId && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, now), ct);

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
