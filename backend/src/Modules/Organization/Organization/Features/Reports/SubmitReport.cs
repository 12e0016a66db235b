using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;

namespace Khcn.Organization.Features.Reports;

/// <summary>Sends the report to the unit above; every number indicator must be filled (0 is a value).</summary>
public sealed record SubmitReport : Mediator.ICommand<ReportKey>
{
    public const string Route = "/api/v1/organization/reports/{id}/submit";
    public Guid Id { get; init; }
}

internal sealed class SubmitReportHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<SubmitReport, ReportKey>
{
    public async ValueTask<ReportKey> Handle(SubmitReport command, CancellationToken ct)
    {
        var (report, period, unit) = await ReportAccess.ForStepAsync(db, command.Id, ct);
        db.Access.Demand(Permission.ReportsSubmit, unit.Id, Localized.Text("Report", "báo cáo"), report.Id);
        var missing = period.Indicators.Where(i => i.Kind.HoldsNumber())
            .Where(i => report.Values.FirstOrDefault(v => v.IndicatorCode == i.Code)?.Number is null)
            .OrderBy(i => i.Position).ToList();
        if (missing.Count > 0)
            throw new BusinessRuleException("report_incomplete",
                Localized.Text("Fill in every number indicator (0 when there is nothing to report) before submitting.",
                    "Hãy điền đủ các chỉ tiêu dạng số (ghi 0 nếu không có) trước khi nộp."),
                missing.ToDictionary(i => i.Code, i => new[] { Localized.Text($"'{i.Name}' is empty.", $"'{i.Name}' chưa được điền.") }));
        report.Submit(clock.GetUtcNow().UtcDateTime, VietnamTime.Today(clock), period.Deadline, db.Access.Email ?? "system");
        // The unit's "not submitted yet" reminders have done their work: withdrawn with the submission (#16).
        db.Withdraw(ReportReminders.KeyPrefix(period.Id, unit.Id));
        if (unit.ParentId is { } parent)
            db.Notify(NoticeTarget.Unit(parent), new Notice($"report:{period.Id}:{unit.Id}:submitted:{ReportStepNotices.Stamp()}", "report.submitted",
                $"{unit.Name} đã nộp báo cáo năm {period.Year}.", ReportStepNotices.Link(period, unit), ReportStepNotices.Args(period, unit, null)));
        return new ReportKey(period.Id, unit.Id);
    }
}

internal sealed class SubmitReportEndpoint(IMediator mediator) : ReportStepEndpoint<SubmitReport>(mediator)
{
    protected override string Route => SubmitReport.Route;
    protected override string RequiredPermission => Permission.ReportsSubmit;
    protected override string StepSummary => "Submit a unit's annual report to the unit above";
}
