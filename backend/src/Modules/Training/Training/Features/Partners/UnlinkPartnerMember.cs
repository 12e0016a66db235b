using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

/// <summary>Unlinks a user from the agency: they no longer see its courses.</summary>
public sealed record UnlinkPartnerMember : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/partners/{id}/members/{userId}";
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
}

internal sealed class UnlinkPartnerMemberHandler(TrainingDbContext db) : Mediator.ICommandHandler<UnlinkPartnerMember, Guid>
{
    public async ValueTask<Guid> Handle(UnlinkPartnerMember command, CancellationToken ct)
    {
        var member = await db.PartnerMembers.FirstOrDefaultAsync(m => m.PartnerId == command.Id && m.UserId == command.UserId, ct)
                     ?? throw new NotFoundException(Localized.Text("PartnerMember", "tài khoản của cơ quan đối tác"), command.UserId);
        db.PartnerMembers.Remove(member);
        return command.Id;
    }
}

internal sealed class UnlinkPartnerMemberEndpoint(IMediator mediator) : Endpoint<UnlinkPartnerMember>
{
    public override void Configure()
    {
        Delete(UnlinkPartnerMember.Route);
        Policies(Permission.CoursesManage);
        Summary(s =>
        {
            s.Summary = "Unlink a user from the partner agency";
            s.Response(204, "Unlinked.");
        });
    }

    public override async Task HandleAsync(UnlinkPartnerMember req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.NoContentAsync(ct);
    }
}
