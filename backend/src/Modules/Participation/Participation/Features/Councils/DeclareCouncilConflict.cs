using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Councils;

/// <summary>
/// A member declares a conflict of interest on an item (a relative of an author, a competing solution…): they are
/// excluded from scoring it (409 <c>coi_declared</c> afterwards). Refused once they have scored it or the council is closed.
/// </summary>
public sealed record DeclareCouncilConflict : Mediator.ICommand
{
    public const string Route = "/api/v1/participation/councils/{id}/items/{itemId}/conflict";
    public Guid Id { get; init; }
    public Guid ItemId { get; init; }
    public string Reason { get; init; } = "";
}

internal sealed class DeclareCouncilConflictValidator : AbstractValidator<DeclareCouncilConflict>
{
    public DeclareCouncilConflictValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Say what the conflict is.", "Hãy nêu nội dung xung đột lợi ích.").MaximumLength(1000);
}

internal sealed class DeclareCouncilConflictHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock) : Mediator.ICommandHandler<DeclareCouncilConflict>
{
    public async ValueTask<Unit> Handle(DeclareCouncilConflict command, CancellationToken ct)
    {
        await Concurrency.RetryAsync(db, async () =>
        {
            var council = await access.CouncilAsync(command.Id, ct);
            var seat = access.SeatOn(council) ?? throw new ForbiddenException(Localized.Text("Only the council's members declare conflicts.", "Chỉ thành viên Hội đồng khai báo xung đột lợi ích."));
            council.DeclareConflict(seat, council.ItemOf(command.ItemId), command.Reason, clock.GetUtcNow().UtcDateTime);
            db.Touch(council);
            return true;
        }, ScoreCouncilItemHandler.Busy, ct);
        return Unit.Value;
    }
}

internal sealed class DeclareCouncilConflictEndpoint(IMediator mediator) : ChangedEndpoint<DeclareCouncilConflict, CouncilDetail>(mediator)
{
    public override void Configure()
    {
        Post(DeclareCouncilConflict.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "Declare a conflict of interest on an item: the caller no longer scores it (409 council_closed, council_already_scored)");
    }

    protected override IQuery<CouncilDetail> ReadBack(DeclareCouncilConflict command) => new GetCouncil { Id = command.Id };
}
