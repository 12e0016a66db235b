using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Mediator;

namespace Khcn.Organization.Features.Reports;

/// <summary>Accepts a submitted report (by a unit above it).</summary>
public sealed record AcceptReport : Mediator.ICommand<ReportKey>
{
    public const string Route = "/api/v1/organization/reports/{id}/accept";
    public Guid Id { get; init; }
    public string? Comment { get; init; }
}

internal sealed class AcceptReportValidator : AbstractValidator<AcceptReport>
{
    public AcceptReportValidator() => RuleFor(x => x.Comment).MaximumLength(2000);
}

internal sealed class AcceptReportHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<AcceptReport, ReportKey>
{
    public async ValueTask<ReportKey> Handle(AcceptReport command, CancellationToken ct)
    {
        var (report, period, unit) = await ReportAccess.ForStepAsync(db, command.Id, ct);
        ReportAccess.DemandReview(db, unit);
        report.Accept(command.Comment, clock.GetUtcNow().UtcDateTime, db.Access.Email ?? "system");
        // Accepting happens once: one notice per report.
        db.Notify(NoticeTarget.Unit(unit.Id), new Notice($"report:{period.Id}:{unit.Id}:accepted", "report.accepted",
            $"Báo cáo năm {period.Year} đã được chấp nhận.", ReportStepNotices.Link(period, unit), ReportStepNotices.Args(period, unit, command.Comment)));
        return new ReportKey(period.Id, unit.Id);
    }
}

internal sealed class AcceptReportEndpoint(IMediator mediator) : ReportStepEndpoint<AcceptReport>(mediator)
{
    protected override string Route => AcceptReport.Route;
    protected override string RequiredPermission => Permission.ReportsReview;
    protected override string StepSummary => "Accept a submitted report";
}
