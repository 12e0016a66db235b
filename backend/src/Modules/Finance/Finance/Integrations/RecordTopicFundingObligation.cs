using System.Globalization;
using Khcn.BuildingBlocks.Messaging;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Participation.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Integrations;

/// <summary>
/// A contracted research topic leaves the unit that ordered it committed to fund its approved budget: Finance records
/// it as an obligation "to be funded", the same way as a recognised initiative's remuneration (one row for the contract
/// period; the split per source is kept in the obligation's basis text until Finance models per-source obligations).
/// Once per event (inbox), and once per topic however often it is published. The obligation's record is (ResearchTopic, the topic's id).
/// </summary>
internal sealed class RecordTopicFundingObligation(FinanceDbContext db, TimeProvider clock) : IntegrationEventHandler<TopicFundingCommitted, FinanceDbContext>(db)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    protected override async Task HandleOnceAsync(TopicFundingCommitted e, CancellationToken ct)
    {
        if (await Db.Obligations.IgnoreQueryFilters().AnyAsync(o => o.SourceKind == ObligationSourceKind.ResearchTopic && o.RecordId == e.TopicId, ct)) return;
        var sources = string.Join("; ", e.Amounts.Select(a => $"{SourceName(a.Source)}: {a.Amount.ToString("N0", Vi)} đ"));
        var basis = $"Hợp đồng thực hiện đề tài số {e.ContractNumber} ngày {e.ContractDate:dd/MM/yyyy} ({sources})";
        Db.Obligations.Add(FundingObligation.Record(e.FundingUnitId, ObligationSourceKind.ResearchTopic, e.TopicId, Title(e.Title), e.ContractNumber, e.ContractDate,
            basis.Length <= 500 ? basis : basis[..500], [(1, e.StartDate, e.EndDate, e.Total, 0m)], clock.GetUtcNow().UtcDateTime));
    }

    private static string Title(string title) => $"Đề tài: {title}" is var t && t.Length <= 300 ? t : t[..300];

    private static string SourceName(string source) => source switch
    {
        "UnionFunds" => "Kinh phí công đoàn",
        "StateBudget" => "Ngân sách nhà nước",
        "Sponsor" => "Tài trợ",
        _ => "Nguồn khác",
    };
}
