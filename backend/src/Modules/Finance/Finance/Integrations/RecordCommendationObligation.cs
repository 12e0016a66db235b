using Khcn.BuildingBlocks.Messaging;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Participation.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Integrations;

/// <summary>
/// A commendation decision leaves the deciding unit owing the prize money of its honourees: Finance records it as an
/// obligation "to be funded" the way it records an initiative's remuneration (one year: the decision date, the total
/// prize). The obligation's record is (Commendation, the proposal's id) and its number the decision number. Once per event (inbox), once per proposal; nothing when the form carries no prize.
/// </summary>
internal sealed class RecordCommendationObligation(FinanceDbContext db, TimeProvider clock) : IntegrationEventHandler<CommendationAwarded, FinanceDbContext>(db)
{
    protected override async Task HandleOnceAsync(CommendationAwarded e, CancellationToken ct)
    {
        if (e.Total <= 0 || await Db.Obligations.IgnoreQueryFilters().AnyAsync(o => o.SourceKind == ObligationSourceKind.Commendation && o.RecordId == e.ProposalId, ct)) return;
        Db.Obligations.Add(FundingObligation.Record(e.DecidingUnitId, ObligationSourceKind.Commendation, e.ProposalId, $"Tiền thưởng khen thưởng: {e.FormName} năm {e.Year} ({e.Honourees.Count} đối tượng)",
            e.DecisionNumber, e.DecisionDate, e.PrizeBasis, [(1, e.DecisionDate, e.DecisionDate, e.Total, 0m)], clock.GetUtcNow().UtcDateTime));
    }
}
