using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Campaigns;

/// <summary>
/// A participating unit reports a campaign's reach for a quarter of its period (an upsert: the first PUT creates
/// the report, 201; the next ones correct it, 200). If-Match is optional: when sent, a stale one gives 412.
/// </summary>
public sealed record SubmitReachReport : Mediator.ICommand<(Guid Id, bool Created)>
{
    public const string Route = "/api/v1/training/campaigns/{id}/reach-reports/{unitId}/{period}";
    public static string For(Guid id, Guid unitId, string period) => $"/api/v1/training/campaigns/{id}/reach-reports/{unitId}/{period}";
    public Guid Id { get; init; }
    /// <summary>The reporting unit: one taking part in the campaign.</summary>
    public Guid UnitId { get; init; }
    /// <summary>The quarter, e.g. "2026-Q1", inside the campaign's period.</summary>
    public string Period { get; init; } = "";
    public int EventsHeld { get; init; }
    public int PeopleReached { get; init; }
    /// <summary>Of the people reached, women (at most peopleReached).</summary>
    public int WomenReached { get; init; }
    public string? Note { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class SubmitReachReportValidator : AbstractValidator<SubmitReachReport>
{
    public SubmitReachReportValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        RuleFor(x => x.Period).Must(p => ReachPeriod.TryParse(p, out _)).WithMessage("Write the period as a quarter, e.g. 2026-Q1.", "Ghi kỳ báo cáo theo quý, ví dụ 2026-Q1.");
        RuleFor(x => x.EventsHeld).GreaterThanOrEqualTo(0);
        RuleFor(x => x.PeopleReached).GreaterThanOrEqualTo(0);
        RuleFor(x => x.WomenReached).GreaterThanOrEqualTo(0)
            .LessThanOrEqualTo(x => x.PeopleReached).WithMessage("Women reached are among the people reached: at most that number.",
                "Số nữ được tiếp cận nằm trong tổng số người được tiếp cận: không thể lớn hơn số đó.");
        RuleFor(x => x.Note).MaximumLength(1000);
    }
}

internal sealed class SubmitReachReportHandler(TrainingDbContext db, CampaignVisibility visibility)
    : Mediator.ICommandHandler<SubmitReachReport, (Guid Id, bool Created)>
{
    public async ValueTask<(Guid Id, bool Created)> Handle(SubmitReachReport command, CancellationToken ct)
    {
        var campaign = await visibility.FindAsync(command.Id, ct);
        db.Access.Demand(Permission.ReachReport, command.UnitId, Localized.Text("Unit", "đơn vị"), command.UnitId);
        var period = ReachPeriod.Parse(command.Period);
        campaign.EnsureCanReport(command.UnitId, period);
        var figures = new ReachFigures(command.EventsHeld, command.PeopleReached, command.WomenReached, command.Note);
        var existing = await db.ReachReports.FirstOrDefaultAsync(r => r.CampaignId == campaign.Id && r.UnitId == command.UnitId && r.Period == period.Code, ct);
        if (existing is not null)
        {
            if (command.IfMatch is not null) Concurrency.GuardUpdate(db, existing, command.IfMatch);
            existing.Correct(figures, db.Access.Email);
            return (existing.Id, false);
        }
        var report = campaign.Report(command.UnitId, period, figures, db.Access.Email);
        db.ReachReports.Add(report);
        return (report.Id, true);
    }
}

internal sealed class SubmitReachReportEndpoint(IMediator mediator) : Endpoint<SubmitReachReport, ReachReportView>
{
    public override void Configure()
    {
        Put(SubmitReachReport.Route);
        Policies(Permission.ReachReport);
        Summary(s =>
        {
            s.Summary = "Report (or correct) a participating unit's reach for a quarter of the campaign (If-Match optional; 412 when stale)";
            s.Response<ReachReportView>(200, "The corrected report.");
            s.Response<ReachReportView>(201, "The new report.");
        });
    }

    public override async Task HandleAsync(SubmitReachReport req, CancellationToken ct)
    {
        var (id, created) = await mediator.Send(req, ct);
        var view = await mediator.Send(new GetReachReport(id), ct);
        await Send.ResponseAsync(view, created ? StatusCodes.Status201Created : StatusCodes.Status200OK, ct);
    }
}
