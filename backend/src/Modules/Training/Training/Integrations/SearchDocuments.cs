using System.Runtime.CompilerServices;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Persistence;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Integrations;

/// <summary>
/// What Training gives the KH,CN&amp;ĐMST search (ADR 0014): campaigns, with the text of their PDF/DOCX materials, and
/// courses (which have no files).
/// </summary>
internal sealed class CampaignSearchProjection : SearchProjection<Campaign>
{
    public override string Kind => "campaign";
    public override ISearchAttachments Attachments { get; } = new SearchAttachments<Campaign, CampaignMaterial>(
        c => c.Materials, m => m.CampaignId, m => new SearchAttachmentText(m.FileName, m.Text));
    public override SearchDocument Project(Campaign c) => new(Kind, c.Id, c.UnitId, SearchReach.Subtree, c.Title,
        string.Join(" · ", new[] { c.Goal, c.AudienceNote }.Where(p => !string.IsNullOrWhiteSpace(p))), null, c.StartsOn,
        $"/training/campaigns/{c.Id}");
}

/// <summary>The course catalogue is read by every union user with training.read, and by its agency's staff (ADR 0008).</summary>
internal sealed class CourseSearchProjection : SearchProjection<Course>
{
    public override string Kind => "course";
    public override SearchDocument Project(Course c) => new(Kind, c.Id, c.RequestingUnitId, SearchReach.Catalogue, c.Title,
        string.Join(" · ", new[] { c.Code, c.Description, c.Audience, c.Venue }.Where(p => !string.IsNullOrWhiteSpace(p))),
        c.Status.ToString(), c.EnrolmentOpensOn, $"/training/courses/{c.Id}", c.PartnerId);
}

internal sealed class TrainingSearchSource(TrainingDbContext db) : ISearchDocumentSource
{
    private static readonly CampaignSearchProjection Campaigns = new();
    private static readonly CourseSearchProjection Courses = new();

    public IReadOnlyList<string> Kinds => [Campaigns.Kind, Courses.Kind];

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var c in db.Campaigns.AsNoTracking().Include(c => c.Materials).AsAsyncEnumerable().WithCancellation(ct))
            yield return Campaigns.ProjectWithAttachments(c);
        await foreach (var c in db.Courses.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct)) yield return Courses.Project(c);
    }
}

/// <summary>The agency a partner-staff user works for, for the search's catalogue documents.</summary>
internal sealed class PartnerAgencyDirectory(TrainingDbContext db) : IPartnerAgencyDirectory
{
    public Task<Guid?> AgencyOfAsync(Guid userId, CancellationToken ct) =>
        db.PartnerMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => (Guid?)m.PartnerId).FirstOrDefaultAsync(ct);
}
