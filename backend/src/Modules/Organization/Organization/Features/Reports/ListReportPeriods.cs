using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Reports;

/// <summary>The reporting periods the caller's units report in or ask for, newest year first.</summary>
public sealed record ListReportPeriods : IQuery<PagedResult<ReportPeriodListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/organization/reports/periods";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>year (default: newest first) or deadline; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the title (case and diacritics ignored).</summary>
    public string? Q { get; init; }
    public int? Year { get; init; }
}

internal sealed class ListReportPeriodsValidator : AbstractValidator<ListReportPeriods>
{
    public ListReportPeriodsValidator() => this.AddPagingRules("year", "deadline");
}

internal sealed class ListReportPeriodsHandler(OrganizationDbContext db) : IQueryHandler<ListReportPeriods, PagedResult<ReportPeriodListItem>>
{
    public async ValueTask<PagedResult<ReportPeriodListItem>> Handle(ListReportPeriods query, CancellationToken ct)
    {
        var periods = PeriodVisibility.Readable(db).AsNoTracking();
        if (query.Year is { } year) periods = periods.Where(p => p.Year == year);
        periods = periods.WhereMatches(query.Q, p => p.SearchText);
        var desc = query.Descending();
        periods = query.SortField() switch
        {
            "deadline" => desc ? periods.OrderByDescending(p => p.Deadline) : periods.OrderBy(p => p.Deadline),
            "year" when !desc => periods.OrderBy(p => p.Year),
            _ => periods.OrderByDescending(p => p.Year).ThenBy(p => p.Deadline),
        };
        return await periods.Select(p => new ReportPeriodListItem(p.Id, p.UnitId, p.Year, p.Title, p.Deadline, p.Indicators.Count)).ToPageAsync(query, ct);
    }
}

internal sealed class ListReportPeriodsEndpoint(IMediator mediator) : Endpoint<ListReportPeriods, PagedResult<ReportPeriodListItem>>
{
    public override void Configure()
    {
        Get(ListReportPeriods.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "List the annual reporting periods");
    }

    public override async Task HandleAsync(ListReportPeriods req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
