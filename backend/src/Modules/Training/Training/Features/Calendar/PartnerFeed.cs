using FastEndpoints;
using Mediator;

namespace Khcn.Training.Features.Calendar;

/// <summary>The sessions of a partner agency's courses (its staff, and union users).</summary>
public sealed record PartnerFeed : FeedRequest
{
    public const string Route = "/api/v1/training/calendar/{token}/partners/{partnerId}.ics";
    public Guid PartnerId { get; init; }
}

internal sealed class PartnerFeedEndpoint(IMediator mediator) : FeedEndpoint<PartnerFeed>(mediator)
{
    protected override string FeedRoute => PartnerFeed.Route;
    protected override string FeedSummary => "iCalendar feed of a partner agency's course sessions (token in the path)";
    protected override CalendarFeedQuery Query(PartnerFeed req) => new(CalendarFeedKind.Partner, req.PartnerId);
}
