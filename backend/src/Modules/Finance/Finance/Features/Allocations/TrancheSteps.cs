using FastEndpoints;
using Khcn.BuildingBlocks.Http;
using Mediator;

namespace Khcn.Finance.Features.Allocations;

/// <summary>A step of a tranche: If-Match with the tranche's ETag (its <c>version</c>).</summary>
public abstract record TrancheStepCommand
{
    public Guid AllocationId { get; init; }
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

/// <summary>The tranche steps answer the tranche as it now stands.</summary>
internal abstract class TrancheStepEndpoint<TRequest>(IMediator mediator) : ChangedEndpoint<TRequest, TrancheView>(mediator)
    where TRequest : TrancheStepCommand, Mediator.ICommand<Guid>
{
    protected abstract string Route { get; }
    protected abstract string RequiredPermission { get; }
    protected abstract string StepSummary { get; }

    public override void Configure()
    {
        Post(Route);
        Policies(RequiredPermission);
        Summary(s => s.Summary = StepSummary);
    }

    protected override IQuery<TrancheView> ReadBack(TRequest command) => new GetTranche { AllocationId = command.AllocationId, Id = command.Id };
}
