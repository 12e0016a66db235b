using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Mediator;

namespace Khcn.Organization.Features.Reports;

/// <summary>Returns a submitted report to its unit with comments (by a unit above it).</summary>
public sealed record ReturnReport : Mediator.ICommand<ReportKey>
{
    public const string Route = "/api/v1/organization/reports/{id}/return";
    public Guid Id { get; init; }
    /// <summary>What to correct (required).</summary>
    public string Comment { get; init; } = "";
}

internal sealed class ReturnReportValidator : AbstractValidator<ReturnReport>
{
    public ReturnReportValidator() => RuleFor(x => x.Comment).NotEmpty().MaximumLength(2000);
}

internal sealed class ReturnReportHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<ReturnReport, ReportKey>
{
    public async ValueTask<ReportKey> Handle(ReturnReport command, CancellationToken ct)
    {
        var (report, period, unit) = await ReportAccess.ForStepAsync(db, command.Id, ct);
        ReportAccess.DemandReview(db, unit);
        report.Return(command.Comment, clock.GetUtcNow().UtcDateTime, db.Access.Email ?? "system");
        db.Notify(NoticeTarget.Unit(unit.Id), new Notice($"report:{period.Id}:{unit.Id}:returned:{ReportStepNotices.Stamp()}", "report.returned",
            $"Báo cáo năm {period.Year} bị trả lại: {command.Comment}", ReportStepNotices.Link(period, unit), ReportStepNotices.Args(period, unit, command.Comment)));
        return new ReportKey(period.Id, unit.Id);
    }
}

internal sealed class ReturnReportEndpoint(IMediator mediator) : ReportStepEndpoint<ReturnReport>(mediator)
{
    protected override string Route => ReturnReport.Route;
    protected override string RequiredPermission => Permission.ReportsReview;
    protected override string StepSummary => "Return a submitted report to its unit with comments";
}
