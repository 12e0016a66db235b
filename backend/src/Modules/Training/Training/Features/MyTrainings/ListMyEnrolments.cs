using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.MyTrainings;

/// <summary>
/// A course the signed-in person was nominated to, with its dates (first and last session), status and result, and
/// its next scheduled session not yet ended (<see cref="NextSessionAt"/>, <see cref="NextSessionTopic"/>; #15, the member's home).
/// </summary>
public sealed record MyEnrolment(
    Guid EnrolmentId, Guid CourseId, string CourseCode, string CourseTitle, CourseSubject Subject, string PartnerName,
    CourseStatus CourseStatus, DateTime? StartsAt, DateTime? EndsAt, string? Venue, EnrolmentStatus Status, int? WaitlistPosition,
    CompletionResult Result, DateTime NominatedAt, DateTime? NextSessionAt = null, string? NextSessionTopic = null);

/// <summary>The signed-in user's enrolments, matched by their e-mail across units, newest first.</summary>
public sealed record ListMyEnrolments : IQuery<List<MyEnrolment>>
{
    public const string Route = "/api/v1/training/me/enrolments";
}

internal sealed class ListMyEnrolmentsHandler(TrainingDbContext db, TimeProvider clock) : IQueryHandler<ListMyEnrolments, List<MyEnrolment>>
{
    public async ValueTask<List<MyEnrolment>> Handle(ListMyEnrolments query, CancellationToken ct)
    {
        var enrolments = db.OfPerson(db.Access.Email).AsNoTracking();
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = await (
            from e in enrolments
            join c in db.Courses.AsNoTracking() on e.CourseId equals c.Id
            join p in db.Partners.AsNoTracking() on c.PartnerId equals p.Id
            select new
            {
                e.Id, e.CourseId, c.Code, c.Title, c.Subject, Partner = p.Name, c.Status, c.Venue, Enrolment = e.Status, e.QueueNumber, e.Result,
                e.NominatedAtUtc,
                Starts = db.Sessions.Where(s => s.CourseId == c.Id && s.Status == SessionStatus.Scheduled).Min(s => (DateTime?)s.StartsAtUtc),
                Ends = db.Sessions.Where(s => s.CourseId == c.Id && s.Status == SessionStatus.Scheduled).Max(s => (DateTime?)s.EndsAtUtc),
                Next = db.Sessions.Where(s => s.CourseId == c.Id && s.Status == SessionStatus.Scheduled && s.EndsAtUtc > now)
                    .OrderBy(s => s.StartsAtUtc).Select(s => new { s.StartsAtUtc, s.Topic }).FirstOrDefault(),
                Ahead = enrolments.Count(w => w.CourseId == e.CourseId && w.Status == EnrolmentStatus.Waitlisted && w.QueueNumber < e.QueueNumber),
            }).ToListAsync(ct);
        return mine.OrderByDescending(m => m.Starts ?? m.NominatedAtUtc)
            .Select(m => new MyEnrolment(m.Id, m.CourseId, m.Code, m.Title, m.Subject, m.Partner, m.Status, m.Starts, m.Ends, m.Venue,
                m.Enrolment, m.Enrolment == EnrolmentStatus.Waitlisted ? m.Ahead + 1 : null, m.Result, m.NominatedAtUtc,
                m.Next?.StartsAtUtc, m.Next?.Topic))
            .ToList();
    }
}

internal sealed class ListMyEnrolmentsEndpoint(IMediator mediator) : EndpointWithoutRequest<List<MyEnrolment>>
{
    public override void Configure()
    {
        Get(ListMyEnrolments.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "My trainings: the courses the signed-in person was nominated to (matched by e-mail)");
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.OkAsync(await mediator.Send(new ListMyEnrolments(), ct), ct);
}
