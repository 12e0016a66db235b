using Khcn.BuildingBlocks.Http;
using Khcn.Organization.Domain;
using Mediator;

namespace Khcn.Organization.Features.Reports;

/// <summary>The report a workflow step acted on, by its period and unit (how <see cref="GetUnitReport"/> reads it back).</summary>
public sealed record ReportKey(Guid PeriodId, Guid UnitId);

/// <summary>The three workflow steps share one shape: run the step, answer the report as it now stands.</summary>
internal abstract class ReportStepEndpoint<TRequest>(IMediator mediator) : ChangedEndpoint<TRequest, ReportKey, ReportView>(mediator)
    where TRequest : Mediator.ICommand<ReportKey>
{
    protected abstract string Route { get; }
    protected abstract string StepSummary { get; }
    protected abstract string RequiredPermission { get; }

    public override void Configure()
    {
        Post(Route);
        Policies(RequiredPermission);
        Summary(s => s.Summary = StepSummary);
    }

    protected override IQuery<ReportView> ReadBack(TRequest command, ReportKey key) => new GetUnitReport { PeriodId = key.PeriodId, UnitId = key.UnitId };
}

/// <summary>What the notices of a workflow step share: where they lead and the arguments of their texts.</summary>
internal static class ReportStepNotices
{
    public static string Link(ReportPeriod period, UnionUnit unit) => $"/organization/reports/{period.Id}/units/{unit.Id}";

    public static Dictionary<string, string> Args(ReportPeriod period, UnionUnit unit, string? comment) =>
        new() { ["year"] = period.Year.ToString(), ["unit"] = unit.Name, ["comment"] = comment ?? "" };

    /// <summary>Submitting and returning can happen again: each occurrence is a notice of its own.</summary>
    public static string Stamp() => Guid.CreateVersion7().ToString("N");
}
