using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Messaging;
using Khcn.Organization.Contracts;
using Khcn.Participation.Contracts;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;
using Khcn.Training.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Integrations.Webhooks;

/// <summary>
/// Turns an integration event from a module's outbox into one <see cref="WebhookDelivery"/> per subscription that
/// wants it and may see it. Runs once per event (the platform inbox); a delivery is unique per event and
/// subscription besides. The payload is the Standard Webhooks envelope <c>{type, timestamp, data}</c>, with only
/// the record's identifiers and public facts (no person's e-mail, no amounts owed to people).
/// </summary>
internal abstract class QueueWebhookDeliveries<TEvent>(PlatformDbContext db, IMediator mediator, TimeProvider clock, OutboxSignal signal)
    : IntegrationEventHandler<TEvent, PlatformDbContext>(db) where TEvent : IIntegrationEvent
{
    protected abstract string EventType { get; }

    /// <summary>The unit the record belongs to (null: nobody in particular; not delivered) and the payload's data.</summary>
    protected abstract Task<(Guid? UnitId, object Data)> DescribeAsync(TEvent e, CancellationToken ct);

    protected IMediator Mediator { get; } = mediator;

    protected override async Task HandleOnceAsync(TEvent e, CancellationToken ct)
    {
        var candidates = await Db.WebhookSubscriptions.Where(s => !s.IsDisabled && s.EventTypes.Contains(EventType)).ToListAsync(ct);
        candidates = candidates.Where(s => s.Wants(EventType, e.OccurredAtUtc)).ToList();
        if (candidates.Count == 0) return;
        var (unitId, data) = await DescribeAsync(e, ct);
        if (unitId is null) return;
        var clientIds = candidates.Select(s => s.ClientId).Distinct().ToList();
        var clients = await Db.IntegratorClients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var disabled = await Db.Users.Where(u => clientIds.Contains(u.Id) && u.IsDisabled).Select(u => u.Id).ToListAsync(ct);
        var payload = WebhookCatalogue.Payload(EventType, e.OccurredAtUtc, data);
        var now = clock.GetUtcNow().UtcDateTime;
        var queued = 0;
        foreach (var subscription in candidates)
        {
            if (!clients.TryGetValue(subscription.ClientId, out var client) || disabled.Contains(client.Id)) continue;
            if (!WebhookCatalogue.Allows(EventType, client.Role, client.ScopeList)) continue;
            var subtree = await Mediator.Send(new GetSubtreeUnitIds(client.UnitId), ct);
            if (!subtree.Any(u => u.UnitId == unitId)) continue;
            if (await Db.WebhookDeliveries.AnyAsync(d => d.SubscriptionId == subscription.Id && d.EventId == e.EventId, ct)) continue;
            Db.WebhookDeliveries.Add(new WebhookDelivery
            {
                SubscriptionId = subscription.Id, EventId = e.EventId, EventType = EventType, Payload = payload,
                Status = WebhookDeliveryStatus.Pending, CreatedAtUtc = now, NextAttemptAtUtc = now,
            });
            queued++;
        }
        if (queued > 0) signal.Notify(WebhookOptions.SignalName);
    }
}

internal sealed class QueueUnitCreatedWebhooks(PlatformDbContext db, IMediator mediator, TimeProvider clock, OutboxSignal signal)
    : QueueWebhookDeliveries<UnitCreated>(db, mediator, clock, signal)
{
    protected override string EventType => WebhookCatalogue.UnitCreated;

    protected override Task<(Guid? UnitId, object Data)> DescribeAsync(UnitCreated e, CancellationToken ct) =>
        Task.FromResult<(Guid?, object)>((e.UnitId, new { e.UnitId, e.Code, e.Name, Kind = e.Kind.ToString(), e.ParentId }));
}

internal sealed class QueueTrainingCompletedWebhooks(PlatformDbContext db, IMediator mediator, TimeProvider clock, OutboxSignal signal)
    : QueueWebhookDeliveries<TrainingCompleted>(db, mediator, clock, signal)
{
    protected override string EventType => WebhookCatalogue.TrainingCompleted;

    protected override Task<(Guid? UnitId, object Data)> DescribeAsync(TrainingCompleted e, CancellationToken ct) =>
        Task.FromResult<(Guid?, object)>((e.UnitId, new { e.EnrolmentId, e.OfficialId, e.UnitId, e.CourseId, e.CourseCode, e.CourseTitle, e.Subject, e.CompletedOn }));
}

internal sealed class QueueCertificateIssuedWebhooks(PlatformDbContext db, IMediator mediator, TimeProvider clock, OutboxSignal signal)
    : QueueWebhookDeliveries<CertificateIssued>(db, mediator, clock, signal)
{
    protected override string EventType => WebhookCatalogue.CertificateIssued;

    protected override async Task<(Guid? UnitId, object Data)> DescribeAsync(CertificateIssued e, CancellationToken ct)
    {
        var unitId = (await Mediator.Send(new GetOfficialsForNomination([e.OfficialId]), ct)).FirstOrDefault()?.UnitId;
        return (unitId, new { e.CertificateId, e.EnrolmentId, e.OfficialId, UnitId = unitId, e.Number });
    }
}

internal sealed class QueueCertificateRevokedWebhooks(PlatformDbContext db, IMediator mediator, TimeProvider clock, OutboxSignal signal)
    : QueueWebhookDeliveries<CertificateRevoked>(db, mediator, clock, signal)
{
    protected override string EventType => WebhookCatalogue.CertificateRevoked;

    protected override async Task<(Guid? UnitId, object Data)> DescribeAsync(CertificateRevoked e, CancellationToken ct)
    {
        var unitId = (await Mediator.Send(new GetOfficialsForNomination([e.OfficialId]), ct)).FirstOrDefault()?.UnitId;
        return (unitId, new { e.CertificateId, e.EnrolmentId, e.OfficialId, UnitId = unitId, e.Number });
    }
}

internal sealed class QueueInitiativeRecognisedWebhooks(PlatformDbContext db, IMediator mediator, TimeProvider clock, OutboxSignal signal)
    : QueueWebhookDeliveries<InitiativeRecognised>(db, mediator, clock, signal)
{
    protected override string EventType => WebhookCatalogue.InitiativeRecognised;

    protected override Task<(Guid? UnitId, object Data)> DescribeAsync(InitiativeRecognised e, CancellationToken ct) =>
        Task.FromResult<(Guid?, object)>((e.UnitId, new { e.InitiativeId, e.UnitId, e.Title, e.CertificateNumber, e.DecisionDate, e.YearlyBenefit }));
}

/// <summary>
/// The proposing unit's record, as the commendation lists show it to a participation reader: the decision and who was
/// honoured, without the honourees' e-mails or the prizes owed to them.
/// </summary>
internal sealed class QueueCommendationDecidedWebhooks(PlatformDbContext db, IMediator mediator, TimeProvider clock, OutboxSignal signal)
    : QueueWebhookDeliveries<CommendationAwarded>(db, mediator, clock, signal)
{
    protected override string EventType => WebhookCatalogue.CommendationDecided;

    protected override Task<(Guid? UnitId, object Data)> DescribeAsync(CommendationAwarded e, CancellationToken ct) =>
        Task.FromResult<(Guid?, object)>((e.ProposingUnitId, new
        {
            e.ProposalId, UnitId = e.ProposingUnitId, e.DecidingUnitId, e.Year, e.FormCode, e.FormName, e.DecisionNumber, e.DecisionDate, e.Issuer,
            Honourees = e.Honourees.Select(h => new { h.Kind, h.OfficialId, h.UnitId, h.Name }).ToList(),
        }));
}

/// <summary>The proposing unit's topic (the topics list's scope) with its contract and the approved budget per funding source.</summary>
internal sealed class QueueTopicContractedWebhooks(PlatformDbContext db, IMediator mediator, TimeProvider clock, OutboxSignal signal)
    : QueueWebhookDeliveries<TopicFundingCommitted>(db, mediator, clock, signal)
{
    protected override string EventType => WebhookCatalogue.TopicContracted;

    protected override Task<(Guid? UnitId, object Data)> DescribeAsync(TopicFundingCommitted e, CancellationToken ct) =>
        Task.FromResult<(Guid?, object)>((e.ProposingUnitId, new
        {
            e.TopicId, UnitId = e.ProposingUnitId, e.FundingUnitId, e.Title, e.ContractNumber, e.ContractDate, e.StartDate, e.EndDate, e.Total,
            Amounts = e.Amounts.Select(a => new { a.Source, a.Amount }).ToList(),
        }));
}
