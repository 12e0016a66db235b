using Khcn.BuildingBlocks.Domain;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.BuildingBlocks.Persistence;

/// <summary>
/// A named value that changes, in the same transaction, whenever a change of a given kind is saved in a module's
/// schema (e.g. "a user's grants or status changed"). Readers that keep something derived from those records
/// (the per-request access cache) compare one small row instead of re-reading the records: with several API
/// replicas on one database, every replica sees the new value at its next read.
/// </summary>
public sealed class ChangeStamp : INotAudited
{
    public string Name { get; set; } = "";
    /// <summary>A fresh random value on every change (not a counter: two concurrent changes never write the same value).</summary>
    public Guid Value { get; set; }
}

/// <summary>Which saved changes of <see cref="ContextType"/> change the stamp <see cref="Name"/>.</summary>
public sealed record ChangeStampRule(Type ContextType, string Name, Func<EntityEntry, bool> Changes);

public static class ChangeStampRegistration
{
    /// <summary>
    /// Declares a stamp of <typeparamref name="TContext"/>'s schema; its row is created by the context's migrations
    /// (call <see cref="ModelConventions.AddChangeStamps"/> with the same name in the model).
    /// </summary>
    public static IServiceCollection AddChangeStamp<TContext>(this IServiceCollection services, string name, Func<EntityEntry, bool> changes)
        where TContext : DbContext =>
        services.AddSingleton(new ChangeStampRule(typeof(TContext), name, changes));

    /// <summary>
    /// Declares a stamp of <typeparamref name="TContext"/>'s schema that changes with <em>any</em> saved change of the
    /// module's own records (not its audit, outbox, inbox or scope rows): for readers that keep something derived
    /// from all of them, e.g. the plan dashboard's figures. Call <see cref="ModelConventions.AddChangeStamps"/> too.
    /// </summary>
    public static IServiceCollection AddDataChangeStamp<TContext>(this IServiceCollection services, string name)
        where TContext : DbContext =>
        services.AddChangeStamp<TContext>(name, e => e.Entity is not (AuditEntry or OutboxMessage or InboxMessage or AccessScope));

    /// <summary>The stamp's current value (<see cref="Guid.Empty"/> before its first change). A compiled query: it runs on every request.</summary>
    public static Task<Guid> ReadChangeStampAsync<TContext>(this TContext db, string name, CancellationToken ct) where TContext : DbContext =>
        StampQuery<TContext>.Read(db, name, ct);

    /// <summary>
    /// One compiled query per model of each context type (each has its own model and schema). Per model, not per type: a
    /// compiled query keeps the first context's query services, and a context built with other options (a test's own
    /// SQLite file beside the Host's) then made every later stamp read of the type fail.
    /// </summary>
    private static class StampQuery<TContext> where TContext : DbContext
    {
        private static readonly ConditionalWeakTable<IModel, Func<TContext, string, CancellationToken, Task<Guid>>> ByModel = new();

        public static Task<Guid> Read(TContext db, string name, CancellationToken ct) =>
            ByModel.GetValue(db.Model, static _ => EF.CompileAsyncQuery((TContext context, string stamp, CancellationToken token) =>
                context.Set<ChangeStamp>().Where(s => s.Name == stamp).Select(s => s.Value).FirstOrDefault()))(db, name, ct);
    }
}

/// <summary>Gives every stamp whose rule matches one of the changes being saved a new value, in the same save.</summary>
public sealed class ChangeStampInterceptor(IEnumerable<ChangeStampRule> rules) : SaveChangesInterceptor
{
    private readonly ChangeStampRule[] _rules = rules.ToArray();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context!);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context!);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext context)
    {
        foreach (var rule in _rules)
        {
            if (!rule.ContextType.IsInstanceOfType(context)) continue;
            if (!context.ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && e.Entity is not ChangeStamp && rule.Changes(e)))
                continue;
            var stamps = context.Set<ChangeStamp>();
            var stamp = stamps.Local.FirstOrDefault(s => s.Name == rule.Name);
            if (stamp is null)
            {
                stamp = new ChangeStamp { Name = rule.Name };
                stamps.Attach(stamp);
            }
            stamp.Value = Guid.NewGuid();
            context.Entry(stamp).Property(s => s.Value).IsModified = true;
        }
    }
}
