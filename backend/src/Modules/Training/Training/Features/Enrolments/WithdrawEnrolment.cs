using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Enrolments;

/// <summary>
/// Withdraws a participant (by the nominating unit or the coordinator). A place freed by an enrolled participant
/// goes to the first person waiting, who is notified.
/// </summary>
public sealed record WithdrawEnrolment : Mediator.ICommand<Withdrawal>
{
    public const string Route = "/api/v1/training/courses/{courseId}/enrolments/{enrolmentId}/withdraw";
    public static string For(Guid courseId, Guid enrolmentId) => $"/api/v1/training/courses/{courseId}/enrolments/{enrolmentId}/withdraw";
    public Guid CourseId { get; init; }
    public Guid EnrolmentId { get; init; }
    public string? Reason { get; init; }
}

/// <summary>The withdrawn participant and, when a place was freed, who was promoted from the waitlist.</summary>
public sealed record WithdrawResult(EnrolmentView Withdrawn, EnrolmentView? Promoted);

/// <summary>What a withdrawal changed (the enrolments <see cref="WithdrawResult"/> reads back).</summary>
public sealed record Withdrawal(Guid WithdrawnId, Guid? PromotedId);

internal sealed class WithdrawEnrolmentValidator : AbstractValidator<WithdrawEnrolment>
{
    public WithdrawEnrolmentValidator() => RuleFor(x => x.Reason).MaximumLength(1000);
}

/// <summary>
/// Commits inside <c>Concurrency.RetryAsync</c>, so it marks its commit itself (<c>IdempotentRequest.MarkCommit</c>):
/// a keyed retry after a crash between the commit and the answer returns this withdrawal instead of 409 already_withdrawn.
/// </summary>
internal sealed class WithdrawEnrolmentHandler(TrainingDbContext db, TrainingAccess access, IdempotentRequest idempotent, TimeProvider clock)
    : Mediator.ICommandHandler<WithdrawEnrolment, Withdrawal>
{
    public async ValueTask<Withdrawal> Handle(WithdrawEnrolment command, CancellationToken ct)
    {
        return await Concurrency.RetryAsync(db, async () =>
        {
            var course = await access.CourseAsync(command.CourseId, ct);
            var enrolment = await db.OfCourse(course.Id).FirstOrDefaultAsync(e => e.Id == command.EnrolmentId, ct)
                            ?? throw new NotFoundException(Localized.Text("Enrolment", "học viên đăng ký"), command.EnrolmentId);
            var coordinator = await access.CanAsync(Permission.CoursesManage, course, ct);
            if (!coordinator) db.Access.Demand(Permission.Nominate, enrolment.UnitId, Localized.Text("Enrolment", "học viên đăng ký"), enrolment.Id);
            course.EnsureParticipantsChangeable();
            var freedPlace = enrolment.Status == EnrolmentStatus.Enrolled;
            enrolment.Withdraw(clock.GetUtcNow().UtcDateTime, command.Reason);
            Enrolment? next = null;
            if (freedPlace)
            {
                var enrolled = await db.OfCourse(course.Id).CountAsync(e => e.Status == EnrolmentStatus.Enrolled && e.Id != enrolment.Id, ct);
                if (enrolled < course.Capacity)
                {
                    next = await db.OfCourse(course.Id).Where(e => e.Status == EnrolmentStatus.Waitlisted)
                        .OrderBy(e => e.QueueNumber).FirstOrDefaultAsync(ct);
                    next?.Promote();
                }
            }
            if (next is not null) NotifyPromoted(course, next);
            db.Touch(course);
            var withdrawal = new Withdrawal(enrolment.Id, next?.Id);
            idempotent.MarkCommit<WithdrawEnrolment, Withdrawal>(db, withdrawal, clock.GetUtcNow().UtcDateTime);
            return withdrawal;
        }, CourseSeats.Busy, ct);
    }

    /// <summary>The promoted person (when known by e-mail) and their unit hear of it, with the withdrawal's save.</summary>
    private void NotifyPromoted(Course course, Enrolment promoted)
    {
        var args = new Dictionary<string, string> { ["course"] = $"{course.Code} – {course.Title}", ["official"] = promoted.OfficialName };
        var text = $"{promoted.OfficialName} đã được chuyển từ danh sách chờ vào lớp {course.Code} – {course.Title}.";
        // The person reads it addressed to them, not in the third person (#16).
        if (!string.IsNullOrWhiteSpace(promoted.OfficialEmail))
            db.Notify(NoticeTarget.Person(promoted.OfficialEmail),
                new Notice($"enrolment:{promoted.Id}:promoted:person", "training.enrolment.promoted-you",
                    $"Bạn đã được chuyển từ danh sách chờ vào lớp {course.Code} – {course.Title}.", "/training/my", args));
        db.Notify(NoticeTarget.Unit(promoted.UnitId),
            new Notice($"enrolment:{promoted.Id}:promoted:unit", "training.enrolment.promoted", text, $"/training/courses/{course.Id}", args));
    }
}

/// <summary>The withdrawn participant and the promoted one, as the API answers them (read back after the commit).</summary>
internal sealed record GetWithdrawal(Guid CourseId, Withdrawal Withdrawal) : IQuery<WithdrawResult>;

internal sealed class GetWithdrawalHandler(TrainingDbContext db) : IQueryHandler<GetWithdrawal, WithdrawResult>
{
    public async ValueTask<WithdrawResult> Handle(GetWithdrawal query, CancellationToken ct)
    {
        var ids = new[] { query.Withdrawal.WithdrawnId, query.Withdrawal.PromotedId ?? Guid.Empty };
        var enrolments = await db.OfCourse(query.CourseId).AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        var order = await db.WaitlistOrderAsync(query.CourseId, ct);
        return new WithdrawResult(enrolments.Single(e => e.Id == query.Withdrawal.WithdrawnId).ToView(order),
            enrolments.SingleOrDefault(e => e.Id == query.Withdrawal.PromotedId)?.ToView(order));
    }
}

internal sealed class WithdrawEnrolmentEndpoint(IMediator mediator) : Endpoint<WithdrawEnrolment, WithdrawResult>
{
    public override void Configure()
    {
        Post(WithdrawEnrolment.Route);
        Policies(Permission.Nominate);
        Summary(s => s.Summary = "Withdraw a participant; the first person waiting takes a freed place and is notified");
    }

    public override async Task HandleAsync(WithdrawEnrolment req, CancellationToken ct)
    {
        var withdrawal = await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetWithdrawal(req.CourseId, withdrawal), ct), ct);
    }
}
