using Khcn.BuildingBlocks.Domain;

namespace Khcn.Training.Domain;

internal sealed partial class Course
{
    /// <summary>Nominations are taken while the course is open for nomination and today lies inside its window.</summary>
    public void EnsureTakesNominations(DateOnly today)
    {
        if (Status != CourseStatus.OpenForNomination)
            throw new BusinessRuleException("course_state", Localized.Text($"The course is {Status}, not open for nomination.",
                $"Khóa học đang ở trạng thái \"{StatusName(Status)}\", không nhận cử học viên."));
        if (today < EnrolmentOpensOn || today > EnrolmentClosesOn)
            throw new BusinessRuleException("enrolment_window", Localized.Text(
                $"Nominations are taken from {EnrolmentOpensOn:dd/MM/yyyy} to {EnrolmentClosesOn:dd/MM/yyyy}.",
                $"Chỉ nhận cử học viên từ ngày {EnrolmentOpensOn:dd/MM/yyyy} đến ngày {EnrolmentClosesOn:dd/MM/yyyy}."));
    }

    /// <summary>Within capacity the next nominee is enrolled, beyond it they wait.</summary>
    public EnrolmentStatus PlaceFor(int enrolledCount) => enrolledCount < Capacity ? EnrolmentStatus.Enrolled : EnrolmentStatus.Waitlisted;

    /// <summary>Participants may be withdrawn, marked and assessed until the course is completed or cancelled.</summary>
    public void EnsureParticipantsChangeable()
    {
        if (Status is CourseStatus.Completed or CourseStatus.Cancelled)
            throw new BusinessRuleException("course_state", Localized.Text($"The course is {Status}: its participants no longer change.",
                $"Khóa học {StatusName(Status)}: không thể thay đổi học viên nữa."));
    }
}
