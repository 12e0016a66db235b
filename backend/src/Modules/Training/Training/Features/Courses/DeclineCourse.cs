using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Mediator;

namespace Khcn.Training.Features.Courses;

/// <summary>
/// The partner agency declines a proposed course, saying why (#16: "a partner can decline or ask for changes with a
/// reason"): the course is cancelled with the reason, and the requesting unit is told. Its own staff only.
/// </summary>
public sealed record DeclineCourse : CourseStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{id}/decline";
    public string Reason { get; init; } = "";
}

internal sealed class DeclineCourseValidator : AbstractValidator<DeclineCourse>
{
    public DeclineCourseValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(900).WithMessage("Say why the course is declined.", "Hãy nêu lý do từ chối khóa học.");
}

internal sealed class DeclineCourseHandler(TrainingDbContext db, TrainingAccess access, TimeProvider clock) : Mediator.ICommandHandler<DeclineCourse, Guid>
{
    public async ValueTask<Guid> Handle(DeclineCourse command, CancellationToken ct)
    {
        var course = await PartnerAnswer.ForPartnerAsync(access, command.Id, ct);
        Concurrency.GuardUpdate(db, course, command.IfMatch);
        var now = clock.GetUtcNow().UtcDateTime;
        course.Decline(command.Reason, access.Actor, now);
        PartnerAnswer.TellRequestingUnit(db, course, "declined", "course.declined", "Đối tác từ chối", ("reason", command.Reason.Trim()));
        return course.Id;
    }
}

internal sealed class DeclineCourseEndpoint(IMediator mediator) : CourseStepEndpoint<DeclineCourse>(mediator)
{
    protected override string Route => DeclineCourse.Route;
    protected override string RequiredPermission => Permission.PartnerWork;
    protected override string StepSummary => "Decline a proposed course with a reason (the partner agency's staff; the course is cancelled and the requesting unit told; If-Match; 409 course_state)";
}
