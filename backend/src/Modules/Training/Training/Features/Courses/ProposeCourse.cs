using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Courses;

/// <summary>Proposes a course to a partner agency on behalf of a union unit in the coordinator's scope.</summary>
public sealed record ProposeCourse : CourseFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses";
    public Guid PartnerId { get; init; }
    /// <summary>The union unit asking for the course (in the caller's scope).</summary>
    public Guid RequestingUnitId { get; init; }
}

internal sealed class ProposeCourseValidator : AbstractValidator<ProposeCourse>
{
    public ProposeCourseValidator()
    {
        RuleFor(x => x.PartnerId).NotEmpty();
        RuleFor(x => x.RequestingUnitId).NotEmpty();
        this.AddCourseRules();
    }
}

internal sealed class ProposeCourseHandler(TrainingDbContext db, TrainingAccess access, IMediator mediator, TimeProvider clock)
    : Mediator.ICommandHandler<ProposeCourse, Guid>
{
    public async ValueTask<Guid> Handle(ProposeCourse command, CancellationToken ct)
    {
        var units = await mediator.Send(new GetUnitSummaries([command.RequestingUnitId]), ct);
        if (units.Count == 0) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), command.RequestingUnitId);
        access.Access.Demand(Permission.CoursesManage, command.RequestingUnitId, Localized.Text("Unit", "đơn vị"), command.RequestingUnitId);
        if (!await db.Partners.AnyAsync(p => p.Id == command.PartnerId, ct))
            throw new RequestValidationException(new Dictionary<string, string[]> { ["partnerId"] = [Localized.Text("No such partner agency.", "Không tìm thấy cơ quan đối tác này.")] });
        await CourseCodes.EnsureFreeAsync(db, command.Code, null, ct);
        var funding = await CourseFundingRules.ResolveAsync(mediator, command.FundingAllocationId, command.RequestingUnitId, null, ct);
        var course = Course.Propose(command.PartnerId, command.RequestingUnitId, command.ToDetails(funding), access.Actor, clock.GetUtcNow().UtcDateTime);
        db.Courses.Add(course);
        return course.Id;
    }
}

internal sealed class ProposeCourseEndpoint(IMediator mediator) : CreatedEndpoint<ProposeCourse, CourseDetail>(mediator)
{
    public override void Configure()
    {
        Post(ProposeCourse.Route);
        Policies(Permission.CoursesManage);
        Summary(s =>
        {
            s.Summary = "Propose a course to a partner agency (honours Idempotency-Key; 409 when the code is taken)";
            s.Response<CourseDetail>(201, "The proposed course.");
        });
    }

    protected override IQuery<CourseDetail> ReadBack(ProposeCourse command, Guid id) => new GetCourse { Id = id };

    protected override string Location(ProposeCourse command, Guid id) => GetCourse.For(id);
}
