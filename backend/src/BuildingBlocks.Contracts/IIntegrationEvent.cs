using Mediator;

namespace Khcn.BuildingBlocks.Contracts;

/// <summary>
/// A fact one module tells the others. It travels through the publishing module's outbox, so it may be delivered
/// more than once: consumers must be idempotent (see IntegrationEventHandler in BuildingBlocks).
/// </summary>
public interface IIntegrationEvent : INotification
{
    Guid EventId { get; }
    DateTime OccurredAtUtc { get; }
}
