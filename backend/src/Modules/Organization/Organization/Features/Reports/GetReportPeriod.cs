using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Reports;

/// <summary>A reporting period with its template.</summary>
public sealed record GetReportPeriod : IQuery<ReportPeriodDetail>
{
    public const string Route = "/api/v1/organization/reports/periods/{id}";
    public static string For(Guid id) => $"/api/v1/organization/reports/periods/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetReportPeriodHandler(OrganizationDbContext db) : IQueryHandler<GetReportPeriod, ReportPeriodDetail>
{
    public async ValueTask<ReportPeriodDetail> Handle(GetReportPeriod query, CancellationToken ct)
    {
        var period = await PeriodVisibility.FindAsync(db, query.Id, ct);
        var unitName = await db.Units.IgnoreQueryFilters().Where(u => u.Id == period.UnitId).Select(u => u.Name).FirstAsync(ct);
        var locked = await db.Reports.IgnoreQueryFilters().AnyAsync(r => r.PeriodId == period.Id && r.FirstSubmittedAtUtc != null, ct);
        return ReportPeriodRules.ToDetail(period, unitName, locked);
    }
}

internal sealed class GetReportPeriodEndpoint(IMediator mediator) : Endpoint<GetReportPeriod, ReportPeriodDetail>
{
    public override void Configure()
    {
        Get(GetReportPeriod.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "Get a reporting period with its template of indicators");
    }

    public override async Task HandleAsync(GetReportPeriod req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
