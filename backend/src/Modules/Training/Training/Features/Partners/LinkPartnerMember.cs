using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

/// <summary>
/// Links a user to a partner agency by their sign-in e-mail: what makes the agency's courses "theirs" (ADR 0008).
/// 422 when no active user has this e-mail or the user does not hold the <c>partner</c> role; 409 when the user
/// already works for another agency.
/// </summary>
public sealed record LinkPartnerMember : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/partners/{id}/members";
    public Guid Id { get; init; }
    public string Email { get; init; } = "";
}

internal sealed class LinkPartnerMemberValidator : AbstractValidator<LinkPartnerMember>
{
    public LinkPartnerMemberValidator() => RuleFor(x => x.Email).NotEmpty().EmailAddress().MaximumLength(256);
}

internal sealed class LinkPartnerMemberHandler(TrainingDbContext db, IUserDirectory users, TimeProvider clock)
    : Mediator.ICommandHandler<LinkPartnerMember, Guid>
{
    public async ValueTask<Guid> Handle(LinkPartnerMember command, CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == command.Id, ct) ?? throw new NotFoundException(Localized.Text("Partner", "cơ quan đối tác"), command.Id);
        var user = await users.FindActiveByEmailAsync(command.Email, ct)
                   ?? throw Unprocessable("unknown_user", Localized.Text("No active user signs in with this e-mail.",
                       "Không có người dùng đang hoạt động nào đăng nhập bằng e-mail này."));
        if (!user.Grants.Any(g => Roles.IsAgencyScoped(g.Role)))
            throw Unprocessable("not_partner_user", Localized.Text("This user does not hold the partner role: an administrator grants it first.",
                "Người dùng này chưa có vai trò đối tác: quản trị viên cần cấp vai trò trước."));
        var current = await db.PartnerMembers.FirstOrDefaultAsync(m => m.UserId == user.UserId, ct);
        if (current is not null)
        {
            if (current.PartnerId == partner.Id) return partner.Id;
            throw new BusinessRuleException("partner_member_elsewhere", Localized.Text("This user already works for another partner agency: unlink them there first.",
                "Người dùng này đang thuộc một cơ quan đối tác khác: hãy gỡ liên kết ở đó trước."));
        }
        db.PartnerMembers.Add(new PartnerMember
        {
            PartnerId = partner.Id, UserId = user.UserId, FullName = user.FullName, Email = user.Email,
            AddedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        return partner.Id;
    }

    private static ApiProblemException Unprocessable(string code, string detail) =>
        new(422, code, Localized.Text("The user cannot be linked.", "Không thể liên kết người dùng."), detail,
            new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["email"] = [detail] } });
}

internal sealed class LinkPartnerMemberEndpoint(IMediator mediator) : ChangedEndpoint<LinkPartnerMember, PartnerDetail>(mediator)
{
    public override void Configure()
    {
        Post(LinkPartnerMember.Route);
        Policies(Permission.CoursesManage);
        Summary(s =>
        {
            s.Summary = "Link a user (role partner) to the agency by e-mail; 422 unknown or not a partner user, 409 linked elsewhere";
            s.Response<PartnerDetail>(200, "The partner agency with its staff.");
        });
    }

    protected override IQuery<PartnerDetail> ReadBack(LinkPartnerMember command) => new GetPartner { Id = command.Id };
}
