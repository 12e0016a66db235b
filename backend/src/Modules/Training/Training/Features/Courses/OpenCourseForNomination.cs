using FastEndpoints;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Courses;

/// <summary>The coordinator opens a confirmed course for nomination; it needs at least one scheduled session.</summary>
public sealed record OpenCourseForNomination : CourseStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{id}/open";
}

internal sealed class OpenCourseForNominationHandler(TrainingDbContext db, TrainingAccess access, TimeProvider clock)
    : Mediator.ICommandHandler<OpenCourseForNomination, Guid>
{
    public async ValueTask<Guid> Handle(OpenCourseForNomination command, CancellationToken ct)
    {
        var course = await access.CourseForAsync(command.Id, Permission.CoursesManage, ct);
        Concurrency.GuardUpdate(db, course, command.IfMatch);
        var scheduled = await db.Sessions.CountAsync(s => s.CourseId == course.Id && s.Status == SessionStatus.Scheduled, ct);
        course.OpenForNomination(scheduled, access.Actor, clock.GetUtcNow().UtcDateTime);
        return course.Id;
    }
}

internal sealed class OpenCourseForNominationEndpoint(IMediator mediator) : CourseStepEndpoint<OpenCourseForNomination>(mediator)
{
    protected override string Route => OpenCourseForNomination.Route;
    protected override string RequiredPermission => Permission.CoursesManage;
    protected override string StepSummary => "Open a confirmed course for nomination (needs a scheduled session; If-Match; 409 course_state)";
}
