using Khcn.BuildingBlocks.Documents;
using FastEndpoints;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Training.Access;
using Khcn.Training.Contracts;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Certificates;

/// <summary>
/// Issues a certificate to every participant of a completed course whose result is Completed and who has none
/// yet: running it again issues nothing new. Numbers run per course (<c>CODE/yyyy/001</c>); each certificate gets
/// an unguessable verification code.
/// </summary>
public sealed record IssueCertificates : Mediator.ICommand<IssueCertificatesResult>
{
    public const string Route = "/api/v1/training/courses/{id}/certificates";
    public static string For(Guid id) => $"/api/v1/training/courses/{id}/certificates";
    public Guid Id { get; init; }
}

internal sealed class IssueCertificatesHandler(TrainingDbContext db, TrainingAccess access, PublicLinks links, TimeProvider clock)
    : Mediator.ICommandHandler<IssueCertificates, IssueCertificatesResult>
{
    public async ValueTask<IssueCertificatesResult> Handle(IssueCertificates command, CancellationToken ct)
    {
        var course = await access.CourseForAsync(command.Id, Permission.CoursesManage, ct);
        if (course.Status != CourseStatus.Completed)
            throw new BusinessRuleException("course_not_completed",
                Localized.Text("Certificates are issued once the course is completed.", "Chỉ cấp giấy chứng nhận khi khóa học đã kết thúc."));
        var existing = await db.Certificates.Where(c => c.CourseId == course.Id).ToListAsync(ct);
        var certified = existing.Select(c => c.EnrolmentId).ToHashSet();
        var completed = await db.OfAnyUnit()
            .Where(e => e.CourseId == course.Id && e.Result == CompletionResult.Completed && e.Status != EnrolmentStatus.Withdrawn)
            .OrderBy(e => e.QueueNumber).ToListAsync(ct);
        var toIssue = completed.Where(e => !certified.Contains(e.Id)).ToList();
        if (toIssue.Count > 0)
        {
            var partnerName = await db.Partners.Where(p => p.Id == course.PartnerId).Select(p => p.Name).FirstAsync(ct);
            var completedOn = await CompletedOnAsync(course, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var next = existing.Count + 1;
            foreach (var enrolment in toIssue)
            {
                var number = $"{course.Code}/{completedOn.Year}/{next++:000}";
                var certificate = Certificate.Issue(enrolment, course, partnerName, number, PublicLinks.NewVerificationCode(), completedOn, now);
                db.Certificates.Add(certificate);
                db.Publish(new CertificateIssued(Guid.CreateVersion7(), now, certificate.Id, enrolment.Id, enrolment.OfficialId, number));
                // #16: the participant hears of it (in the same transaction: the outbox delivers it after the commit).
                if (!string.IsNullOrWhiteSpace(enrolment.OfficialEmail))
                    db.Notify(NoticeTarget.Person(enrolment.OfficialEmail), new Notice($"certificate:{certificate.Id}:issued", "certificate.issued",
                        $"Bạn đã được cấp giấy chứng nhận số {number} của khóa học {course.Code} – {course.Title}.", "/training/my",
                        new Dictionary<string, string> { ["number"] = number, ["code"] = course.Code, ["title"] = course.Title }));
                existing.Add(certificate);
            }
        }
        return new IssueCertificatesResult(toIssue.Count, CertificateReads.Views(existing.OrderBy(c => c.Number), links),
            await NotQualifiedAsync(course, ct));
    }

    /// <summary>
    /// The enrolled participants whose result is not Completed, each with the parts of the course's completion rule
    /// (<see cref="CompletionRule"/>) they miss: attendance below the course's minimum %, an assessment failed or not
    /// recorded when the course requires one; else the result recorded at completion.
    /// </summary>
    private async Task<List<NotQualifiedParticipant>> NotQualifiedAsync(Course course, CancellationToken ct)
    {
        var sessionIds = await db.Sessions.Where(s => s.CourseId == course.Id && s.Status == SessionStatus.Scheduled).Select(s => s.Id).ToListAsync(ct);
        var scheduled = sessionIds.ToHashSet();
        var enrolments = await db.OfAnyUnit().AsNoTracking().Include(e => e.Attendance)
            .Where(e => e.CourseId == course.Id && e.Status == EnrolmentStatus.Enrolled && e.Result != CompletionResult.Completed)
            .OrderBy(e => e.OfficialName).ThenBy(e => e.QueueNumber).ToListAsync(ct);
        return enrolments.Select(e =>
        {
            var attended = e.Attendance.Count(a => scheduled.Contains(a.SessionId) && CompletionRule.Counts(a.Mark));
            var percent = CompletionRule.Percent(scheduled.Count, attended);
            var reasons = new List<NotQualifiedReason>();
            if (scheduled.Count > 0 && attended * 100 < course.MinAttendancePercent * scheduled.Count)
                reasons.Add(new("attendance_below_minimum", Localized.Text(
                    $"Attended {attended} of {scheduled.Count} sessions ({percent}%), below the course's minimum of {course.MinAttendancePercent}%.",
                    $"Dự {attended}/{scheduled.Count} buổi ({percent}%), dưới mức tối thiểu {course.MinAttendancePercent}% của khóa học.")));
            if (course.AssessmentRequired && e.AssessmentPassed == false)
                reasons.Add(new("assessment_failed", Localized.Text("Did not pass the final assessment.", "Không đạt đánh giá cuối khóa.")));
            if (course.AssessmentRequired && e.AssessmentPassed is null)
                reasons.Add(new("not_assessed", Localized.Text("Has no final assessment recorded.", "Chưa có kết quả đánh giá cuối khóa.")));
            if (reasons.Count == 0)
                reasons.Add(new("result_not_completed", e.Result == CompletionResult.Pending
                    ? Localized.Text("Has no completion result yet.", "Chưa có kết quả hoàn thành khóa học.")
                    : Localized.Text("The result recorded at completion is: not completed.", "Kết quả ghi nhận khi kết thúc khóa học: không hoàn thành.")));
            return new NotQualifiedParticipant(e.Id, e.OfficialName, percent, reasons);
        }).ToList();
    }

    /// <summary>The day the course was completed (Vietnam time): its Completed step, else its last session.</summary>
    private async Task<DateOnly> CompletedOnAsync(Course course, CancellationToken ct)
    {
        var step = await db.CourseSteps.Where(s => s.CourseId == course.Id && s.To == CourseStatus.Completed)
            .OrderByDescending(s => s.AtUtc).Select(s => (DateTime?)s.AtUtc).FirstOrDefaultAsync(ct);
        var last = step ?? await db.Sessions.Where(s => s.CourseId == course.Id && s.Status == SessionStatus.Scheduled)
            .OrderByDescending(s => s.EndsAtUtc).Select(s => (DateTime?)s.EndsAtUtc).FirstOrDefaultAsync(ct);
        return last is { } at ? DateOnly.FromDateTime(VietnamTime.ToLocal(at)) : VietnamTime.Today(clock);
    }
}

internal sealed class IssueCertificatesEndpoint(IMediator mediator) : Endpoint<IssueCertificates, IssueCertificatesResult>
{
    public override void Configure()
    {
        Post(IssueCertificates.Route);
        Policies(Permission.CoursesManage);
        Summary(s =>
        {
            s.Summary = "Issue certificates to the participants who completed a course (idempotent)";
            s.Responses[409] = "The course is not completed (code course_not_completed).";
        });
    }

    public override async Task HandleAsync(IssueCertificates req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
