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
/// A member of an emulation council (Hội đồng Thi đua – Khen thưởng) votes on one commendation proposal, once:
/// agree (đồng ý) or not (không đồng ý), with an optional comment. Refused for a nominee of the proposal (409
/// <c>coi_nominee_member</c>: they declare the conflict instead), a member who declared a conflict (409 <c>coi_declared</c>),
/// a second vote (409 <c>council_already_scored</c>), after closing (409 <c>council_closed</c>), on a council that scores
/// criteria (409 <c>council_scores_criteria</c>), and for anyone not on the council (403; 404 when they do not see it).
/// Touches the council so that a vote racing the closing either counts or is refused.
/// </summary>
public sealed record VoteOnCouncilItem : Mediator.ICommand
{
    public const string Route = "/api/v1/participation/councils/{id}/items/{itemId}/vote";
    public Guid Id { get; init; }
    public Guid ItemId { get; init; }
    /// <summary>True: đồng ý (agrees to commend); false: không đồng ý.</summary>
    public bool Agree { get; init; }
    public string? Comment { get; init; }
}

internal sealed class VoteOnCouncilItemValidator : AbstractValidator<VoteOnCouncilItem>
{
    public VoteOnCouncilItemValidator() => RuleFor(x => x.Comment).MaximumLength(2000);
}

internal sealed class VoteOnCouncilItemHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock) : Mediator.ICommandHandler<VoteOnCouncilItem>
{
    public async ValueTask<Unit> Handle(VoteOnCouncilItem command, CancellationToken ct)
    {
        await Concurrency.RetryAsync(db, async () =>
        {
            var council = await access.CouncilAsync(command.Id, ct);
            var seat = access.SeatOn(council) ?? throw new ForbiddenException(Localized.Text("Only the council's members vote.", "Chỉ thành viên Hội đồng được biểu quyết."));
            var item = council.ItemOf(command.ItemId);
            var (nominees, _) = await CouncilItems.AuthorsAndJudgingAsync(db, council, item, ct);
            council.Vote(seat, item, nominees, command.Agree, command.Comment, clock.GetUtcNow().UtcDateTime);
            db.Touch(council);
            return true;
        }, ScoreCouncilItemHandler.Busy, ct);
        return Unit.Value;
    }
}

internal sealed class VoteOnCouncilItemEndpoint(IMediator mediator) : ChangedEndpoint<VoteOnCouncilItem, CouncilDetail>(mediator)
{
    public override void Configure()
    {
        Put(VoteOnCouncilItem.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "Vote on a commendation proposal as a member of the emulation council: agree or not, once (409 coi_nominee_member, coi_declared, council_already_scored, council_closed, council_scores_criteria)");
    }

    protected override IQuery<CouncilDetail> ReadBack(VoteOnCouncilItem command) => new GetCouncil { Id = command.Id };
}
