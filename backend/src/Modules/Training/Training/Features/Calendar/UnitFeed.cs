using FastEndpoints;
using Mediator;

namespace Khcn.Training.Features.Calendar;

/// <summary>The sessions of the courses where officials of a unit (or the units below it) are enrolled or waitlisted.</summary>
public sealed record UnitFeed : FeedRequest
{
    public const string Route = "/api/v1/training/calendar/{token}/units/{unitId}.ics";
    public Guid UnitId { get; init; }
}

internal sealed class UnitFeedEndpoint(IMediator mediator) : FeedEndpoint<UnitFeed>(mediator)
{
    protected override string FeedRoute => UnitFeed.Route;
    protected override string FeedSummary => "iCalendar feed of the sessions a unit's officials attend (token in the path)";
    protected override CalendarFeedQuery Query(UnitFeed req) => new(CalendarFeedKind.Unit, req.UnitId);
}
