using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Khcn.Organization.Integrations;
using Mediator;

namespace Khcn.Organization.Features.Reports;

/// <summary>A unit's report for a period: the saved one, or a new draft pre-filled with what the system knows.</summary>
public sealed record GetUnitReport : IQuery<ReportView>
{
    public const string Route = "/api/v1/organization/reports/periods/{periodId}/units/{unitId}";
    public static string For(Guid periodId, Guid unitId) => $"/api/v1/organization/reports/periods/{periodId}/units/{unitId}";
    public Guid PeriodId { get; init; }
    public Guid UnitId { get; init; }
}

internal sealed class GetUnitReportHandler(OrganizationDbContext db, ReportPrefill prefill) : IQueryHandler<GetUnitReport, ReportView>
{
    public async ValueTask<ReportView> Handle(GetUnitReport query, CancellationToken ct)
    {
        var (period, unit) = await ReportAccess.ReportingUnitAsync(db, query.PeriodId, query.UnitId, ct);
        var report = await ReportAccess.ReportOfAsync(db, period.Id, unit.Id, ct);
        var indicators = period.Indicators.OrderBy(i => i.Position).ToList();
        var suggested = await prefill.ForReportAsync(period, unit.Id, ct);
        var values = indicators.Select(i =>
        {
            var stored = report?.Values.FirstOrDefault(v => v.IndicatorCode == i.Code);
            decimal? number = report is null ? suggested.TryGetValue(i.Code, out var s) ? s : null : stored?.Number;
            return new ReportValueView(i.Code, i.Name, i.Section, i.Kind, i.Measure, i.Source, number, stored?.Text,
                suggested.TryGetValue(i.Code, out var sv) ? sv : null,
                i.Source is null ? null : prefill.Sources.FirstOrDefault(p => p.Key == i.Source)?.Description);
        }).ToList();
        var state = report is null ? SubmissionState.NotStarted : SubmissionStates.Of(report.Status);
        return new ReportView(report?.Id, period.Id, period.Year, period.Title, period.Deadline,
            new UnitSummary(unit.Id, unit.Code, unit.Name, unit.Kind, unit.ParentId), state, report?.Late ?? false,
            report?.SubmittedAtUtc, report?.SubmittedBy, report?.ReviewedAtUtc, report?.ReviewedBy, report?.ReviewComment, values,
            report?.Events.OrderBy(e => e.AtUtc).Select(e => new ReportEventView(e.AtUtc, e.Actor, e.Action, e.Comment)).ToList() ?? [],
            CanEdit: (report?.Editable ?? true) && db.Access.Can(Permission.ReportsSubmit, unit.Id),
            CanReview: report?.Status == ReportStatus.Submitted && ReportAccess.CanReview(db, unit),
            report?.Version ?? 0);
    }
}

internal sealed class GetUnitReportEndpoint(IMediator mediator) : Endpoint<GetUnitReport, ReportView>
{
    public override void Configure()
    {
        Get(GetUnitReport.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "Get a unit's annual report for a period (a pre-filled new draft when none is saved yet)");
    }

    public override async Task HandleAsync(GetUnitReport req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
