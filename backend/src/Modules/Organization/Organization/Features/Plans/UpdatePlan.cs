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

/// <summary>Replaces a plan's content (header, sections, indicators); needs If-Match with the ETag of the last read.</summary>
public sealed record UpdatePlan : PlanFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/plans/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdatePlanValidator : AbstractValidator<UpdatePlan>
{
    public UpdatePlanValidator(Integrations.ReportPrefill prefill) => this.AddPlanRules(prefill);
}

internal sealed class UpdatePlanHandler(OrganizationDbContext db) : Mediator.ICommandHandler<UpdatePlan, Guid>
{
    public async ValueTask<Guid> Handle(UpdatePlan command, CancellationToken ct)
    {
        var plan = await PlanVisibility.ForChangeAsync(db, command.Id, ct);
        Concurrency.GuardUpdate(db, plan, command.IfMatch);
        plan.Update(command.ToDetails());
        // The children are replaced, not edited: the plan itself must still count as changed (version, audit).
        db.Entry(plan).State = EntityState.Modified;
        return plan.Id;
    }
}

internal sealed class UpdatePlanEndpoint(IMediator mediator) : ChangedEndpoint<UpdatePlan, PlanDetail>(mediator)
{
    public override void Configure()
    {
        Put(UpdatePlan.Route);
        Policies(Permission.PlansManage);
        Summary(s => s.Summary = "Update a plan (If-Match required; 412 when stale)");
    }

    protected override IQuery<PlanDetail> ReadBack(UpdatePlan command) => new GetPlan { Id = command.Id };
}
