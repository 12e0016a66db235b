using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Features.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Dashboard;

/// <summary>
/// The records behind a dashboard figure ("12 initiatives recognised" → those 12), for the chosen unit's subtree or its
/// own records only, paged, newest first. Each module lists its own indicators' records (<c>IReportIndicatorRecords</c>)
/// with the same definition as the figure, so the records' values add up to it; an indicator no module lists records
/// for answers <c>listed: false</c> and no items.
/// </summary>
public sealed record GetDashboardRecords : IQuery<DashboardRecords>, IPagedQuery
{
    public const string Route = "/api/v1/dashboard/records";
    /// <summary>The indicator's key (a report indicator source, as the dashboard lists it).</summary>
    public string Key { get; init; } = "";
    /// <summary>The unit whose records to list (default: the caller's own unit, or the province for the unrestricted).</summary>
    public Guid? UnitId { get; init; }
    public int? Year { get; init; }
    /// <summary>Only the unit's own records (the "own records" row of the drill-down), not its sub-units'.</summary>
    public bool Own { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    string? IPagedQuery.Sort => null;
    string? IPagedQuery.Q => null;
}

internal sealed class GetDashboardRecordsValidator : AbstractValidator<GetDashboardRecords>
{
    public GetDashboardRecordsValidator()
    {
        RuleFor(x => x.Key).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Year).InclusiveBetween(ReportPeriodRules.MinYear, 2100);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
    }
}

internal sealed class GetDashboardRecordsHandler(DashboardFigures figures, OrganizationDbContext db) : IQueryHandler<GetDashboardRecords, DashboardRecords>
{
    public async ValueTask<DashboardRecords> Handle(GetDashboardRecords query, CancellationToken ct)
    {
        var label = figures.Label(query.Key);
        var subtree = await figures.SubtreeAsync(query.UnitId, ct); // 404 outside the caller's scope
        var year = query.Year ?? figures.DefaultYear();
        var root = subtree.Root;
        var unit = new UnitSummary(root.Id, root.Code, root.Name, root.Kind, root.ParentId);
        var lister = figures.RecordsOf(query.Key);
        if (lister is null)
            return new DashboardRecords(label.Key, label.Name, label.Measure, year, unit, query.Own, false, 0, [], 1, query.PageSize, 0);

        // Only the units of the caller's visible subtree are asked for: never a record outside scope.
        IReadOnlyCollection<Guid> unitIds = query.Own ? [root.Id] : subtree.Ids;
        var all = (await lister.RecordsAsync(query.Key, unitIds, year, ct))
            .OrderByDescending(r => r.Date).ThenBy(r => r.Title, StringComparer.Ordinal).ThenBy(r => r.Id).ToList();
        var page = all.ToPage(query);
        var ids = page.Items.Select(r => r.UnitId).Distinct().ToList();
        var units = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Code, u.Name }).ToDictionaryAsync(u => u.Id, ct);
        var items = page.Items.Select(r => new DashboardRecord(r.Kind, r.Id, r.Title, r.Date, r.UnitId,
            units.GetValueOrDefault(r.UnitId)?.Code ?? "", units.GetValueOrDefault(r.UnitId)?.Name ?? "", r.Value, r.Amount, r.Detail)).ToList();
        return new DashboardRecords(label.Key, label.Name, label.Measure, year, unit, query.Own, true, all.Sum(r => r.Value), items,
            page.Page, page.PageSize, page.Total);
    }
}

internal sealed class GetDashboardRecordsEndpoint(IMediator mediator) : Endpoint<GetDashboardRecords, DashboardRecords>
{
    public override void Configure()
    {
        Get(GetDashboardRecords.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "The records behind a dashboard figure (initiatives, topics, courses, campaigns, commendations), paged");
    }

    public override async Task HandleAsync(GetDashboardRecords req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
