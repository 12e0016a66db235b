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

/// <summary>
/// Published when a certificate is issued to a participant who completed a course. Organization shows its
/// <see cref="Number"/> in the official's training history (the row of <see cref="EnrolmentId"/>).
/// </summary>
public sealed record CertificateIssued(
    Guid EventId, DateTime OccurredAtUtc, Guid CertificateId, Guid EnrolmentId, Guid OfficialId, string Number) : IIntegrationEvent;

/// <summary>Published when a certificate is revoked; Organization's training history no longer shows its number.</summary>
public sealed record CertificateRevoked(
    Guid EventId, DateTime OccurredAtUtc, Guid CertificateId, Guid EnrolmentId, Guid OfficialId, string Number) : IIntegrationEvent;

/// <summary>
/// The Training to-dos of an officer of <paramref name="UnitId"/> (the caller has authorised the unit): the courses
/// open for nomination today, with their closing dates — only when the caller may nominate for that unit.
/// </summary>
public sealed record GetTrainingTodos(Guid UnitId) : Mediator.IQuery<IReadOnlyList<TodoItem>>;
