using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Courses;

/// <summary>A course with its lifecycle steps, sessions and participant counts; 404 for another partner's staff.</summary>
public sealed record GetCourse : IQuery<CourseDetail>
{
    public const string Route = "/api/v1/training/courses/{id}";
    public static string For(Guid id) => $"/api/v1/training/courses/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetCourseHandler(TrainingDbContext db, TrainingAccess access) : IQueryHandler<GetCourse, CourseDetail>
{
    public async ValueTask<CourseDetail> Handle(GetCourse query, CancellationToken ct) => await CourseViews.DetailAsync(db, access, query.Id, ct);
}

internal sealed class GetCourseEndpoint(IMediator mediator) : Endpoint<GetCourse, CourseDetail>
{
    public override void Configure()
    {
        Get(GetCourse.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "Get a course with its lifecycle, sessions (times with offset +07:00) and participant counts");
    }

    public override async Task HandleAsync(GetCourse req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
