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

/// <summary>
/// Issues the draft (number and date required; the date not in the future nor before the parent plan), or, with
/// a revision, re-issues an issued plan as a new revision with a new number and date.
/// </summary>
public abstract record IssueFields
{
    public Guid Id { get; init; }
    public Guid UnitId { get; init; }
    /// <summary>Number and symbol of the unit's plan, e.g. "12/KH-LĐLĐ".</summary>
    public string Number { get; init; } = "";
    public DateOnly IssuedOn { get; init; }
    /// <summary>The title as issued (defaults to the draft's).</summary>
    public string? Title { get; init; }
    /// <summary>What this issue or revision changed.</summary>
    public string? Note { get; init; }

    internal IssueDetails ToDetails() => new(Number, IssuedOn, Title, Note);
}

/// <summary>Issues a draft implementation plan as revision 1 (409 unless it is a draft).</summary>
public sealed record IssueImplementationPlan : IssueFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/plans/{id}/implementations/{unitId}/issue";
}

internal static class IssueRules
{
    public static void AddIssueRules<T>(this AbstractValidator<T> v) where T : IssueFields
    {
        v.RuleFor(x => x.Number).NotEmpty().MaximumLength(100);
        v.RuleFor(x => x.IssuedOn).NotEmpty();
        v.RuleFor(x => x.Title).MaximumLength(500);
        v.RuleFor(x => x.Note).MaximumLength(2000);
    }
}

internal sealed class IssueImplementationPlanValidator : AbstractValidator<IssueImplementationPlan>
{
    public IssueImplementationPlanValidator() => this.AddIssueRules();
}

internal sealed class IssueImplementationPlanHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<IssueImplementationPlan, Guid>
{
    public async ValueTask<Guid> Handle(IssueImplementationPlan command, CancellationToken ct)
    {
        var (implementation, parent) = await ImplementationPlanAccess.ForChangeAsync(db, command.Id, command.UnitId, ct);
        implementation.Issue(command.ToDetails(), parent, VietnamTime.Today(clock), db.Access.Email, clock.GetUtcNow().UtcDateTime);
        return implementation.Id;
    }
}

internal sealed class IssueImplementationPlanEndpoint(IMediator mediator) : ChangedEndpoint<IssueImplementationPlan, ImplementationPlanDetail>(mediator)
{
    public override void Configure()
    {
        Post(IssueImplementationPlan.Route);
        Policies(Permission.PlansManage);
        Summary(s => s.Summary = "Issue a draft implementation plan with its number and date (409 unless a draft)");
    }

    protected override IQuery<ImplementationPlanDetail> ReadBack(IssueImplementationPlan req) => new GetImplementationPlan { Id = req.Id, UnitId = req.UnitId };
}
