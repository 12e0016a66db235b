using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Courses;

/// <summary>Changes a course's details while it is proposed or confirmed; needs If-Match.</summary>
public sealed record UpdateCourse : CourseFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateCourseValidator : AbstractValidator<UpdateCourse>
{
    public UpdateCourseValidator() => this.AddCourseRules();
}

internal sealed class UpdateCourseHandler(TrainingDbContext db, TrainingAccess access, IMediator mediator) : Mediator.ICommandHandler<UpdateCourse, Guid>
{
    public async ValueTask<Guid> Handle(UpdateCourse command, CancellationToken ct)
    {
        var course = await access.CourseForAsync(command.Id, Permission.CoursesManage, ct);
        Concurrency.GuardUpdate(db, course, command.IfMatch);
        await CourseCodes.EnsureFreeAsync(db, command.Code, course.Id, ct);
        var enrolled = await db.OfAnyUnit().CountAsync(e => e.CourseId == course.Id && e.Status == EnrolmentStatus.Enrolled, ct);
        var funding = await CourseFundingRules.ResolveAsync(mediator, command.FundingAllocationId, course.RequestingUnitId, course, ct);
        course.Revise(command.ToDetails(funding), enrolled);
        return course.Id;
    }
}

internal sealed class UpdateCourseEndpoint(IMediator mediator) : ChangedEndpoint<UpdateCourse, CourseDetail>(mediator)
{
    public override void Configure()
    {
        Put(UpdateCourse.Route);
        Policies(Permission.CoursesManage);
        Summary(s => s.Summary = "Update a course's details while proposed or confirmed (If-Match required; capacity not below enrolled)");
    }

    protected override IQuery<CourseDetail> ReadBack(UpdateCourse command) => new GetCourse { Id = command.Id };
}
