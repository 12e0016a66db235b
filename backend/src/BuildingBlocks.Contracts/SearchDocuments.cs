namespace Khcn.BuildingBlocks.Contracts;

/// <summary>Who may find a search document besides its unit's subtree (ADR 0014).</summary>
public enum SearchReach
{
    /// <summary>Callers whose scope holds the document's unit.</summary>
    Subtree,
    /// <summary>Also the units below it (documents that apply downwards: the province's policies, plans, movements).</summary>
    Downward,
    /// <summary>Every union user holding the kind's read permission; partner staff only when it is their agency's (courses).</summary>
    Catalogue,
}

/// <summary>
/// One searchable record, as its module publishes it (ADR 0014): the kind (policy, plan, unit, campaign, course,
/// initiative, topic, movement), the record's id, the unit that scopes it, the text to search and show, and where it lives
/// in the SPA. Texts are the original ones; the index folds them. <see cref="Attachments"/> carries the text read from
/// the record's PDF/DOCX attachments, found like the body and shown as coming from its file.
/// </summary>
public sealed record SearchDocument(
    string Kind, Guid Id, Guid UnitId, SearchReach Reach, string Title, string? Body, string? Status, DateOnly? Date,
    string Link, Guid? AgencyId = null, IReadOnlyList<SearchAttachmentText>? Attachments = null);

/// <summary>The text read from one attachment of a searchable record (null when it has none: an image, a damaged file).</summary>
public sealed record SearchAttachmentText(string FileName, string? Text);

/// <summary>A record was created or changed: the index keeps this version unless it already holds a newer one.</summary>
public sealed record SearchDocumentChanged(Guid EventId, DateTime OccurredAtUtc, SearchDocument Document) : IIntegrationEvent;

/// <summary>A record was deleted: it leaves the index (and a late older change cannot bring it back).</summary>
public sealed record SearchDocumentRemoved(Guid EventId, DateTime OccurredAtUtc, string Kind, Guid Id) : IIntegrationEvent;

/// <summary>Every current document of some kinds, read as the system: what a rebuild of the index indexes.</summary>
public interface ISearchDocumentSource
{
    IReadOnlyList<string> Kinds { get; }
    IAsyncEnumerable<SearchDocument> ReadAllAsync(CancellationToken ct);
}

/// <summary>Which partner agency a partner-staff user works for (Training knows; ADR 0008), for catalogue documents.</summary>
public interface IPartnerAgencyDirectory
{
    Task<Guid?> AgencyOfAsync(Guid userId, CancellationToken ct);
}
