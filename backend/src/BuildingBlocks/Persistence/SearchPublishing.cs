using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Linq.Expressions;

namespace Khcn.BuildingBlocks.Persistence;

/// <summary>
/// How a module turns one of its records into a <see cref="SearchDocument"/> (ADR 0014). A module registers one
/// per searchable entity (singleton); the save pipeline publishes the document through the module's outbox in the
/// same SaveChanges as the change, and the module's <see cref="ISearchDocumentSource"/> uses the same projection
/// for a rebuild, so both paths index the same text.
/// </summary>
public interface ISearchProjection
{
    Type EntityType { get; }
    string Kind { get; }
    SearchDocument Project(object entity);
    /// <summary>The record's attachments whose text the document carries, if it has any.</summary>
    ISearchAttachments? Attachments { get; }
}

/// <summary>
/// The attachments of a searchable record (a child collection): adding or removing one republishes the record with
/// the text of those it still has (<see cref="SearchPublishingInterceptor"/>), though the record itself is unchanged.
/// </summary>
public interface ISearchAttachments
{
    Type AttachmentType { get; }
    /// <summary>The record's navigation to its attachments.</summary>
    string Navigation { get; }
    Guid OwnerOf(object attachment);
    SearchAttachmentText TextOf(object attachment);
    /// <summary>The texts of a record read with its attachments (the rebuild).</summary>
    IReadOnlyList<SearchAttachmentText> Of(object entity);
}

public sealed class SearchAttachments<T, TAttachment>(Expression<Func<T, IEnumerable<TAttachment>>> navigation,
    Func<TAttachment, Guid> owner, Func<TAttachment, SearchAttachmentText> text) : ISearchAttachments
{
    private readonly Func<T, IEnumerable<TAttachment>> _read = navigation.Compile();
    public Type AttachmentType => typeof(TAttachment);
    public string Navigation { get; } = ((MemberExpression)navigation.Body).Member.Name;
    public Guid OwnerOf(object attachment) => owner((TAttachment)attachment);
    public SearchAttachmentText TextOf(object attachment) => text((TAttachment)attachment);
    public IReadOnlyList<SearchAttachmentText> Of(object entity) => _read((T)entity).Select(text).ToList();
}

public abstract class SearchProjection<T> : ISearchProjection where T : Entity
{
    public Type EntityType => typeof(T);
    public abstract string Kind { get; }
    /// <summary>The document of the record's own fields.</summary>
    public abstract SearchDocument Project(T entity);
    public virtual ISearchAttachments? Attachments => null;
    SearchDocument ISearchProjection.Project(object entity) => Project((T)entity);

    /// <summary>The document with the text of the record's attachments, read with the record (the rebuild).</summary>
    public SearchDocument ProjectWithAttachments(T entity) =>
        Attachments is { } attachments ? Project(entity) with { Attachments = attachments.Of(entity) } : Project(entity);
}

/// <summary>
/// Publishes <see cref="SearchDocumentChanged"/> for every added or modified searchable record and
/// <see cref="SearchDocumentRemoved"/> for every deleted one, into the same SaveChanges (hence the same transaction)
/// as the change. An attachment added or removed republishes its record, and every published record carries the
/// text of its attachments (loaded when the use case did not). Runs before the auditing interceptor, so the queued
/// outbox rows wake the dispatcher.
/// </summary>
public sealed class SearchPublishingInterceptor(IEnumerable<ISearchProjection> projections) : SaveChangesInterceptor
{
    private readonly Dictionary<Type, ISearchProjection> _byType = projections.ToDictionary(p => p.EntityType);
    private readonly Dictionary<Type, ISearchProjection> _byAttachmentType = projections.Where(p => p.Attachments is not null)
        .ToDictionary(p => p.Attachments!.AttachmentType);

    // Whether a module's context maps any searchable type at all, decided once per context type: most modules'
    // saves (Finance, Platform, …) then skip the change-tracker scan entirely.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> _contextHasSearchable = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        PublishAsync(eventData.Context, sync: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await PublishAsync(eventData.Context, sync: false, cancellationToken);
        return result;
    }

    private async Task PublishAsync(DbContext? context, bool sync, CancellationToken ct)
    {
        if (_byType.Count == 0 || context is not ModuleDbContext db) return;
        if (!_contextHasSearchable.GetOrAdd(db.GetType(),
                _ => _byType.Keys.Any(type => db.Model.FindEntityType(type) is not null))) return;
        var now = DateTime.UtcNow; // wall time, not the (test-frozen) clock: versions of a document must order
        var entries = db.ChangeTracker.Entries().ToList();
        // Each record once, in the order met (a save of many records, like the seeders', stays linear).
        var changed = new List<(EntityEntry Entry, ISearchProjection Projection)>();
        var queued = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Dictionary<(Type, Guid), EntityEntry>? tracked = null;
        foreach (var entry in entries)
        {
            if (_byType.TryGetValue(entry.Entity.GetType(), out var projection))
            {
                switch (entry.State)
                {
                    case EntityState.Added or EntityState.Modified:
                        if (queued.Add(entry.Entity)) changed.Add((entry, projection));
                        break;
                    case EntityState.Deleted:
                        db.Publish(new SearchDocumentRemoved(Guid.CreateVersion7(), now, projection.Kind, ((Entity)entry.Entity).Id));
                        break;
                }
            }
            else if (_byAttachmentType.TryGetValue(entry.Entity.GetType(), out var owning)
                     && entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
            {
                var ownerId = owning.Attachments!.OwnerOf(entry.Entity);
                tracked ??= entries.Where(e => e.Entity is Entity).ToDictionary(e => (e.Entity.GetType(), ((Entity)e.Entity).Id));
                var owner = tracked.GetValueOrDefault((owning.EntityType, ownerId)) ?? await FindAsync(db, owning.EntityType, ownerId, sync, ct);
                if (owner is { State: not EntityState.Deleted and not EntityState.Detached } && queued.Add(owner.Entity))
                    changed.Add((owner, owning));
            }
        }
        foreach (var (entry, projection) in changed)
        {
            var document = projection.Project(entry.Entity);
            if (projection.Attachments is { } attachments)
                document = document with { Attachments = await AttachmentTextsAsync(db, entry, attachments, sync, ct) };
            db.Publish(new SearchDocumentChanged(Guid.CreateVersion7(), now, document));
        }
    }

    /// <summary>The texts of the attachments the record keeps after this save (a removed one is still in a loaded collection).</summary>
    private static async Task<IReadOnlyList<SearchAttachmentText>> AttachmentTextsAsync(DbContext db, EntityEntry entry,
        ISearchAttachments attachments, bool sync, CancellationToken ct)
    {
        var collection = entry.Collection(attachments.Navigation);
        if (!collection.IsLoaded && entry.State != EntityState.Added)
        {
            if (sync) collection.Load();
            else await collection.LoadAsync(ct);
        }
        return (collection.CurrentValue ?? Enumerable.Empty<object>()).Cast<object>()
            .Where(a => db.Entry(a).State is not (EntityState.Deleted or EntityState.Detached))
            .Select(attachments.TextOf).ToList();
    }

    private static async Task<EntityEntry?> FindAsync(DbContext db, Type type, Guid id, bool sync, CancellationToken ct)
    {
        var entity = sync ? db.Find(type, id) : await db.FindAsync(type, [id], ct);
        return entity is null ? null : db.Entry(entity);
    }
}
