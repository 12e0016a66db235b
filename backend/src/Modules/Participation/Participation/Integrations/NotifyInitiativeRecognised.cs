using System.Globalization;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Messaging;
using Khcn.Participation.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Features.Initiatives;

namespace Khcn.Participation.Integrations;

/// <summary>
/// The first consumer of <see cref="InitiativeRecognised"/> (Finance will add its own to record the obligation): tells
/// each author known by e-mail that the initiative is recognised and the minimum remuneration of its first year.
/// Runs once per event however often it is delivered.
/// </summary>
internal sealed class NotifyInitiativeRecognised(ParticipationDbContext db) : IntegrationEventHandler<InitiativeRecognised, ParticipationDbContext>(db)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    protected override Task HandleOnceAsync(InitiativeRecognised e, CancellationToken ct)
    {
        var link = GetInitiative.For(e.InitiativeId).Replace("/api/v1/participation", "/participation", StringComparison.Ordinal);
        foreach (var author in e.Years.FirstOrDefault()?.Authors.Where(a => a.Email is not null) ?? [])
        {
            var amount = Math.Round(author.Amount, 0, MidpointRounding.AwayFromZero).ToString("N0", Vi);
            Db.Notify(NoticeTarget.Person(author.Email!), new Notice($"initiative:{e.InitiativeId}:recognised:{author.Email}", "initiative.recognised",
                $"Sáng kiến \"{e.Title}\" đã được công nhận (giấy chứng nhận số {e.CertificateNumber}). Thù lao tối thiểu năm đầu của bạn: {amount} đồng.",
                link, new Dictionary<string, string> { ["title"] = e.Title, ["certificateNumber"] = e.CertificateNumber, ["amount"] = amount }));
        }
        return Task.CompletedTask;
    }
}
