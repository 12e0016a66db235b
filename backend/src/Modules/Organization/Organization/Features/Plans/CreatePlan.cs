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

/// <summary>Issues a plan of a unit in the caller's scope; the units below it are then expected to implement it.</summary>
public sealed record CreatePlan : PlanFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/plans";
    /// <summary>The issuing unit.</summary>
    public Guid UnitId { get; init; }
}

internal sealed class CreatePlanValidator : AbstractValidator<CreatePlan>
{
    public CreatePlanValidator(Integrations.ReportPrefill prefill)
    {
        RuleFor(x => x.UnitId).NotEmpty();
        this.AddPlanRules(prefill);
    }
}

internal sealed class CreatePlanHandler(OrganizationDbContext db) : Mediator.ICommandHandler<CreatePlan, Guid>
{
    public async ValueTask<Guid> Handle(CreatePlan command, CancellationToken ct)
    {
        await UnitAccess.DemandAsync(db, Permission.PlansManage, command.UnitId, ct);
        var plan = Plan.Create(command.UnitId, command.ToDetails());
        db.Plans.Add(plan);
        return plan.Id;
    }
}

internal sealed class CreatePlanEndpoint(IMediator mediator) : CreatedEndpoint<CreatePlan, PlanDetail>(mediator)
{
    public override void Configure()
    {
        Post(CreatePlan.Route);
        Policies(Permission.PlansManage);
        Summary(s =>
        {
            s.Summary = "Record a plan with its sections, tasks and indicators (honours Idempotency-Key)";
            s.Response<PlanDetail>(201, "The plan, recorded.");
        });
    }

    protected override IQuery<PlanDetail> ReadBack(CreatePlan command, Guid id) => new GetPlan { Id = id };
    protected override string Location(CreatePlan command, Guid id) => GetPlan.For(id);
}
