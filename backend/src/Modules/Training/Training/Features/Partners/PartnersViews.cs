using Khcn.BuildingBlocks.Http;
using Khcn.Training.Domain;

namespace Khcn.Training.Features.Partners;

public sealed record PartnerListItem(Guid Id, string Name, PartnerKind Kind, string? ContactName, string? AgreementNumber,
    DateOnly? AgreementValidUntil, int MemberCount, int CourseCount);

public sealed record PartnerMemberView(Guid UserId, string FullName, string Email, DateTime AddedAt);

public sealed record InstructorView(Guid Id, Guid PartnerId, string FullName, string? Email, string? Expertise, long Version) : IVersioned;

/// <summary>The agreement's file as stored (download it from <c>/api/v1/training/partners/{id}/agreement</c>).</summary>
public sealed record AgreementFileView(string FileName, string ContentType, long Size, DateTime UploadedAt);

public sealed record PartnerDetail(Guid Id, string Name, PartnerKind Kind, string? ContactName, string? ContactEmail, string? ContactPhone,
    string? AgreementNumber, DateOnly? AgreementSignedOn, DateOnly? AgreementValidUntil, AgreementFileView? AgreementFile,
    IReadOnlyList<PartnerMemberView> Members, IReadOnlyList<InstructorView> Instructors, long Version) : IVersioned;
