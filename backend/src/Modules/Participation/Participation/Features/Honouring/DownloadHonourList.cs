using FastEndpoints;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Khcn.Participation.Features.Honouring;

/// <summary>
/// The printable honour list (danh sách tôn vinh) of an event as a spreadsheet: one sheet per form of commendation, each
/// listing its honourees with the decision and the certificate number (a revoked certificate is marked). 404 outside scope.
/// </summary>
public sealed record DownloadHonourList : IQuery<GeneratedFile>
{
    public const string Route = "/api/v1/participation/commendations/honouring-events/{id}/honour-list";
    public static string For(Guid id) => $"/api/v1/participation/commendations/honouring-events/{id}/honour-list";
    public Guid Id { get; init; }
}

internal sealed class DownloadHonourListHandler(IMediator mediator, TimeProvider clock) : IQueryHandler<DownloadHonourList, GeneratedFile>
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async ValueTask<GeneratedFile> Handle(DownloadHonourList query, CancellationToken ct)
    {
        var e = await mediator.Send(new GetHonouringEvent { Id = query.Id }, ct);
        var workbook = new ReportWorkbook(new ReportHeading(e.UnitName, $"DANH SÁCH TÔN VINH — {e.Name}".ToUpperInvariant(),
            $"Ngày {e.HeldOn:dd/MM/yyyy} tại {e.Venue}", clock.GetUtcNow()));
        foreach (var form in e.Honourees.GroupBy(h => h.FormName).OrderBy(g => g.Key))
            workbook.Add(form.Key, form.OrderBy(h => h.Order).Select((h, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["STT"] = i + 1,
                ["Họ và tên / Tập thể"] = h.Name,
                ["Cá nhân / Tập thể"] = h.Kind == NomineeKind.Person ? "Cá nhân" : "Tập thể",
                ["Hình thức khen thưởng"] = h.FormName,
                ["Số quyết định"] = h.DecisionNumber,
                ["Ngày quyết định"] = h.DecisionDate,
                ["Số giấy chứng nhận"] = h.CertificateNumber,
                ["Ghi chú"] = h.Revoked ? "Đã thu hồi giấy chứng nhận" : "",
            }));
        var slug = new string(e.HeldOn.ToString("yyyy-MM-dd").ToArray());
        return new GeneratedFile(workbook.ToXlsx(), $"danh-sach-ton-vinh-{slug}.xlsx", ContentType);
    }
}

internal sealed class DownloadHonourListEndpoint(IMediator mediator) : GeneratedFileEndpoint<DownloadHonourList>(mediator)
{
    public override void Configure()
    {
        Get(DownloadHonourList.Route);
        Policies(Permission.ParticipationRead);
        Description(d => d.Produces(200, typeof(Stream), DownloadHonourListHandler.ContentType));
        Summary(s => s.Summary = "Download the honour list of an event as .xlsx, one sheet per form of commendation");
    }
}
