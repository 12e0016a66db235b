using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Plans;

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
                p.Indicators.OrderBy(i => i.Order).Select(i => new PlanIndicatorView(i.Code, i.Name, i.UnitOfMeasure, i.Target, i.Note, i.Source)).ToList(),
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
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "Get a plan with its sections, tasks and indicators");
    }

    public override async Task HandleAsync(GetPlan req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
