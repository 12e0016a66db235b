using Khcn.BuildingBlocks.Contracts;

namespace Khcn.Training.Contracts;

/// <summary>
/// Published once per participant when a course is completed and the participant met its completion rule.
/// Organization keeps it in the official's training history. <see cref="Subject"/> is the course subject's name
/// (Expertise, PoliticalTheory, ForeignLanguage, ResearchMethods, InnovationSkills, Other).
/// </summary>
public sealed record TrainingCompleted(
    Guid EventId, DateTime OccurredAtUtc, Guid EnrolmentId, Guid OfficialId, Guid UnitId, Guid CourseId,
    string CourseCode, string CourseTitle, string Subject, string PartnerName, DateOnly CompletedOn) : IIntegrationEvent;
