using System.Runtime.CompilerServices;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Persistence;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Integrations;

/// <summary>What Organization gives the KH,CN&amp;ĐMST search (ADR 0014): units, encouragement policies and plans.</summary>
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

/// <summary>Every unit, policy (with its attachments' text) and plan, for a rebuild of the index.</summary>
internal sealed class OrganizationSearchSource(OrganizationDbContext db) : ISearchDocumentSource
{
    private static readonly UnitSearchProjection Units = new();
    private static readonly PolicySearchProjection Policies = new();
    private static readonly PlanSearchProjection Plans = new();

    public IReadOnlyList<string> Kinds => [Units.Kind, Policies.Kind, Plans.Kind];

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var u in db.Units.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct)) yield return Units.Project(u);
        await foreach (var p in db.Policies.AsNoTracking().Include(p => p.Attachments).AsAsyncEnumerable().WithCancellation(ct))
            yield return Policies.ProjectWithAttachments(p);
        await foreach (var p in db.Plans.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct)) yield return Plans.Project(p);
    }
}
