using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Courses;

/// <summary>The course starts running (the coordinator or the course's partner).</summary>
public sealed record StartCourse : CourseStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{id}/start";
}

internal sealed class StartCourseHandler(TrainingDbContext db, TrainingAccess access, TimeProvider clock) : Mediator.ICommandHandler<StartCourse, Guid>
{
    public async ValueTask<Guid> Handle(StartCourse command, CancellationToken ct)
    {
        var course = await access.CourseAsync(command.Id, ct);
        var allowed = await access.CanAsync(Permission.CoursesManage, course, ct)
                      || (access.IsPartnerOnly && await access.CanAsync(Permission.PartnerWork, course, ct));
        if (!allowed) throw new ForbiddenException();
        Concurrency.GuardUpdate(db, course, command.IfMatch);
        course.Start(access.Actor, clock.GetUtcNow().UtcDateTime);
        return course.Id;
    }
}

internal sealed class StartCourseEndpoint(IMediator mediator) : CourseStepEndpoint<StartCourse>(mediator)
{
    protected override string Route => StartCourse.Route;
    protected override string RequiredPermission => Permission.SessionsSchedule;
    protected override string StepSummary => "Start a course open for nomination (the coordinator or its partner; If-Match; 409 course_state)";
}
