using Khcn.BuildingBlocks.Domain;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Campaigns;

/// <summary>A reach report as just saved (the caller reported it, so it is in their scope).</summary>
internal sealed record GetReachReport(Guid Id) : IQuery<ReachReportView>;

internal sealed class GetReachReportHandler(TrainingDbContext db, IMediator mediator) : IQueryHandler<GetReachReport, ReachReportView>
{
    public async ValueTask<ReachReportView> Handle(GetReachReport query, CancellationToken ct)
    {
        var report = await db.ReachReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id, ct)
                     ?? throw new NotFoundException(Localized.Text("Reach report", "báo cáo kết quả tuyên truyền"), query.Id);
        var names = await CampaignVisibility.NamesAsync(mediator, [report.UnitId], ct);
        return ReachReports.ToView(report, names.GetValueOrDefault(report.UnitId)?.Name ?? "");
    }
}

internal static class ReachReports
{
    public static ReachReportView ToView(ReachReport r, string unitName) =>
        new(r.Id, r.CampaignId, r.UnitId, unitName, r.Period, r.EventsHeld, r.PeopleReached, r.WomenReached, r.Note, r.ReportedBy, r.UpdatedAtUtc, r.Version);
}
