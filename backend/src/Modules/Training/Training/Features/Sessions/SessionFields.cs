using FluentValidation;
using Khcn.BuildingBlocks.Application;

namespace Khcn.Training.Features.Sessions;

/// <summary>When, where and with whom a session takes place.</summary>
public abstract record SessionFields
{
    public string Topic { get; init; } = "";
    /// <summary>ISO 8601 with offset, e.g. 2025-03-10T08:00:00+07:00 (stored in UTC, shown in Asia/Ho_Chi_Minh).</summary>
    public DateTimeOffset StartsAt { get; init; }
    /// <summary>ISO 8601 with offset; after startsAt.</summary>
    public DateTimeOffset EndsAt { get; init; }
    public string Room { get; init; } = "";
    /// <summary>One of the partner agency's instructors.</summary>
    public Guid? InstructorId { get; init; }

    internal DateTime StartsAtUtc => StartsAt.UtcDateTime;
    internal DateTime EndsAtUtc => EndsAt.UtcDateTime;
}

internal static class SessionFieldRules
{
    public static void AddSessionRules<T>(this AbstractValidator<T> v) where T : SessionFields
    {
        v.RuleFor(x => x.Topic).NotEmpty().MaximumLength(300);
        v.RuleFor(x => x.Room).NotEmpty().MaximumLength(200);
        v.RuleFor(x => x.StartsAt).NotEmpty();
        v.RuleFor(x => x.EndsAt).NotEmpty().GreaterThan(x => x.StartsAt).WithMessage("A session ends after it starts.", "Buổi học phải kết thúc sau khi bắt đầu.");
        v.RuleFor(x => x).Must(x => x.EndsAt - x.StartsAt <= TimeSpan.FromHours(12))
            .WithName("endsAt").WithMessage("A session lasts at most 12 hours.", "Mỗi buổi học kéo dài tối đa 12 giờ.");
    }
}
