using FastEndpoints;
using Khcn.Training.Domain;
using Mediator;

namespace Khcn.Training.Features.Calendar;

/// <summary>The sessions of one course the token's user may see (partner staff: their agency's courses only).</summary>
public sealed record CourseFeed : FeedRequest
{
    public const string Route = "/api/v1/training/calendar/{token}/courses/{courseId}.ics";
    public Guid CourseId { get; init; }
}

internal sealed class CourseFeedEndpoint(IMediator mediator) : FeedEndpoint<CourseFeed>(mediator)
{
    protected override string FeedRoute => CourseFeed.Route;
    protected override string FeedSummary => "iCalendar feed of a course's sessions (token in the path)";
    protected override CalendarFeedQuery Query(CourseFeed req) => new(CalendarFeedKind.Course, req.CourseId);
}
