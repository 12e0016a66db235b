using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Mediator;
using Microsoft.EntityFrameworkCore;

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
