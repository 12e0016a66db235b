using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Calendar;

/// <summary>A feed request: the token in the path stands for the user.</summary>
public abstract record FeedRequest
{
    /// <summary>The personal feed token from the feed URL.</summary>
    public string Token { get; init; } = "";
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
