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

/// <summary>Starts the draft of a unit's implementation plan; the unit must be active and strictly below the plan's issuing unit.</summary>
public sealed record StartImplementationPlan : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/plans/{id}/implementations";
    public Guid Id { get; init; }
    /// <summary>The unit implementing the plan.</summary>
    public Guid UnitId { get; init; }
    public string Title { get; init; } = "";
    public string? Note { get; init; }
}

internal sealed class StartImplementationPlanValidator : AbstractValidator<StartImplementationPlan>
{
    public StartImplementationPlanValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        RuleFor(x => x.Title).NotEmpty().MaximumLength(500);
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}

internal sealed class StartImplementationPlanHandler(OrganizationDbContext db) : Mediator.ICommandHandler<StartImplementationPlan, Guid>
{
    public async ValueTask<Guid> Handle(StartImplementationPlan command, CancellationToken ct)
    {
        var plan = await PlanVisibility.ReadableAsync(db, command.Id, ct);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == command.UnitId, ct) ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), command.UnitId);
        db.Access.Demand(Permission.PlansManage, unit.Id, Localized.Text("Unit", "đơn vị"), unit.Id);
        var issuerPath = await db.PathOfAsync(plan.UnitId, ct);
        var draft = ImplementationPlan.StartDraft(plan, issuerPath, unit, command.Title, command.Note);
        if (await db.ImplementationPlans.AnyAsync(i => i.PlanId == plan.Id && i.UnitId == unit.Id, ct))
            throw new BusinessRuleException("implementation_plan_exists", Localized.Text("The unit already has its implementation plan of this plan.",
                "Đơn vị đã có kế hoạch triển khai của kế hoạch này."));
        db.ImplementationPlans.Add(draft);
        return unit.Id;
    }
}

internal sealed class StartImplementationPlanEndpoint(IMediator mediator) : CreatedEndpoint<StartImplementationPlan, ImplementationPlanDetail>(mediator)
{
    public override void Configure()
    {
        Post(StartImplementationPlan.Route);
        Policies(Permission.PlansManage);
        Summary(s =>
        {
            s.Summary = "Start a unit's implementation plan of a plan as a draft (honours Idempotency-Key)";
            s.Response<ImplementationPlanDetail>(201, "The draft.");
        });
    }

    protected override IQuery<ImplementationPlanDetail> ReadBack(StartImplementationPlan command, Guid id) => new GetImplementationPlan { Id = command.Id, UnitId = id };
    protected override string Location(StartImplementationPlan command, Guid id) => ImplementationPlanAccess.PathFor(command.Id, id);
}
