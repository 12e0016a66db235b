using Khcn.BuildingBlocks.Messaging;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Participation.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Integrations;

/// <summary>
/// A contracted research topic was cancelled: its ordering unit is no longer committed to fund it. Finance marks the
/// topic's obligation withdrawn (<see cref="FundingObligation.Withdraw"/>: the date and the cancellation reason), so it
/// no longer asks anyone to fund it and refuses new allocations (409 <c>obligation_withdrawn</c>); the allocations and
/// payments already made stay as they are (ADR 0013). Once per event (inbox); withdrawing twice keeps the first date and
/// reason. The event follows the topic's TopicFundingCommitted through the same outbox, so the obligation is there;
/// a topic with no obligation (none was ever recorded) leaves nothing to withdraw.
/// </summary>
internal sealed class WithdrawTopicFundingObligation(FinanceDbContext db) : IntegrationEventHandler<TopicFundingWithdrawn, FinanceDbContext>(db)
{
    protected override async Task HandleOnceAsync(TopicFundingWithdrawn e, CancellationToken ct)
    {
        var obligation = await Db.Obligations.IgnoreQueryFilters()
            .FirstOrDefaultAsync(o => o.SourceKind == ObligationSourceKind.ResearchTopic && o.RecordId == e.TopicId, ct);
        obligation?.Withdraw(e.CancelledOn, e.Reason);
    }
}
