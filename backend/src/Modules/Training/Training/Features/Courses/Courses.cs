using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Access;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

using Khcn.Training.Features.Enrolments;

namespace Khcn.Training.Features.Courses;

/// <summary>The course catalogue: every course for union users, the agency's own for a partner's staff.</summary>
public sealed class ListCourses : IQuery<PagedResult<CourseListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/training/courses";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>startsAt (default: soonest first), code, title or status; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the code, title or audience (case and diacritics ignored).</summary>
    public string? Q { get; init; }
    public CourseSubject? Subject { get; init; }
    public CourseStatus? Status { get; init; }
    public Guid? PartnerId { get; init; }
    /// <summary>Only courses open for nomination today (Asia/Ho_Chi_Minh): status and enrolment window.</summary>
    public bool? OpenToday { get; init; }
    /// <summary>Only courses whose first scheduled session starts on or after this day (yyyy-MM-dd, Vietnam time).</summary>
    public DateOnly? StartsFrom { get; init; }
    /// <summary>Only courses whose first scheduled session starts on or before this day (yyyy-MM-dd, Vietnam time).</summary>
    public DateOnly? StartsTo { get; init; }
}

internal sealed class ListCoursesValidator : AbstractValidator<ListCourses>
{
    public ListCoursesValidator()
    {
        this.AddPagingRules("startsAt", "code", "title", "status");
        RuleFor(x => x.Subject).IsInEnum();
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.StartsTo).GreaterThanOrEqualTo(x => x.StartsFrom).When(x => x.StartsFrom is not null && x.StartsTo is not null)
            .WithMessage("startsTo must be on or after startsFrom.", "Ngày cuối của khoảng tìm phải từ ngày đầu trở đi.");
    }
}

internal sealed class ListCoursesHandler(TrainingDbContext db, TrainingAccess access, TimeProvider clock) : IQueryHandler<ListCourses, PagedResult<CourseListItem>>
{
    public async ValueTask<PagedResult<CourseListItem>> Handle(ListCourses query, CancellationToken ct)
    {
        var courses = (await access.VisibleCoursesAsync(ct)).AsNoTracking().WhereMatches(query.Q, c => c.SearchText);
        if (query.Subject is { } subject) courses = courses.Where(c => c.Subject == subject);
        if (query.Status is { } status) courses = courses.Where(c => c.Status == status);
        if (query.PartnerId is { } partnerId) courses = courses.Where(c => c.PartnerId == partnerId);
        if (query.OpenToday == true)
        {
            var today = VietnamTime.Today(clock);
            courses = courses.Where(c => c.Status == CourseStatus.OpenForNomination && c.EnrolmentOpensOn <= today && c.EnrolmentClosesOn >= today);
        }
        var scheduled = db.Sessions.Where(s => s.Status == SessionStatus.Scheduled);
        var rows = courses.Select(c => new
        {
            Course = c,
            First = scheduled.Where(s => s.CourseId == c.Id).Min(s => (DateTime?)s.StartsAtUtc),
        });
        // Days in Vietnam: a day starts at 00:00 +07:00, i.e. 17:00 UTC the day before.
        if (query.StartsFrom is { } from)
        {
            var fromUtc = from.ToDateTime(TimeOnly.MinValue) - VietnamTime.Offset;
            rows = rows.Where(r => r.First >= fromUtc);
        }
        if (query.StartsTo is { } to)
        {
            var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue) - VietnamTime.Offset;
            rows = rows.Where(r => r.First < toUtc);
        }
        var desc = query.Descending();
        rows = query.SortField() switch
        {
            "code" => desc ? rows.OrderByDescending(r => r.Course.Code) : rows.OrderBy(r => r.Course.Code),
            "title" => desc ? rows.OrderByDescending(r => r.Course.Title) : rows.OrderBy(r => r.Course.Title),
            "status" => desc ? rows.OrderByDescending(r => r.Course.Status).ThenBy(r => r.Course.Code) : rows.OrderBy(r => r.Course.Status).ThenBy(r => r.Course.Code),
            _ => desc ? rows.OrderByDescending(r => r.First).ThenBy(r => r.Course.Code) : rows.OrderBy(r => r.First == null).ThenBy(r => r.First).ThenBy(r => r.Course.Code),
        };
        var enrolments = db.OfAnyUnit();
        var page = await rows.Select(r => new
        {
            r.Course.Id, r.Course.Code, r.Course.Title, r.Course.Subject, r.Course.Status, r.Course.PartnerId,
            PartnerName = db.Partners.Where(p => p.Id == r.Course.PartnerId).Select(p => p.Name).FirstOrDefault(),
            r.Course.RequestingUnitId, r.Course.Capacity,
            Enrolled = enrolments.Count(e => e.CourseId == r.Course.Id && e.Status == EnrolmentStatus.Enrolled),
            Waitlisted = enrolments.Count(e => e.CourseId == r.Course.Id && e.Status == EnrolmentStatus.Waitlisted),
            r.Course.EnrolmentOpensOn, r.Course.EnrolmentClosesOn, r.First,
            Last = scheduled.Where(s => s.CourseId == r.Course.Id).Max(s => (DateTime?)s.EndsAtUtc),
            SessionCount = scheduled.Count(s => s.CourseId == r.Course.Id),
        }).ToPageAsync(query, ct);
        return new PagedResult<CourseListItem>(page.Items.Select(c => new CourseListItem(c.Id, c.Code, c.Title, c.Subject, c.Status, c.PartnerId,
                c.PartnerName ?? "", c.RequestingUnitId, c.Capacity, c.Enrolled, c.Waitlisted, c.EnrolmentOpensOn, c.EnrolmentClosesOn,
                c.First is { } f ? CourseViews.Local(f) : null, c.Last is { } l ? CourseViews.Local(l) : null, c.SessionCount)).ToList(),
            page.Page, page.PageSize, page.Total);
    }
}

internal sealed class ListCoursesEndpoint(IMediator mediator) : Endpoint<ListCourses, PagedResult<CourseListItem>>
{
    public override void Configure()
    {
        Get(ListCourses.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "Search the course catalogue (session times with offset +07:00, Asia/Ho_Chi_Minh)");
    }

    public override async Task HandleAsync(ListCourses req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

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
        var course = Course.Propose(command.PartnerId, command.RequestingUnitId, command.ToDetails(), access.Actor, clock.GetUtcNow().UtcDateTime);
        db.Courses.Add(course);
        return course.Id;
    }
}

internal static class CourseCodes
{
    public static async Task EnsureFreeAsync(TrainingDbContext db, string code, Guid? except, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        if (await db.Courses.AnyAsync(c => c.Code == normalized && c.Id != except, ct))
        {
            var taken = Localized.Text($"Another course already has the code {normalized}.", $"Mã {normalized} đã được một khóa học khác sử dụng.");
            throw new BusinessRuleException("course_code_taken", taken, new Dictionary<string, string[]> { ["code"] = [taken] });
        }
    }
}

internal sealed class ProposeCourseEndpoint(IMediator mediator) : Endpoint<ProposeCourse, CourseDetail>
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

    public override async Task HandleAsync(ProposeCourse req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        HttpContext.Response.Headers.Location = GetCourse.For(id);
        await Send.ResponseAsync(await mediator.Send(new GetCourse { Id = id }, ct), StatusCodes.Status201Created, ct);
    }
}

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

internal sealed class UpdateCourseHandler(TrainingDbContext db, TrainingAccess access) : Mediator.ICommandHandler<UpdateCourse, Guid>
{
    public async ValueTask<Guid> Handle(UpdateCourse command, CancellationToken ct)
    {
        var course = await access.CourseForAsync(command.Id, Permission.CoursesManage, ct);
        ETags.GuardUpdate(db, course, command.IfMatch);
        await CourseCodes.EnsureFreeAsync(db, command.Code, course.Id, ct);
        var enrolled = await db.OfAnyUnit().CountAsync(e => e.CourseId == course.Id && e.Status == EnrolmentStatus.Enrolled, ct);
        course.Revise(command.ToDetails(), enrolled);
        return course.Id;
    }
}

internal sealed class UpdateCourseEndpoint(IMediator mediator) : Endpoint<UpdateCourse, CourseDetail>
{
    public override void Configure()
    {
        Put(UpdateCourse.Route);
        Policies(Permission.CoursesManage);
        Summary(s => s.Summary = "Update a course's details while proposed or confirmed (If-Match required; capacity not below enrolled)");
    }

    public override async Task HandleAsync(UpdateCourse req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetCourse { Id = id }, ct), ct);
    }
}
