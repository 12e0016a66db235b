using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Integrations;
using Mediator;

namespace Khcn.Organization.Features.Reports;

public sealed record IndicatorSourceView(string Key, string Description);

/// <summary>The figures the system can pre-fill report indicators with, and the standard template.</summary>
public sealed record GetReportingCatalogue : IQuery<ReportingCatalogue>
{
    public const string Route = "/api/v1/organization/reports/catalogue";
}

public sealed record ReportingCatalogue(IReadOnlyList<IndicatorSourceView> Sources, IReadOnlyList<IndicatorInput> DefaultTemplate);

internal sealed class GetReportingCatalogueHandler(ReportPrefill prefill) : IQueryHandler<GetReportingCatalogue, ReportingCatalogue>
{
    public ValueTask<ReportingCatalogue> Handle(GetReportingCatalogue query, CancellationToken ct) =>
        ValueTask.FromResult(new ReportingCatalogue(
            prefill.Sources.Select(s => new IndicatorSourceView(s.Key, s.Description)).OrderBy(s => s.Key).ToList(), DefaultTemplate.Indicators));
}

// Without a request DTO: FastEndpoints cannot bind one that has no properties (500 on every call).
internal sealed class GetReportingCatalogueEndpoint(IMediator mediator) : EndpointWithoutRequest<ReportingCatalogue>
{
    public override void Configure()
    {
        Get(GetReportingCatalogue.Route);
        Policies(Permission.RecordsRead);
        Summary(s =>
        {
            s.Summary = "The pre-fill sources for report indicators and the standard template";
            s.Description = "The figures the system can pre-fill report indicators with, and the standard template.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.OkAsync(await mediator.Send(new GetReportingCatalogue(), ct), ct);
}
