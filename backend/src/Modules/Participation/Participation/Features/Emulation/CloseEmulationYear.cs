using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Emulation;

/// <summary>
/// The launching unit closes a year of its movement (If-Match on the movement): the ranking becomes final and every
/// later change to that year's registrations, scores, reviews — and to the clusters of the year formed by the same
/// unit — answers 409 <c>emulation_year_closed</c>.
/// </summary>
public sealed record CloseEmulationYear : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/emulation/movements/{id}/years/{year}/close";
    public Guid Id { get; init; }
    public int Year { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class CloseEmulationYearValidator : AbstractValidator<CloseEmulationYear>
{
    public CloseEmulationYearValidator() => RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
}

internal sealed class CloseEmulationYearHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock) : Mediator.ICommandHandler<CloseEmulationYear, Guid>
{
    public async ValueTask<Guid> Handle(CloseEmulationYear command, CancellationToken ct)
    {
        var movement = await access.MovementAsync(command.Id, ct);
        if (!access.MayManageEmulation(movement.UnitId)) throw new ForbiddenException();
        Concurrency.GuardUpdate(db, movement, command.IfMatch);
        movement.CloseYear(command.Year, access.Actor, clock.GetUtcNow().UtcDateTime);
        db.Entry(movement).State = EntityState.Modified;
        return movement.Id;
    }
}

internal sealed class CloseEmulationYearEndpoint(IMediator mediator) : ChangedEndpoint<CloseEmulationYear, MovementDetail>(mediator)
{
    public override void Configure()
    {
        Post(CloseEmulationYear.Route);
        Policies(Permission.EmulationManage);
        Summary(s => s.Summary = "Close a year of a movement: the ranking becomes final, the year's records are locked (If-Match; 409 emulation_year_closed, movement_not_running)");
    }

    protected override IQuery<MovementDetail> ReadBack(CloseEmulationYear command) => new GetMovement { Id = command.Id };
}
