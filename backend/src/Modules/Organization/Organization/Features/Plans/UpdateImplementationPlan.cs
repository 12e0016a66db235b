using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Plans;

/// <summary>Edits a draft implementation plan (an issued one changes by a revision: 409); needs If-Match.</summary>
public sealed record UpdateImplementationPlan : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/plans/{id}/implementations/{unitId}";
    public Guid Id { get; init; }
    public Guid UnitId { get; init; }
    public string Title { get; init; } = "";
    public string? Note { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateImplementationPlanValidator : AbstractValidator<UpdateImplementationPlan>
{
    public UpdateImplementationPlanValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(500);
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}

internal sealed class UpdateImplementationPlanHandler(OrganizationDbContext db) : Mediator.ICommandHandler<UpdateImplementationPlan, Guid>
{
    public async ValueTask<Guid> Handle(UpdateImplementationPlan command, CancellationToken ct)
    {
        var (implementation, _) = await ImplementationPlanAccess.ForChangeAsync(db, command.Id, command.UnitId, ct);
        Concurrency.GuardUpdate(db, implementation, command.IfMatch);
        implementation.EditDraft(command.Title, command.Note);
        return implementation.Id;
    }
}

internal sealed class UpdateImplementationPlanEndpoint(IMediator mediator) : ChangedEndpoint<UpdateImplementationPlan, ImplementationPlanDetail>(mediator)
{
    public override void Configure()
    {
        Put(UpdateImplementationPlan.Route);
        Policies(Permission.PlansManage);
        Summary(s => s.Summary = "Edit a draft implementation plan (If-Match required; 412 when stale, 409 once issued)");
    }

    protected override IQuery<ImplementationPlanDetail> ReadBack(UpdateImplementationPlan req) => new GetImplementationPlan { Id = req.Id, UnitId = req.UnitId };
}
