using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Organization.Features.Reports;
using Mediator;

namespace Khcn.Organization.Features.Dashboard;

/// <summary>A dashboard figure split by the units directly below the chosen one (each with its subtree) and the unit's own records.</summary>
public sealed record GetDashboardBreakdown : IQuery<DashboardBreakdown>
{
    public const string Route = "/api/v1/dashboard/breakdown";
    /// <summary>The indicator's key (a report indicator source, as the dashboard lists it).</summary>
    public string Key { get; init; } = "";
    public Guid? UnitId { get; init; }
    public int? Year { get; init; }
}

internal sealed class GetDashboardBreakdownValidator : AbstractValidator<GetDashboardBreakdown>
{
    public GetDashboardBreakdownValidator()
    {
        RuleFor(x => x.Key).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Year).InclusiveBetween(ReportPeriodRules.MinYear, 2100);
    }
}

internal sealed class GetDashboardBreakdownHandler(DashboardFigures figures) : IQueryHandler<GetDashboardBreakdown, DashboardBreakdown>
{
    public async ValueTask<DashboardBreakdown> Handle(GetDashboardBreakdown query, CancellationToken ct)
    {
        var label = figures.Label(query.Key);
        var subtree = await figures.SubtreeAsync(query.UnitId, ct);
        var year = query.Year ?? figures.DefaultYear();
        var values = await figures.ValuesAsync(figures.Source(query.Key), subtree, year, ct);
        var byBranch = DashboardFigures.ByBranch(subtree, values);
        var root = subtree.Root;
        var rows = new List<BreakdownRow> { new(root.Id, root.Code, root.Name, root.Kind, true, false, byBranch.GetValueOrDefault(Guid.Empty)) };
        rows.AddRange(subtree.Children.Select(c => new BreakdownRow(c.Id, c.Code, c.Name, c.Kind, false, c.HasChildren, byBranch.GetValueOrDefault(c.Id))));
        return new DashboardBreakdown(label.Key, label.Name, label.Measure, year, new UnitSummary(root.Id, root.Code, root.Name, root.Kind, root.ParentId),
            values.Values.Sum(), rows, figures.RecordsOf(query.Key) is not null);
    }
}

internal sealed class GetDashboardBreakdownEndpoint(IMediator mediator) : Endpoint<GetDashboardBreakdown, DashboardBreakdown>
{
    public override void Configure()
    {
        Get(GetDashboardBreakdown.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "A dashboard figure by the units directly below the chosen one");
    }

    public override async Task HandleAsync(GetDashboardBreakdown req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
