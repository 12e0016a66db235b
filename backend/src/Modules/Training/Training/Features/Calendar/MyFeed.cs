using FastEndpoints;
using Mediator;

namespace Khcn.Training.Features.Calendar;

/// <summary>The sessions of the token user's own courses (enrolments under their e-mail).</summary>
public sealed record MyFeed : FeedRequest
{
    public const string Route = "/api/v1/training/calendar/{token}/me.ics";
}

internal sealed class MyFeedEndpoint(IMediator mediator) : FeedEndpoint<MyFeed>(mediator)
{
    protected override string FeedRoute => MyFeed.Route;
    protected override string FeedSummary => "iCalendar feed of my own course sessions (token in the path)";
    protected override CalendarFeedQuery Query(MyFeed req) => new(CalendarFeedKind.Me, null);
}
