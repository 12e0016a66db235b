using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Plans;

/// <summary>Re-issues an issued implementation plan with a new number and date; the earlier issues stay in its history.</summary>
public sealed record ReviseImplementationPlan : IssueFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/plans/{id}/implementations/{unitId}/revise";
}

internal sealed class ReviseImplementationPlanValidator : AbstractValidator<ReviseImplementationPlan>
{
    public ReviseImplementationPlanValidator() => this.AddIssueRules();
}

internal sealed class ReviseImplementationPlanHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<ReviseImplementationPlan, Guid>
{
    public async ValueTask<Guid> Handle(ReviseImplementationPlan command, CancellationToken ct)
    {
        var (implementation, parent) = await ImplementationPlanAccess.ForChangeAsync(db, command.Id, command.UnitId, ct);
        implementation.Revise(command.ToDetails(), parent, VietnamTime.Today(clock), db.Access.Email, clock.GetUtcNow().UtcDateTime);
        return implementation.Id;
    }
}

internal sealed class ReviseImplementationPlanEndpoint(IMediator mediator) : ChangedEndpoint<ReviseImplementationPlan, ImplementationPlanDetail>(mediator)
{
    public override void Configure()
    {
        Post(ReviseImplementationPlan.Route);
        Policies(Permission.PlansManage);
        Summary(s => s.Summary = "Revise an issued implementation plan: re-issue it with a new number and date (409 unless issued)");
    }

    protected override IQuery<ImplementationPlanDetail> ReadBack(ReviseImplementationPlan req) => new GetImplementationPlan { Id = req.Id, UnitId = req.UnitId };
}
