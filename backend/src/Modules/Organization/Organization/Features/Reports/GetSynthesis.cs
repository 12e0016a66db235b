using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Mediator;

namespace Khcn.Organization.Features.Reports;

/// <summary>Totals and breakdowns of every indicator of a period over a subtree, and who reported on time, late or not at all.</summary>
public sealed record GetSynthesis : IQuery<Synthesis>
{
    public const string Route = "/api/v1/organization/reports/periods/{periodId}/synthesis";
    public Guid PeriodId { get; init; }
    /// <summary>The unit whose subtree to synthesise (default: the period's unit, or the caller's own).</summary>
    public Guid? Within { get; init; }
}

internal sealed class GetSynthesisHandler(SynthesisAggregator aggregator) : IQueryHandler<GetSynthesis, Synthesis>
{
    public async ValueTask<Synthesis> Handle(GetSynthesis query, CancellationToken ct) => await aggregator.AggregateAsync(query.PeriodId, query.Within, ct);
}

internal sealed class GetSynthesisEndpoint(IMediator mediator) : Endpoint<GetSynthesis, Synthesis>
{
    public override void Configure()
    {
        Get(GetSynthesis.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "Synthesise a reporting period over a subtree");
    }

    public override async Task HandleAsync(GetSynthesis req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
