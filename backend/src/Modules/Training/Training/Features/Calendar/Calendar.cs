using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Access;
using Khcn.Training.Features.Certificates;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

using Khcn.Training.Features.Enrolments;

namespace Khcn.Training.Features.Calendar;

/// <summary>Builds the response listing a user's feeds.</summary>
internal sealed class CalendarFeedLinks(TrainingAccess access, TrainingDbContext db, CalendarTokens tokens, PublicLinks links, IMediator mediator)
{
    public const string FeedsRoot = "/api/v1/training/calendar";

    public async Task<CalendarFeeds> ForAsync(CalendarToken row, CancellationToken ct)
    {
        var root = $"{links.BaseUrl}{FeedsRoot}/{tokens.TokenOf(row)}";
        var feeds = new List<CalendarFeedLink> { new(CalendarFeedKind.Me, null, "Lịch học của tôi", $"{root}/me.ics") };
        if (await access.MyPartnerIdAsync(ct) is { } partnerId)
        {
            var name = await db.Partners.Where(p => p.Id == partnerId).Select(p => p.Name).FirstOrDefaultAsync(ct);
            if (name is not null) feeds.Add(new(CalendarFeedKind.Partner, partnerId, name, $"{root}/partners/{partnerId}.ics"));
        }
        if (!access.IsPartnerOnly)
        {
            var unitIds = access.Access.Grants
                .Where(g => !Roles.IsAgencyScoped(g.Role) && Permission.RoleHas(g.Role, Permission.TrainingRead))
                .Select(g => g.UnitId).Distinct().ToList();
            if (unitIds.Count > 0)
                foreach (var unit in (await mediator.Send(new GetUnitSummaries(unitIds), ct)).OrderBy(u => u.Name))
                    feeds.Add(new(CalendarFeedKind.Unit, unit.Id, unit.Name, $"{root}/units/{unit.Id}.ics"));
        }
        return new CalendarFeeds(feeds, $"{root}/courses/{{courseId}}.ics", row.CreatedAtUtc, row.RotatedAtUtc);
    }
}

/// <summary>The caller's calendar feed URLs; the personal token behind them is created on the first call.</summary>
public sealed record GetCalendarFeeds : Mediator.ICommand<CalendarFeeds>
{
    public const string Route = "/api/v1/training/calendar/token";
}

internal sealed class GetCalendarFeedsHandler(TrainingDbContext db, CalendarTokens tokens, CalendarFeedLinks feeds)
    : Mediator.ICommandHandler<GetCalendarFeeds, CalendarFeeds>
{
    public async ValueTask<CalendarFeeds> Handle(GetCalendarFeeds command, CancellationToken ct)
    {
        var userId = db.Access.UserId ?? throw new ForbiddenException();
        return await feeds.ForAsync(await tokens.EnsureAsync(userId, ct), ct);
    }
}

internal sealed class GetCalendarFeedsEndpoint(IMediator mediator) : EndpointWithoutRequest<CalendarFeeds>
{
    public override void Configure()
    {
        Get(GetCalendarFeeds.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "Get my calendar feed URLs (creates my feed token on first use)");
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.OkAsync(await mediator.Send(new GetCalendarFeeds(), ct), ct);
}

/// <summary>Replaces the caller's feed token: every URL handed out before stops working.</summary>
public sealed record RotateCalendarToken : Mediator.ICommand<CalendarFeeds>
{
    public const string Route = "/api/v1/training/calendar/token/rotate";
}

internal sealed class RotateCalendarTokenHandler(TrainingDbContext db, CalendarTokens tokens, CalendarFeedLinks feeds)
    : Mediator.ICommandHandler<RotateCalendarToken, CalendarFeeds>
{
    public async ValueTask<CalendarFeeds> Handle(RotateCalendarToken command, CancellationToken ct)
    {
        var userId = db.Access.UserId ?? throw new ForbiddenException();
        return await feeds.ForAsync(await tokens.RotateAsync(userId, ct), ct);
    }
}

internal sealed class RotateCalendarTokenEndpoint(IMediator mediator) : EndpointWithoutRequest<CalendarFeeds>
{
    public override void Configure()
    {
        Post(RotateCalendarToken.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "Rotate my calendar feed token (old feed URLs stop working)");
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.OkAsync(await mediator.Send(new RotateCalendarToken(), ct), ct);
}

/// <summary>A feed request: the token in the path stands for the user.</summary>
public abstract record FeedRequest
{
    /// <summary>The personal feed token from the feed URL.</summary>
    public string Token { get; init; } = "";
}

/// <summary>The sessions of one course the token's user may see (partner staff: their agency's courses only).</summary>
public sealed record CourseFeed : FeedRequest
{
    public const string Route = "/api/v1/training/calendar/{token}/courses/{courseId}.ics";
    public Guid CourseId { get; init; }
}

/// <summary>The sessions of a partner agency's courses (its staff, and union users).</summary>
public sealed record PartnerFeed : FeedRequest
{
    public const string Route = "/api/v1/training/calendar/{token}/partners/{partnerId}.ics";
    public Guid PartnerId { get; init; }
}

/// <summary>The sessions of the courses where officials of a unit (or the units below it) are enrolled or waitlisted.</summary>
public sealed record UnitFeed : FeedRequest
{
    public const string Route = "/api/v1/training/calendar/{token}/units/{unitId}.ics";
    public Guid UnitId { get; init; }
}

/// <summary>The sessions of the token user's own courses (enrolments under their e-mail).</summary>
public sealed record MyFeed : FeedRequest
{
    public const string Route = "/api/v1/training/calendar/{token}/me.ics";
}

/// <summary>
/// Common to the feed endpoints: anonymous over HTTP (calendar apps cannot sign in), the token's user is loaded
/// as if signed in — current grants, so a disabled user or a revoked grant answers 404 — then the feed is built
/// through <see cref="TrainingAccess"/>. Answers with an ETag; If-None-Match gives 304.
/// </summary>
internal abstract class FeedEndpoint<TRequest>(IMediator mediator) : Endpoint<TRequest> where TRequest : FeedRequest
{
    protected abstract string FeedRoute { get; }
    protected abstract string FeedSummary { get; }
    protected abstract CalendarFeedQuery Query(TRequest req);

    public override void Configure()
    {
        Get(FeedRoute);
        AllowAnonymous();
        Options(x => x.RequireRateLimiting(TrainingModule.PublicRateLimitPolicy));
        Description(d => d.Produces(200, typeof(string), CalendarFeedBuilder.ContentType).Produces(304));
        Summary(s =>
        {
            s.Summary = FeedSummary;
            s.Responses[404] = "Unknown or rotated token, a disabled user, or something the user may not see.";
        });
    }

    public override async Task HandleAsync(TRequest req, CancellationToken ct)
    {
        var tokens = Resolve<CalendarTokens>();
        if (await tokens.UserOfAsync(req.Token, ct) is not { } userId
            || !await AccessLoader.LoadUserAsync(HttpContext.RequestServices, userId, ct))
            throw new NotFoundException(Localized.Text("Calendar feed", "nguồn lịch"), "token");
        var feed = await mediator.Send(Query(req), ct);
        var etag = $"\"{feed.ETag}\"";
        HttpContext.Response.Headers.ETag = etag;
        HttpContext.Response.Headers.CacheControl = "private, max-age=300";
        if (HttpContext.Request.Headers.IfNoneMatch.ToString().Split(',').Any(t => t.Trim() == etag))
        {
            await Send.ResultAsync(Results.StatusCode(StatusCodes.Status304NotModified));
            return;
        }
        await Send.BytesAsync(feed.Content, contentType: CalendarFeedBuilder.ContentType, lastModified: feed.LastModified, cancellation: ct);
    }
}

internal sealed class CourseFeedEndpoint(IMediator mediator) : FeedEndpoint<CourseFeed>(mediator)
{
    protected override string FeedRoute => CourseFeed.Route;
    protected override string FeedSummary => "iCalendar feed of a course's sessions (token in the path)";
    protected override CalendarFeedQuery Query(CourseFeed req) => new(CalendarFeedKind.Course, req.CourseId);
}

internal sealed class PartnerFeedEndpoint(IMediator mediator) : FeedEndpoint<PartnerFeed>(mediator)
{
    protected override string FeedRoute => PartnerFeed.Route;
    protected override string FeedSummary => "iCalendar feed of a partner agency's course sessions (token in the path)";
    protected override CalendarFeedQuery Query(PartnerFeed req) => new(CalendarFeedKind.Partner, req.PartnerId);
}

internal sealed class UnitFeedEndpoint(IMediator mediator) : FeedEndpoint<UnitFeed>(mediator)
{
    protected override string FeedRoute => UnitFeed.Route;
    protected override string FeedSummary => "iCalendar feed of the sessions a unit's officials attend (token in the path)";
    protected override CalendarFeedQuery Query(UnitFeed req) => new(CalendarFeedKind.Unit, req.UnitId);
}

internal sealed class MyFeedEndpoint(IMediator mediator) : FeedEndpoint<MyFeed>(mediator)
{
    protected override string FeedRoute => MyFeed.Route;
    protected override string FeedSummary => "iCalendar feed of my own course sessions (token in the path)";
    protected override CalendarFeedQuery Query(MyFeed req) => new(CalendarFeedKind.Me, null);
}

/// <summary>One feed, as the current (token) user may see it.</summary>
internal sealed record CalendarFeedQuery(CalendarFeedKind Kind, Guid? Id) : IQuery<CalendarFeedFile>;

internal sealed record CalendarFeedFile(byte[] Content, string ETag, DateTimeOffset? LastModified);

internal sealed class CalendarFeedHandler(TrainingDbContext db, TrainingAccess access, IUnitTreeReader tree)
    : IQueryHandler<CalendarFeedQuery, CalendarFeedFile>
{
    private static readonly EnrolmentStatus[] Active = [EnrolmentStatus.Enrolled, EnrolmentStatus.Waitlisted];

    public async ValueTask<CalendarFeedFile> Handle(CalendarFeedQuery query, CancellationToken ct)
    {
        var courses = (await access.VisibleCoursesAsync(ct)).AsNoTracking();
        string name;
        var withdrawnCourses = new HashSet<Guid>();
        switch (query.Kind)
        {
            case CalendarFeedKind.Course:
                var course = await access.CourseAsync(query.Id!.Value, ct, tracked: false);
                courses = courses.Where(c => c.Id == course.Id);
                name = $"{course.Code} — {course.Title}";
                break;
            case CalendarFeedKind.Partner:
                var partner = await access.PartnerAsync(query.Id!.Value, ct);
                courses = courses.Where(c => c.PartnerId == partner.Id);
                name = partner.Name;
                break;
            case CalendarFeedKind.Unit:
                var unitId = query.Id!.Value;
                if (access.IsPartnerOnly || !access.Access.CanSee(unitId)) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), unitId);
                var subtree = await tree.GetSubtreeAsync(unitId, ct) ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), unitId);
                var unitIds = subtree.UnitIds.ToList();
                var enrolled = db.Enrolments.Where(e => unitIds.Contains(e.UnitId) && Active.Contains(e.Status)).Select(e => e.CourseId);
                courses = courses.Where(c => enrolled.Contains(c.Id));
                name = await db.KnownUnits.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "Đơn vị";
                break;
            default:
                var mine = await db.OfPerson(access.Access.Email).AsNoTracking()
                    .Select(e => new { e.CourseId, e.Status }).ToListAsync(ct);
                var courseIds = mine.Select(e => e.CourseId).Distinct().ToList();
                // Withdrawn from every enrolment of a course: its sessions stay in the feed, cancelled, so apps drop them.
                withdrawnCourses = mine.GroupBy(e => e.CourseId).Where(g => g.All(e => e.Status == EnrolmentStatus.Withdrawn))
                    .Select(g => g.Key).ToHashSet();
                courses = courses.Where(c => courseIds.Contains(c.Id));
                name = "Lịch học của tôi";
                break;
        }

        var rows = await (from s in db.Sessions.AsNoTracking()
                          join c in courses on s.CourseId equals c.Id
                          join p in db.Partners on c.PartnerId equals p.Id
                          orderby s.StartsAtUtc
                          select new FeedSession(s, c.Code, c.Title, c.Venue, c.Status, p.Name)).ToListAsync(ct);
        return CalendarFeedBuilder.Build(name, rows, withdrawnCourses);
    }
}
