using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Courses;

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
    /// <summary>
    /// The allocation of the requesting unit's training budget that funds the course (picked from
    /// <c>GET /api/v1/training/courses/funding-options</c>), or none yet.
    /// </summary>
    public Guid? FundingAllocationId { get; init; }
    /// <summary>Completion rule: least share of sessions attended, in percent (default 80).</summary>
    public int MinAttendancePercent { get; init; } = 80;
    public bool AssessmentRequired { get; init; }

    internal CourseDetails ToDetails(CourseFunding? funding) => new(Code, Title, Subject, Audience, Description, Capacity, EnrolmentOpensOn,
        EnrolmentClosesOn, Venue, Fee, FeePaidBy, funding, MinAttendancePercent, AssessmentRequired);
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
        v.RuleFor(x => x.FundingAllocationId).NotEqual(Guid.Empty);
        v.RuleFor(x => x.MinAttendancePercent).InclusiveBetween(0, 100);
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
