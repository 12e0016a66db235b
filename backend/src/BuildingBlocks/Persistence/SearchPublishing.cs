using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
}

public abstract class SearchProjection<T> : ISearchProjection where T : Entity
{
    public Type EntityType => typeof(T);
    public abstract string Kind { get; }
    public abstract SearchDocument Project(T entity);
    SearchDocument ISearchProjection.Project(object entity) => Project((T)entity);
}

/// <summary>
/// Publishes <see cref="SearchDocumentChanged"/> for every added or modified searchable record and
/// <see cref="SearchDocumentRemoved"/> for every deleted one, into the same SaveChanges (hence the same transaction)
/// as the change. Runs before the auditing interceptor, so the queued outbox rows wake the dispatcher.
/// </summary>
public sealed class SearchPublishingInterceptor(IEnumerable<ISearchProjection> projections) : SaveChangesInterceptor
{
    private readonly Dictionary<Type, ISearchProjection> _byType = projections.ToDictionary(p => p.EntityType);

    // Whether a module's context maps any searchable type at all, decided once per context type: most modules'
    // saves (Finance, Platform, …) then skip the change-tracker scan entirely.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> _contextHasSearchable = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Publish(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Publish(DbContext? context)
    {
        if (_byType.Count == 0 || context is not ModuleDbContext db) return;
        if (!_contextHasSearchable.GetOrAdd(db.GetType(),
                _ => _byType.Keys.Any(type => db.Model.FindEntityType(type) is not null))) return;
        var now = DateTime.UtcNow; // wall time, not the (test-frozen) clock: versions of a document must order
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (!_byType.TryGetValue(entry.Entity.GetType(), out var projection)) continue;
            switch (entry.State)
            {
                case EntityState.Added or EntityState.Modified:
                    db.Publish(new SearchDocumentChanged(Guid.CreateVersion7(), now, projection.Project(entry.Entity)));
                    break;
                case EntityState.Deleted:
                    db.Publish(new SearchDocumentRemoved(Guid.CreateVersion7(), now, projection.Kind, ((Entity)entry.Entity).Id));
                    break;
            }
        }
    }
}
