using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Khcn.BuildingBlocks.Http;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Attendance;

public sealed record AssessmentEntry(Guid EnrolmentId, bool? Passed);

/// <summary>Assessment outcomes of enrolled participants (null clears), all or nothing with per-row errors.</summary>
public sealed record RecordAssessments : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{courseId}/assessments";
    public static string For(Guid courseId) => $"/api/v1/training/courses/{courseId}/assessments";
    public Guid CourseId { get; init; }
    public List<AssessmentEntry> Results { get; init; } = [];
}

internal sealed class RecordAssessmentsValidator : AbstractValidator<RecordAssessments>
{
    public RecordAssessmentsValidator()
    {
        RuleFor(x => x.Results).NotEmpty();
        RuleForEach(x => x.Results).ChildRules(m => m.RuleFor(x => x.EnrolmentId).NotEmpty());
    }
}

internal sealed class RecordAssessmentsHandler(TrainingDbContext db, TrainingAccess access) : Mediator.ICommandHandler<RecordAssessments, Guid>
{
    public async ValueTask<Guid> Handle(RecordAssessments command, CancellationToken ct)
    {
        var course = await access.CourseForAsync(command.CourseId, Permission.AttendanceRecord, ct);
        course.EnsureParticipantsChangeable();
        var ids = command.Results.Select(m => m.EnrolmentId).Distinct().ToList();
        var enrolments = await db.OfCourse(course.Id).Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < command.Results.Count; i++)
        {
            if (!enrolments.TryGetValue(command.Results[i].EnrolmentId, out var e))
                errors[$"results[{i}].enrolmentId"] = [RowMessages.NotAParticipant];
            else if (e.Status != EnrolmentStatus.Enrolled)
                errors[$"results[{i}].enrolmentId"] = [Localized.Text($"{e.OfficialName} is not enrolled.", $"{e.OfficialName} chưa ghi danh vào lớp.")];
        }
        if (errors.Count > 0)
            throw new BusinessRuleException("assessment_rows", RowMessages.NothingSaved, errors);
        foreach (var row in command.Results) enrolments[row.EnrolmentId].Assess(row.Passed);
        return course.Id;
    }
}

internal sealed class RecordAssessmentsEndpoint(IMediator mediator) : ChangedEndpoint<RecordAssessments, AttendanceSheetView>(mediator)
{
    public override void Configure()
    {
        Put(RecordAssessments.Route);
        Policies(Permission.AttendanceRecord);
        Summary(s => s.Summary = "Record assessment outcomes of enrolled participants (all or nothing, per-row errors)");
    }

    protected override IQuery<AttendanceSheetView> ReadBack(RecordAssessments req) => new GetAttendanceSheet { CourseId = req.CourseId };
}
