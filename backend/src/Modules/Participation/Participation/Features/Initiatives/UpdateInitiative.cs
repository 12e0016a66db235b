using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>Changes a draft application; needs If-Match with the ETag of the last read (412 when stale).</summary>
public sealed record UpdateInitiative : InitiativeFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/initiatives/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateInitiativeValidator : AbstractValidator<UpdateInitiative>
{
    public UpdateInitiativeValidator() => this.AddInitiativeRules();
}

internal sealed class UpdateInitiativeHandler(ParticipationDbContext db, ParticipationAccess access) : Mediator.ICommandHandler<UpdateInitiative, Guid>
{
    public async ValueTask<Guid> Handle(UpdateInitiative command, CancellationToken ct)
    {
        var initiative = await access.ForFilingAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, initiative, command.IfMatch);
        initiative.Revise(command.ToDetails());
        // The authors are replaced row by row: mark the application changed too, so its version (the ETag) moves.
        db.Entry(initiative).State = EntityState.Modified;
        return initiative.Id;
    }
}

internal sealed class UpdateInitiativeEndpoint(IMediator mediator) : ChangedEndpoint<UpdateInitiative, InitiativeDetail>(mediator)
{
    public override void Configure()
    {
        Put(UpdateInitiative.Route);
        Policies(Permission.InitiativesSubmit);
        Summary(s => s.Summary = "Update a draft application (If-Match required; 412 when stale; 409 initiative_locked once submitted)");
    }

    protected override IQuery<InitiativeDetail> ReadBack(UpdateInitiative command) => new GetInitiative { Id = command.Id };
}
