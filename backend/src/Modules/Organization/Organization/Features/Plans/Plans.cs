using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
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

/// <summary>
/// Plans apply downwards: a user reads the plans issued by the units in scope and by the units above them (a district
/// reads the provincial plan it implements), and changes only those issued by units their rights cover.
/// </summary>
internal static class PlanVisibility
{
    public static IQueryable<Plan> Readable(OrganizationDbContext db) => db.ReadableDownwards<Plan>();

    public static async Task<Plan> ReadableAsync(OrganizationDbContext db, Guid id, CancellationToken ct) =>
        await Readable(db).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Plan", "kế hoạch"), id);

    public static async Task<Plan> ForChangeAsync(OrganizationDbContext db, Guid id, CancellationToken ct)
    {
        var plan = await Readable(db).Include(p => p.Sections).ThenInclude(s => s.Tasks).Include(p => p.Indicators)
                       .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct)
                   ?? throw new NotFoundException(Localized.Text("Plan", "kế hoạch"), id);
        if (!db.Access.Can(Permission.PlansManage, plan.UnitId)) throw new ForbiddenException();
        return plan;
    }
}

/// <summary>The plans issued by the caller's units and the units above them, newest first, searchable without diacritics.</summary>
public sealed class ListPlans : IQuery<PagedResult<PlanListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/organization/plans";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>issuedOn (default: newest first), number or title; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the number, title, issuer, implemented document or summary (case and diacritics ignored).</summary>
    public string? Q { get; init; }
}

internal sealed class ListPlansValidator : AbstractValidator<ListPlans>
{
    public ListPlansValidator() => this.AddPagingRules("issuedOn", "number", "title");
}

internal sealed class ListPlansHandler(OrganizationDbContext db) : IQueryHandler<ListPlans, PagedResult<PlanListItem>>
{
    public async ValueTask<PagedResult<PlanListItem>> Handle(ListPlans query, CancellationToken ct)
    {
        var plans = PlanVisibility.Readable(db).AsNoTracking().WhereMatches(query.Q, p => p.SearchText);
        var desc = query.Descending();
        plans = query.SortField() switch
        {
            "number" => desc ? plans.OrderByDescending(p => p.Number) : plans.OrderBy(p => p.Number),
            "title" => desc ? plans.OrderByDescending(p => p.Title) : plans.OrderBy(p => p.Title),
            "issuedon" when !desc => plans.OrderBy(p => p.IssuedOn).ThenBy(p => p.Number),
            _ => plans.OrderByDescending(p => p.IssuedOn).ThenBy(p => p.Number),
        };
        return await plans
            .Select(p => new PlanListItem(p.Id, p.UnitId, p.Number, p.Title, p.IssuerName, p.IssuedOn, p.PeriodFrom, p.PeriodTo, p.ImplementationDeadline))
            .ToPageAsync(query, ct);
    }
}

internal sealed class ListPlansEndpoint(IMediator mediator) : Endpoint<ListPlans, PagedResult<PlanListItem>>
{
    public override void Configure()
    {
        Get(ListPlans.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "List the plans of the caller's units and of the units above them");
    }

    public override async Task HandleAsync(ListPlans req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

/// <summary>One plan with its sections, tasks and indicators; 404 when neither issued in nor above the caller's scope.</summary>
public sealed record GetPlan : IQuery<PlanDetail>
{
    public const string Route = "/api/v1/organization/plans/{id}";
    public static string For(Guid id) => $"/api/v1/organization/plans/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetPlanHandler(OrganizationDbContext db) : IQueryHandler<GetPlan, PlanDetail>
{
    public async ValueTask<PlanDetail> Handle(GetPlan query, CancellationToken ct) =>
        await PlanVisibility.Readable(db).AsNoTracking().Where(p => p.Id == query.Id)
            .Select(p => new PlanDetail(p.Id, p.UnitId, p.Number, p.Title, p.IssuerName, p.IssuedOn, p.PeriodFrom, p.PeriodTo, p.Implements,
                p.ImplementationDeadline, p.Summary,
                p.Sections.OrderBy(s => s.Order).Select(s => new PlanSectionView(s.Code, s.Title,
                    s.Tasks.OrderBy(t => t.Order).Select(t => new PlanTaskView(t.Code, t.Text, t.ResponsibleBoard, t.Due)).ToList())).ToList(),
                p.Indicators.OrderBy(i => i.Order).Select(i => new PlanIndicatorView(i.Code, i.Name, i.UnitOfMeasure, i.Target, i.Note)).ToList(),
                p.Version, p.CreatedAtUtc, p.UpdatedAtUtc))
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException(Localized.Text("Plan", "kế hoạch"), query.Id);
}

internal sealed class GetPlanEndpoint(IMediator mediator) : Endpoint<GetPlan, PlanDetail>
{
    public override void Configure()
    {
        Get(GetPlan.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "Get a plan with its sections, tasks and indicators");
    }

    public override async Task HandleAsync(GetPlan req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

/// <summary>Issues a plan of a unit in the caller's scope; the units below it are then expected to implement it.</summary>
public sealed record CreatePlan : PlanFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/plans";
    /// <summary>The issuing unit.</summary>
    public Guid UnitId { get; init; }
}

internal sealed class CreatePlanValidator : AbstractValidator<CreatePlan>
{
    public CreatePlanValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        this.AddPlanRules();
    }
}

internal sealed class CreatePlanHandler(OrganizationDbContext db) : Mediator.ICommandHandler<CreatePlan, Guid>
{
    public async ValueTask<Guid> Handle(CreatePlan command, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == command.UnitId, ct)) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), command.UnitId);
        db.Access.Demand(Permission.PlansManage, command.UnitId, Localized.Text("Unit", "đơn vị"), command.UnitId);
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
    public UpdatePlanValidator() => this.AddPlanRules();
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

internal sealed class UpdatePlanEndpoint(IMediator mediator) : Endpoint<UpdatePlan, PlanDetail>
{
    public override void Configure()
    {
        Put(UpdatePlan.Route);
        Policies(Permission.PlansManage);
        Summary(s => s.Summary = "Update a plan (If-Match required; 412 when stale)");
    }

    public override async Task HandleAsync(UpdatePlan req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetPlan { Id = id }, ct), ct);
    }
}
