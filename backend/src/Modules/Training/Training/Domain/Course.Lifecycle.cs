using Khcn.BuildingBlocks.Domain;

namespace Khcn.Training.Domain;

/// <summary>
/// The course lifecycle's guard table: from each state, the states a course may move to. Every move goes through
/// <see cref="Move"/>, which refuses the others with 409 <c>course_state</c> naming the allowed moves.
/// Completion (Running → Completed) fixes the participants' results from attendance first (Features/Completion).
/// </summary>
internal sealed partial class Course
{
    private static readonly IReadOnlyDictionary<CourseStatus, CourseStatus[]> Transitions = new Dictionary<CourseStatus, CourseStatus[]>
    {
        [CourseStatus.Proposed] = [CourseStatus.Confirmed, CourseStatus.Cancelled],
        [CourseStatus.Confirmed] = [CourseStatus.OpenForNomination, CourseStatus.Cancelled],
        [CourseStatus.OpenForNomination] = [CourseStatus.Running, CourseStatus.Cancelled],
        [CourseStatus.Running] = [CourseStatus.Completed, CourseStatus.Cancelled],
        [CourseStatus.Completed] = [],
        [CourseStatus.Cancelled] = [],
    };

    /// <summary>The states this course may move to next.</summary>
    public IReadOnlyList<CourseStatus> AllowedMoves => Transitions[Status];

    public static IReadOnlyList<CourseStatus> MovesFrom(CourseStatus status) => Transitions[status];

    /// <summary>Details may change while the partner has not yet opened the course to nominations.</summary>
    public bool DetailsEditable => Status is CourseStatus.Proposed or CourseStatus.Confirmed;

    /// <summary>Sessions can be scheduled, moved or cancelled until the course is completed or cancelled.</summary>
    public bool SchedulingOpen => Status is not (CourseStatus.Completed or CourseStatus.Cancelled);

    /// <summary>The partner agency accepts to run the proposed course (a pending change request is settled by it).</summary>
    public void Confirm(Actor actor, DateTime nowUtc)
    {
        Move(CourseStatus.Confirmed, actor, nowUtc, null);
        ClearChangeRequest();
    }

    /// <summary>The partner agency declines to run the proposed course, saying why: the course is cancelled (#16).</summary>
    public void Decline(string reason, Actor actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new BusinessRuleException("decline_reason", Localized.Text("Say why the course is declined.",
            "Hãy nêu lý do từ chối khóa học."));
        Guard(CourseStatus.Confirmed);
        var note = $"Đối tác từ chối: {reason.Trim()}";
        Move(CourseStatus.Cancelled, actor, nowUtc, note);
        CancellationReason = note;
        ClearChangeRequest();
    }

    /// <summary>
    /// The partner agency asks the requesting unit to change the proposed course before it confirms (#16): the course
    /// stays proposed, the request shows on it until the course is revised or confirmed.
    /// </summary>
    public void RequestChanges(string request, Actor actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(request)) throw new BusinessRuleException("change_request", Localized.Text("Say what should change.",
            "Hãy nêu nội dung đề nghị điều chỉnh."));
        Guard(CourseStatus.Confirmed);
        ChangesRequested = request.Trim();
        ChangesRequestedBy = actor.Name;
        ChangesRequestedAtUtc = nowUtc;
    }

    private void ClearChangeRequest()
    {
        ChangesRequested = null;
        ChangesRequestedBy = null;
        ChangesRequestedAtUtc = null;
    }

    /// <summary>Units may nominate officials; the timetable must have at least one scheduled session by then.</summary>
    public void OpenForNomination(int scheduledSessions, Actor actor, DateTime nowUtc)
    {
        Guard(CourseStatus.OpenForNomination);
        if (scheduledSessions < 1)
            throw new BusinessRuleException("course_without_sessions", Localized.Text("Schedule at least one session before opening the course for nomination.",
                "Cần lên lịch ít nhất một buổi học trước khi mở cử học viên."));
        Move(CourseStatus.OpenForNomination, actor, nowUtc, null);
    }

    public void Start(Actor actor, DateTime nowUtc) => Move(CourseStatus.Running, actor, nowUtc, null);

    /// <summary>Running → completed; the participants' results are computed by the completion rule beforehand.</summary>
    public void Complete(Actor actor, DateTime nowUtc, string? note) => Move(CourseStatus.Completed, actor, nowUtc, note);

    public void Cancel(string reason, Actor actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new BusinessRuleException("cancellation_reason", Localized.Text("Say why the course is cancelled.",
            "Hãy nêu lý do hủy khóa học."));
        Move(CourseStatus.Cancelled, actor, nowUtc, reason.Trim());
        CancellationReason = reason.Trim();
    }

    /// <summary>Changes the details while they are editable; the capacity never drops below those already enrolled.</summary>
    public void Revise(CourseDetails details, int enrolled)
    {
        if (!DetailsEditable)
            throw new BusinessRuleException("course_details_locked", Localized.Text("The course's details can change only while it is proposed or confirmed.",
                "Chỉ sửa được thông tin khóa học khi khóa học đang ở trạng thái đề xuất hoặc đã được đối tác xác nhận."));
        if (details.Capacity < enrolled)
            throw new BusinessRuleException("course_capacity", Localized.Text($"{enrolled} participants are already enrolled: the capacity cannot be lower.",
                $"Đã có {enrolled} học viên ghi danh: không thể giảm số chỗ xuống thấp hơn."));
        Apply(details);
        // The unit answered the partner's request by revising the course.
        ClearChangeRequest();
    }

    private void Move(CourseStatus to, Actor actor, DateTime nowUtc, string? note)
    {
        Guard(to);
        MoveTo(to, actor, nowUtc, note);
    }

    /// <summary>The status's Vietnamese name, as the SPA shows it, for messages.</summary>
    public static string StatusName(CourseStatus status) => status switch
    {
        CourseStatus.Proposed => "đề xuất",
        CourseStatus.Confirmed => "đối tác đã xác nhận",
        CourseStatus.OpenForNomination => "đang mở cử học viên",
        CourseStatus.Running => "đang học",
        CourseStatus.Completed => "đã kết thúc",
        _ => "đã hủy",
    };

    private void Guard(CourseStatus to)
    {
        if (Transitions[Status].Contains(to)) return;
        var allowed = Transitions[Status].Select(s => s.ToString()).ToArray();
        throw new ApiProblemException(409, "course_state",
            Localized.Text("The course is not in a state that allows this.", "Trạng thái hiện tại của khóa học không cho phép thao tác này."),
            Localized.Text($"A course that is {Status} cannot move to {to}." + (allowed.Length == 0 ? " It is final." : $" Allowed: {string.Join(", ", allowed)}."),
                $"Khóa học đang ở trạng thái \"{StatusName(Status)}\" không thể chuyển sang \"{StatusName(to)}\"."
                + (allowed.Length == 0 ? " Đây là trạng thái cuối."
                    : $" Có thể chuyển sang: {string.Join(", ", Transitions[Status].Select(s => $"\"{StatusName(s)}\""))}.")),
            new Dictionary<string, object?> { ["courseStatus"] = Status.ToString(), ["allowedMoves"] = allowed });
    }
}
