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
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "Get a unit's implementation plan of a plan, with its revisions and files");
    }

    public override async Task HandleAsync(GetImplementationPlan req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
