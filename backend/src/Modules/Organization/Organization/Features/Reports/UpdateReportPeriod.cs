using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Integrations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Reports;

/// <summary>Changes a period's title, deadline or template (the template only until a report is submitted); If-Match required.</summary>
public sealed record UpdateReportPeriod : ReportPeriodFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/reports/periods/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateReportPeriodValidator : AbstractValidator<UpdateReportPeriod>
{
    public UpdateReportPeriodValidator(ReportPrefill prefill) => this.AddPeriodRules(prefill);
}

internal sealed class UpdateReportPeriodHandler(OrganizationDbContext db) : Mediator.ICommandHandler<UpdateReportPeriod, Guid>
{
    public async ValueTask<Guid> Handle(UpdateReportPeriod command, CancellationToken ct)
    {
        var period = await PeriodVisibility.FindAsync(db, command.Id, ct);
        db.Access.Demand(Permission.ReportsManage, period.UnitId, Localized.Text("Report period", "kỳ báo cáo"), period.Id);
        Concurrency.GuardUpdate(db, period, command.IfMatch);
        period.Update(command.Title, command.Deadline);
        if (command.Indicators is not null)
        {
            var anySubmitted = await db.Reports.IgnoreQueryFilters().AnyAsync(r => r.PeriodId == period.Id && r.FirstSubmittedAtUtc != null, ct);
            period.ReplaceIndicators(ReportPeriodRules.ToDefinitions(command.Indicators), anySubmitted);
        }
        return period.Id;
    }
}

internal sealed class UpdateReportPeriodEndpoint(IMediator mediator) : ChangedEndpoint<UpdateReportPeriod, ReportPeriodDetail>(mediator)
{
    public override void Configure()
    {
        Put(UpdateReportPeriod.Route);
        Policies(Permission.ReportsManage);
        Summary(s => s.Summary = "Update a reporting period (If-Match required; 412 when stale; template locked once reports are submitted)");
    }

    protected override IQuery<ReportPeriodDetail> ReadBack(UpdateReportPeriod command) => new GetReportPeriod { Id = command.Id };
}
