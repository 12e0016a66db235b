using System.Runtime.CompilerServices;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Persistence;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Integrations;

/// <summary>
/// What Organization gives the KH,CN&amp;ĐMST search (ADR 0014): units, encouragement policies, plans and the units'
/// implementation plans.
/// </summary>
internal sealed class UnitSearchProjection : SearchProjection<UnionUnit>
{
    public override string Kind => "unit";
    public override SearchDocument Project(UnionUnit u) => new(Kind, u.Id, u.Id, SearchReach.Subtree, u.Name,
        Join(u.Code, u.Address), u.Status.ToString(), null, $"/organization/units/{u.Id}");

    internal static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}

/// <summary>
/// Policies apply downwards: the units below the issuing one read them (PolicyVisibility). The text of their PDF/DOCX
/// attachments is found with them.
/// </summary>
internal sealed class PolicySearchProjection : SearchProjection<PolicyDocument>
{
    public override string Kind => "policy";
    public override ISearchAttachments Attachments { get; } = new SearchAttachments<PolicyDocument, PolicyAttachment>(
        p => p.Attachments, a => a.PolicyId, a => new SearchAttachmentText(a.File.FileName, a.Text));
    public override SearchDocument Project(PolicyDocument p) => new(Kind, p.Id, p.UnitId, SearchReach.Downward, p.Title,
        UnitSearchProjection.Join(p.Number, p.Issuer, p.Summary, p.Scope), null, p.IssuedOn, $"/organization/policies/{p.Id}");
}

/// <summary>Plans apply downwards too (PlanVisibility).</summary>
internal sealed class PlanSearchProjection : SearchProjection<Plan>
{
    public override string Kind => "plan";
    public override SearchDocument Project(Plan p) => new(Kind, p.Id, p.UnitId, SearchReach.Downward, p.Title,
        UnitSearchProjection.Join(p.Number, p.IssuerName, p.Implements, p.Summary), null, p.IssuedOn, $"/organization/plans/{p.Id}");
}

/// <summary>
/// A unit's implementation plan, found in its unit's subtree (the scope filter of its own page: the unit and those above
/// it read it, not its siblings), with the text of its files (the signed documents). Its page is the parent plan's
/// "our implementation plan" tab, opened on the unit.
/// </summary>
internal sealed class ImplementationPlanSearchProjection : SearchProjection<ImplementationPlan>
{
    public override string Kind => "implementation-plan";
    public override ISearchAttachments Attachments { get; } = new SearchAttachments<ImplementationPlan, ImplementationPlanAttachment>(
        i => i.Attachments, a => a.ImplementationPlanId, a => new SearchAttachmentText(a.File.FileName, a.Text));
    public override SearchDocument Project(ImplementationPlan i) => new(Kind, i.Id, i.UnitId, SearchReach.Subtree, i.Title,
        UnitSearchProjection.Join(i.Number, i.Note), i.Status.ToString(), i.IssuedOn, $"/organization/plans/{i.PlanId}?tab=ours&unit={i.UnitId}");
}

/// <summary>Every unit, policy, plan and implementation plan (with their files' text), for a rebuild of the index.</summary>
internal sealed class OrganizationSearchSource(OrganizationDbContext db) : ISearchDocumentSource
{
    private static readonly UnitSearchProjection Units = new();
    private static readonly PolicySearchProjection Policies = new();
    private static readonly PlanSearchProjection Plans = new();
    private static readonly ImplementationPlanSearchProjection Implementations = new();

    public IReadOnlyList<string> Kinds => [Units.Kind, Policies.Kind, Plans.Kind, Implementations.Kind];

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var u in db.Units.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct)) yield return Units.Project(u);
        await foreach (var p in db.Policies.AsNoTracking().Include(p => p.Attachments).AsAsyncEnumerable().WithCancellation(ct))
            yield return Policies.ProjectWithAttachments(p);
        await foreach (var p in db.Plans.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct)) yield return Plans.Project(p);
        await foreach (var i in db.ImplementationPlans.AsNoTracking().Include(i => i.Attachments).AsAsyncEnumerable().WithCancellation(ct))
            yield return Implementations.ProjectWithAttachments(i);
    }
}
