using Khcn.BuildingBlocks.Domain;

namespace Khcn.Organization.Domain;

/// <summary>
/// A course an official completed, as the Training module reported it (TrainingCompleted): the official's
/// official training history. Owned by the official's unit for the scope filter.
/// </summary>
internal sealed class OfficialTraining : IUnitOwned, INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OfficialId { get; set; }
    public Guid UnitId { get; set; }
    /// <summary>The Training enrolment it came from (one history row per enrolment).</summary>
    public Guid EnrolmentId { get; set; }
    public string CourseCode { get; set; } = "";
    public string CourseTitle { get; set; } = "";
    public string Subject { get; set; } = "";
    public string PartnerName { get; set; } = "";
    public DateOnly CompletedOn { get; set; }
    public string? CertificateNumber { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}
