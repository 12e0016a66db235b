using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Finance.Contracts;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Courses;

/// <summary>What became of one course's old free-text funding reference.</summary>
public enum FundingMigrationOutcome { Matched, Ambiguous, Unmatched }

/// <summary>One course of the migration's report: its old reference, the outcome, the allocation it now points to or why not.</summary>
public sealed record FundingMigrationRow(Guid CourseId, string CourseCode, string CourseTitle, string FundingReference, FundingMigrationOutcome Outcome,
    Guid? AllocationId, string? AllocationLabel, string Reason, IReadOnlyList<string> Candidates);

/// <summary>The migration's report: counts and one row per course that still had only its old reference when it ran.</summary>
public sealed record FundingMigrationReport(int Matched, int Ambiguous, int Unmatched, IReadOnlyList<FundingMigrationRow> Rows);

/// <summary>
/// Migrates the free-text funding reference of courses saved before Finance existed (#14: "Training's course form picks
/// a real allocation instead of a free-text funding reference (migrate the text)"). For each course the caller manages
/// that has an old reference and no allocation yet: when exactly one of the allocations its form may pick (the
/// requesting unit's open training allocations for a course, not another course's) matches the text — the allocation's
/// label equal to the reference or one containing the other, diacritic-, case- and spacing-insensitive — the course is
/// linked to it through the same rule as the form (<see cref="CourseFundingRules"/>), audited like any change of the
/// course. Ambiguous (several match) and unmatched ones are left as they were and listed with the reason. Idempotent:
/// a linked course is not looked at again, so running it twice changes nothing more. The old text is kept.
/// </summary>
public sealed record MigrateCourseFundingReferences : Mediator.ICommand<FundingMigrationReport>
{
    public const string Route = "/api/v1/training/courses/funding-migration";
    /// <summary>Only the courses this unit requested (404 outside the caller's scope); none: every course the caller manages.</summary>
    public Guid? UnitId { get; init; }
}

internal sealed class MigrateCourseFundingReferencesHandler(TrainingDbContext db, TrainingAccess access, IMediator mediator)
    : Mediator.ICommandHandler<MigrateCourseFundingReferences, FundingMigrationReport>
{
    public async ValueTask<FundingMigrationReport> Handle(MigrateCourseFundingReferences command, CancellationToken ct)
    {
        if (command.UnitId is { } unitId) access.Access.Demand(Permission.CoursesManage, unitId, Localized.Text("Unit", "đơn vị"), unitId);
        var courses = db.Courses.Where(c => c.FundingReference != null && c.FundingAllocationId == null);
        if (command.UnitId is { } only) courses = courses.Where(c => c.RequestingUnitId == only);
        var pending = await courses.OrderBy(c => c.Code).ToListAsync(ct);
        var rows = new List<FundingMigrationRow>();
        foreach (var course in pending.Where(c => access.Access.Can(Permission.CoursesManage, c.RequestingUnitId)))
        {
            var reference = course.FundingReference!;
            var options = await mediator.Send(new GetCourseFundingOptions(course.RequestingUnitId, course.Id), ct);
            var matches = options.Where(o => FundingReferenceMatch.Matches(reference, o.Label)).ToList();
            if (matches.Count == 1)
            {
                var funding = await CourseFundingRules.ResolveAsync(mediator, matches[0].Id, course.RequestingUnitId, course, ct);
                course.LinkFunding(funding!);
                rows.Add(new(course.Id, course.Code, course.Title, reference, FundingMigrationOutcome.Matched, funding!.AllocationId, funding.Label,
                    Localized.Text("Linked to the one allocation whose label matches the reference.",
                        "Đã gắn với khoản phân bổ duy nhất có tên khớp với ghi chú nguồn kinh phí."), [funding.Label]));
            }
            else if (matches.Count > 1)
                rows.Add(new(course.Id, course.Code, course.Title, reference, FundingMigrationOutcome.Ambiguous, null, null,
                    Localized.Text($"{matches.Count} allocations match the reference: pick one in the course form.",
                        $"Có {matches.Count} khoản phân bổ khớp với ghi chú: hãy chọn một khoản trong biểu mẫu khóa học."),
                    matches.Select(m => m.Label).ToList()));
            else
                rows.Add(new(course.Id, course.Code, course.Title, reference, FundingMigrationOutcome.Unmatched, null, null,
                    options.Count == 0
                        ? Localized.Text("The requesting unit has no open training allocation for a course to pick.",
                            "Đơn vị đề nghị chưa có khoản phân bổ kinh phí đào tạo nào đang mở để chọn.")
                        : Localized.Text("No allocation of the requesting unit matches the reference: pick one in the course form.",
                            "Không có khoản phân bổ nào của đơn vị khớp với ghi chú: hãy chọn trong biểu mẫu khóa học."), []));
        }
        return new FundingMigrationReport(rows.Count(r => r.Outcome == FundingMigrationOutcome.Matched),
            rows.Count(r => r.Outcome == FundingMigrationOutcome.Ambiguous), rows.Count(r => r.Outcome == FundingMigrationOutcome.Unmatched), rows);
    }
}

/// <summary>When an old free-text reference names an allocation: diacritic-, case- and spacing-insensitive, equal or one containing the other.</summary>
internal static class FundingReferenceMatch
{
    public static bool Matches(string reference, string label)
    {
        var r = VietnameseText.Fold(reference);
        var l = VietnameseText.Fold(label);
        if (r.Length == 0 || l.Length == 0) return false;
        return r == l || (r.Length >= 4 && l.Contains(r, StringComparison.Ordinal)) || (l.Length >= 4 && r.Contains(l, StringComparison.Ordinal));
    }
}

internal sealed class MigrateCourseFundingReferencesEndpoint(IMediator mediator) : Endpoint<MigrateCourseFundingReferences, FundingMigrationReport>
{
    public override void Configure()
    {
        Post(MigrateCourseFundingReferences.Route);
        Policies(Permission.CoursesManage);
        Summary(s => s.Summary = "Link the courses whose old free-text funding reference matches exactly one allocation of their unit; " +
                                 "report the ambiguous and unmatched ones with the reason (idempotent)");
    }

    public override async Task HandleAsync(MigrateCourseFundingReferences req, CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(req, ct), ct);
}
