using System.Globalization;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Training.Contracts;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Courses;

/// <summary>
/// Training's part of an officer's to-dos (#15): the courses open for nomination today (status and enrolment window,
/// Asia/Ho_Chi_Minh), closing soonest first, when the caller may nominate for the unit; nothing otherwise.
/// </summary>
internal sealed class GetTrainingTodosHandler(TrainingDbContext db, TimeProvider clock) : IQueryHandler<GetTrainingTodos, IReadOnlyList<TodoItem>>
{
    public async ValueTask<IReadOnlyList<TodoItem>> Handle(GetTrainingTodos query, CancellationToken ct)
    {
        if (!db.Access.Can(Permission.Nominate, query.UnitId)) return [];
        var today = VietnamTime.Today(clock);
        var open = await db.Courses.AsNoTracking()
            .Where(c => c.Status == CourseStatus.OpenForNomination && c.EnrolmentOpensOn <= today && c.EnrolmentClosesOn >= today)
            .OrderBy(c => c.EnrolmentClosesOn).ThenBy(c => c.Code)
            .Select(c => new { c.Id, c.Code, c.Title, c.EnrolmentClosesOn }).Take(20).ToListAsync(ct);
        return open.Select(c => new TodoItem("course-open",
            string.Create(CultureInfo.InvariantCulture, $"Cử học viên: {c.Code} – {c.Title}"), c.EnrolmentClosesOn, false, null,
            $"/training/courses/{c.Id}")).ToList();
    }
}
