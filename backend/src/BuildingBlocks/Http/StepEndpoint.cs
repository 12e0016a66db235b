using Mediator;

namespace Khcn.BuildingBlocks.Http;

/// <summary>
/// The endpoint of a lifecycle step of an aggregate (ADR 0011): POST (or PUT) on the step's route under one
/// permission, run the step (its command carries the id and If-Match), answer the aggregate as it now stands. An
/// aggregate's own step base says only how its record is read back; each step says its route, permission and summary.
/// Initiatives, research topics and commendation proposals share it (their steps were three near-copies).
/// </summary>
public abstract class StepEndpoint<TCommand, TView>(IMediator mediator) : ChangedEndpoint<TCommand, TView>(mediator)
    where TCommand : notnull, Mediator.ICommand<Guid>
    where TView : notnull
{
    protected abstract string Route { get; }
    protected abstract string RequiredPermission { get; }
    protected abstract string StepSummary { get; }
    protected virtual bool IsPut => false;

    public override void Configure()
    {
        if (IsPut) Put(Route); else Post(Route);
        Policies(RequiredPermission);
        Summary(s => s.Summary = StepSummary);
    }
}
