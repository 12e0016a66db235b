using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Plans;

/// <summary>A unit's implementation plan is addressed by its parent plan and its unit: there is at most one.</summary>
internal static class ImplementationPlanAccess
{
    public static string PathFor(Guid planId, Guid unitId) => $"/api/v1/organization/plans/{planId}/implementations/{unitId}";

    /// <summary>The unit's implementation plan for change, with its parent plan; 404 outside scope, 403 without the right.</summary>
    public static async Task<(ImplementationPlan Implementation, Plan Parent)> ForChangeAsync(OrganizationDbContext db, Guid planId, Guid unitId,
        CancellationToken ct)
    {
        var parent = await PlanVisibility.ReadableAsync(db, planId, ct);
        var implementation = await db.ImplementationPlans.Include(i => i.Revisions)
                                 .FirstOrDefaultAsync(i => i.PlanId == planId && i.UnitId == unitId, ct)
                             ?? throw new NotFoundException(Localized.Text("ImplementationPlan", "kế hoạch triển khai"), unitId);
        db.Access.Demand(Permission.PlansManage, unitId, Localized.Text("ImplementationPlan", "kế hoạch triển khai"), unitId);
        return (implementation, parent);
    }
}

/// <summary>A unit's implementation plan of a plan, with its revisions and files; 404 when the unit has none or is out of scope.</summary>
public sealed record GetImplementationPlan : IQuery<ImplementationPlanDetail>
{
    public const string Route = "/api/v1/organization/plans/{id}/implementations/{unitId}";
    public Guid Id { get; init; }
    public Guid UnitId { get; init; }
}

internal sealed class GetImplementationPlanHandler(OrganizationDbContext db) : IQueryHandler<GetImplementationPlan, ImplementationPlanDetail>
{
    public async ValueTask<ImplementationPlanDetail> Handle(GetImplementationPlan query, CancellationToken ct)
    {
        var parent = await PlanVisibility.Readable(db).AsNoTracking().Where(p => p.Id == query.Id)
                         .Select(p => new { p.Number, p.ImplementationDeadline }).FirstOrDefaultAsync(ct)
                     ?? throw new NotFoundException(Localized.Text("Plan", "kế hoạch"), query.Id);
        var deadline = parent.ImplementationDeadline;
        return await db.ImplementationPlans.AsNoTracking().Where(i => i.PlanId == query.Id && i.UnitId == query.UnitId)
                   .Select(i => new ImplementationPlanDetail(i.Id, i.PlanId, parent.Number, deadline, i.UnitId,
                       db.Units.Where(u => u.Id == i.UnitId).Select(u => u.Name).First(),
                       i.Status,
                       i.Status == ImplementationPlanStatus.Draft ? ComplianceStatus.Draft
                           : i.FirstIssuedOn <= deadline ? ComplianceStatus.IssuedOnTime : ComplianceStatus.IssuedLate,
                       i.Title, i.Number, i.IssuedOn, i.FirstIssuedOn, i.Note, i.RevisionNo,
                       i.Revisions.OrderByDescending(r => r.RevisionNo)
                           .Select(r => new ImplementationRevisionView(r.RevisionNo, r.Number, r.IssuedOn, r.Title, r.Note, r.ChangedBy, r.ChangedAtUtc)).ToList(),
                       i.Attachments.OrderByDescending(a => a.RevisionNo).ThenBy(a => a.File.UploadedAtUtc)
                           .Select(a => new ImplementationAttachmentView(a.Id, a.RevisionNo, a.File.FileName, a.File.ContentType, a.File.Size, a.File.UploadedAtUtc, a.File.UploadedBy)).ToList(),
                       i.Version, i.CreatedAtUtc, i.UpdatedAtUtc))
                   .AsSplitQuery()
                   .FirstOrDefaultAsync(ct)
               ?? throw new NotFoundException(Localized.Text("ImplementationPlan", "kế hoạch triển khai"), query.UnitId);
    }
}

internal sealed class GetImplementationPlanEndpoint(IMediator mediator) : Endpoint<GetImplementationPlan, ImplementationPlanDetail>
{
    public override void Configure()
    {
        Get(GetImplementationPlan.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "Get a unit's implementation plan of a plan, with its revisions and files");
    }

    public override async Task HandleAsync(GetImplementationPlan req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

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

internal sealed class UpdateImplementationPlanEndpoint(IMediator mediator) : Endpoint<UpdateImplementationPlan, ImplementationPlanDetail>
{
    public override void Configure()
    {
        Put(UpdateImplementationPlan.Route);
        Policies(Permission.PlansManage);
        Summary(s => s.Summary = "Edit a draft implementation plan (If-Match required; 412 when stale, 409 once issued)");
    }

    public override async Task HandleAsync(UpdateImplementationPlan req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetImplementationPlan { Id = req.Id, UnitId = req.UnitId }, ct), ct);
    }
}

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

/// <summary>Re-issues an issued implementation plan with a new number and date; the earlier issues stay in its history.</summary>
public sealed record ReviseImplementationPlan : IssueFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/plans/{id}/implementations/{unitId}/revise";
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

internal sealed class ReviseImplementationPlanValidator : AbstractValidator<ReviseImplementationPlan>
{
    public ReviseImplementationPlanValidator() => this.AddIssueRules();
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

internal sealed class ReviseImplementationPlanHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<ReviseImplementationPlan, Guid>
{
    public async ValueTask<Guid> Handle(ReviseImplementationPlan command, CancellationToken ct)
    {
        var (implementation, parent) = await ImplementationPlanAccess.ForChangeAsync(db, command.Id, command.UnitId, ct);
        implementation.Revise(command.ToDetails(), parent, VietnamTime.Today(clock), db.Access.Email, clock.GetUtcNow().UtcDateTime);
        return implementation.Id;
    }
}

internal sealed class IssueImplementationPlanEndpoint(IMediator mediator) : Endpoint<IssueImplementationPlan, ImplementationPlanDetail>
{
    public override void Configure()
    {
        Post(IssueImplementationPlan.Route);
        Policies(Permission.PlansManage);
        Summary(s => s.Summary = "Issue a draft implementation plan with its number and date (409 unless a draft)");
    }

    public override async Task HandleAsync(IssueImplementationPlan req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetImplementationPlan { Id = req.Id, UnitId = req.UnitId }, ct), ct);
    }
}

internal sealed class ReviseImplementationPlanEndpoint(IMediator mediator) : Endpoint<ReviseImplementationPlan, ImplementationPlanDetail>
{
    public override void Configure()
    {
        Post(ReviseImplementationPlan.Route);
        Policies(Permission.PlansManage);
        Summary(s => s.Summary = "Revise an issued implementation plan: re-issue it with a new number and date (409 unless issued)");
    }

    public override async Task HandleAsync(ReviseImplementationPlan req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetImplementationPlan { Id = req.Id, UnitId = req.UnitId }, ct), ct);
    }
}
