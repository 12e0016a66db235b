using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Enrolments;

/// <summary>
/// Capacity, enrolled count, waitlist and participants of a course. The coordinator and the course's partner see
/// everyone; a unit sees its own officials (the counts are the course's).
/// </summary>
public sealed record ListParticipants : IQuery<CourseParticipants>
{
    public const string Route = "/api/v1/training/courses/{courseId}/enrolments";
    public static string For(Guid courseId) => $"/api/v1/training/courses/{courseId}/enrolments";
    public Guid CourseId { get; init; }
}

internal sealed class ListParticipantsHandler(TrainingDbContext db, TrainingAccess access) : IQueryHandler<ListParticipants, CourseParticipants>
{
    public async ValueTask<CourseParticipants> Handle(ListParticipants query, CancellationToken ct)
    {
        var course = await access.CourseAsync(query.CourseId, ct, tracked: false);
        var seesAll = access.IsPartnerOnly || await access.CanAsync(Permission.CoursesManage, course, ct);
        var all = db.OfCourse(course.Id).AsNoTracking();
        var visible = seesAll ? all : db.Enrolments.AsNoTracking().Where(e => e.CourseId == course.Id);
        var items = await visible.OrderBy(e => e.Status == EnrolmentStatus.Withdrawn).ThenBy(e => e.QueueNumber).ToListAsync(ct);
        var order = await db.WaitlistOrderAsync(course.Id, ct);
        var enrolled = await all.CountAsync(e => e.Status == EnrolmentStatus.Enrolled, ct);
        return new CourseParticipants(course.Id, course.Code, course.Title, course.Status, course.Version, course.Capacity, enrolled,
            order.Count, course.EnrolmentOpensOn, course.EnrolmentClosesOn, seesAll, items.Select(e => e.ToView(order)).ToList());
    }
}

internal sealed class ListParticipantsEndpoint(IMediator mediator) : Endpoint<ListParticipants, CourseParticipants>
{
    public override void Configure()
    {
        Get(ListParticipants.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "Participants of a course with capacity and the waitlist (a unit sees its own officials)");
    }

    public override async Task HandleAsync(ListParticipants req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
