using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>Drafts an application for recognition of an initiative made in a unit of the caller's scope.</summary>
public sealed record CreateInitiative : InitiativeFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/initiatives";
    /// <summary>The unit where the initiative was made and applied (it recognises it).</summary>
    public Guid UnitId { get; init; }
}

internal sealed class CreateInitiativeValidator : AbstractValidator<CreateInitiative>
{
    public CreateInitiativeValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        this.AddInitiativeRules();
    }
}

internal sealed class CreateInitiativeHandler(ParticipationDbContext db, ParticipationAccess access) : Mediator.ICommandHandler<CreateInitiative, Guid>
{
    public ValueTask<Guid> Handle(CreateInitiative command, CancellationToken ct)
    {
        db.Access.Demand(Permission.InitiativesSubmit, command.UnitId, Localized.Text("Unit", "đơn vị"), command.UnitId);
        var initiative = Initiative.Draft(command.UnitId, command.ToDetails(), access.Actor, db.Access.Email);
        db.Initiatives.Add(initiative);
        return ValueTask.FromResult(initiative.Id);
    }
}

internal sealed class CreateInitiativeEndpoint(IMediator mediator) : CreatedEndpoint<CreateInitiative, InitiativeDetail>(mediator)
{
    public override void Configure()
    {
        Post(CreateInitiative.Route);
        Policies(Permission.InitiativesSubmit);
        Summary(s =>
        {
            s.Summary = "Draft an application for recognition of an initiative (honours Idempotency-Key)";
            s.Response<InitiativeDetail>(201, "The draft application.");
        });
    }

    protected override IQuery<InitiativeDetail> ReadBack(CreateInitiative command, Guid id) => new GetInitiative { Id = id };

    protected override string Location(CreateInitiative command, Guid id) => GetInitiative.For(id);
}
