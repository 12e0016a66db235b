using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.Training.Domain;

namespace Khcn.Training.Features.Courses;

public sealed record CourseListItem(Guid Id, string Code, string Title, CourseSubject Subject, CourseStatus Status, Guid PartnerId,
    string PartnerName, Guid RequestingUnitId, int Capacity, int Enrolled, int Waitlisted, DateOnly EnrolmentOpensOn,
    DateOnly EnrolmentClosesOn, DateTimeOffset? FirstSessionAt, DateTimeOffset? LastSessionAt, int SessionCount);

public sealed record CourseStepView(CourseStatus? From, CourseStatus To, Guid? ActorUserId, string ActorName, DateTime At, string? Note);

/// <summary>A session; times in Asia/Ho_Chi_Minh (offset +07:00).</summary>
public sealed record SessionView(Guid Id, Guid CourseId, string Topic, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Room,
    Guid? InstructorId, string? InstructorName, SessionStatus Status, int Sequence, long Version) : IVersioned;

/// <summary>What the caller may do on the course now (by right and by state): the SPA shows these actions.</summary>
public sealed record CourseActions(bool Edit, bool Confirm, bool Open, bool Start, bool Cancel, bool Schedule);

public sealed record CourseDetail(Guid Id, string Code, string Title, CourseSubject Subject, string? Audience, string? Description,
    int Capacity, DateOnly EnrolmentOpensOn, DateOnly EnrolmentClosesOn, string? Venue, decimal Fee, FeePayer FeePaidBy,
    string? FundingReference, int MinAttendancePercent, bool AssessmentRequired, CourseStatus Status, string? CancellationReason,
    Guid PartnerId, string PartnerName, Guid RequestingUnitId, string? RequestingUnitName,
    int Enrolled, int Waitlisted, int CapacityLeft, IReadOnlyList<CourseStatus> AllowedMoves, CourseActions Can,
    IReadOnlyList<CourseStepView> Steps, IReadOnlyList<SessionView> Sessions, long Version) : IVersioned;

/// <summary>The editable fields of a course.</summary>
public abstract record CourseFields
{
    /// <summary>Unique code, e.g. "KHCN-2025-01" (kept upper-case).</summary>
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public CourseSubject Subject { get; init; }
    /// <summary>Who it is for, e.g. "Cán bộ công đoàn cấp cơ sở".</summary>
    public string? Audience { get; init; }
    public string? Description { get; init; }
    public int Capacity { get; init; }
    public DateOnly EnrolmentOpensOn { get; init; }
    public DateOnly EnrolmentClosesOn { get; init; }
    public string? Venue { get; init; }
    /// <summary>Fee per participant in VND.</summary>
    public decimal Fee { get; init; }
    public FeePayer FeePaidBy { get; init; } = FeePayer.Federation;
    public string? FundingReference { get; init; }
    /// <summary>Completion rule: least share of sessions attended, in percent (default 80).</summary>
    public int MinAttendancePercent { get; init; } = 80;
    public bool AssessmentRequired { get; init; }

    internal CourseDetails ToDetails() => new(Code, Title, Subject, Audience, Description, Capacity, EnrolmentOpensOn, EnrolmentClosesOn,
        Venue, Fee, FeePaidBy, FundingReference, MinAttendancePercent, AssessmentRequired);
}

internal static class CourseFieldRules
{
    public static void AddCourseRules<T>(this AbstractValidator<T> v) where T : CourseFields
    {
        v.RuleFor(x => x.Code).NotEmpty().MaximumLength(50).Matches("^[A-Za-z0-9._/-]+$")
            .WithMessage("Use letters, digits and . _ / - in the code.", "Mã chỉ gồm chữ cái, chữ số và các ký tự . _ / -");
        v.RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        v.RuleFor(x => x.Subject).IsInEnum();
        v.RuleFor(x => x.Audience).MaximumLength(500);
        v.RuleFor(x => x.Description).MaximumLength(4000);
        v.RuleFor(x => x.Capacity).InclusiveBetween(1, 10000);
        v.RuleFor(x => x.EnrolmentOpensOn).NotEmpty();
        v.RuleFor(x => x.EnrolmentClosesOn).NotEmpty().GreaterThanOrEqualTo(x => x.EnrolmentOpensOn)
            .WithMessage("The enrolment window closes on or after it opens.", "Ngày kết thúc cử học viên phải từ ngày bắt đầu trở đi.");
        v.RuleFor(x => x.Venue).MaximumLength(300);
        v.RuleFor(x => x.Fee).GreaterThanOrEqualTo(0);
        v.RuleFor(x => x.FeePaidBy).IsInEnum();
        v.RuleFor(x => x.FundingReference).MaximumLength(100);
        v.RuleFor(x => x.MinAttendancePercent).InclusiveBetween(0, 100);
    }
}
