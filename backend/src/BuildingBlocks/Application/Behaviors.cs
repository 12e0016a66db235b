using System.Diagnostics;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.BuildingBlocks.Application;

/// <summary>
/// A command that moves money (Finance): it runs only under an <c>Idempotency-Key</c>, so a retry can never post twice
/// (400 <c>idempotency_key_required</c> without one).
/// </summary>
public interface IMovesMoney;

/// <summary>Logs every message with its duration (structured: message type, elapsed ms).</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> log)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(message, ct);
        }
        finally
        {
            log.LogDebug("Handled {Message} in {ElapsedMs:0.0} ms", typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}

/// <summary>
/// Runs the FluentValidation validators of the message (the Validator.cs beside each use case) before its handler;
/// failures become a 400 problem with per-field errors. First come the rules of every request
/// (<see cref="InputRules"/>): a null where the type allows none stops here, before a validator trips on it.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        var nulls = new List<InputRules.Failure>();
        var text = new List<InputRules.Failure>();
        InputRules.Check(message, nulls, text);
        if (nulls.Count > 0) throw Invalid(nulls.Concat(text));
        var failures = text;
        foreach (var v in validators)
            failures.AddRange((await v.ValidateAsync(message, ct)).Errors.Select(f => new InputRules.Failure(JsonName(f.PropertyName), f.ErrorMessage)));
        if (failures.Count > 0) throw Invalid(failures);
        return await next(message, ct);
    }

    private static RequestValidationException Invalid(IEnumerable<InputRules.Failure> failures) =>
        new(failures.GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.Select(f => f.Message).Distinct().ToArray()));

    private static string JsonName(string property) =>
        string.Join('.', property.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}

/// <summary>
/// After a command's handler returns, commits every module context it changed. Each command changes one module,
/// so this is one SaveChanges: the change, its audit entries and its outbox events in one transaction. Under an
/// <c>Idempotency-Key</c> the commit also holds a marker with the result, and a command whose marker exists already
/// (its first run committed, but the answer was lost) returns that result without running again.
/// The module contexts are resolved only for a command: a query builds just the one context its handler asks for,
/// not all of them (issue 17: constructing every module's context on every read was measurable per-request work).
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(IServiceProvider services, IdempotentRequest idempotency, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse> where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        if (message is not IBaseCommand) return await next(message, ct);
        var contexts = services.GetServices<IModuleDbContext>();
        var marker = idempotency.Key is null ? (Guid?)null : idempotency.MarkerId(typeof(TMessage));
        if (marker is { } earlierRun && await IdempotentCommits.FindAsync<TResponse>(contexts.OfType<DbContext>(), earlierRun, ct) is (true, var earlier))
            return earlier!;

        if (message is IMovesMoney && idempotency.Key is null) throw IdempotencyKeyRequired();
        var response = await next(message, ct);
        foreach (var context in contexts.OfType<DbContext>().Where(c => c.ChangeTracker.HasChanges() || c.Database.CurrentTransaction is not null))
        {
            if (marker is { } id && !idempotency.Marked(id)) IdempotentCommits.Mark(context, id, response, clock.GetUtcNow().UtcDateTime);
            try
            {
                await context.SaveChangesAsync(ct);
                // A handler that drew on a balance row with a conditional UPDATE (ADR 0013) opened the transaction
                // first: the change, its audit, outbox and idempotency marker commit with that UPDATE, or none does.
                if (context.Database.CurrentTransaction is { } transaction) await transaction.CommitAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConcurrencyConflictException();
            }
        }
        return response;
    }

    private static ApiProblemException IdempotencyKeyRequired() => new(400, "idempotency_key_required",
        Localized.Text("Idempotency-Key required.", "Thiếu Idempotency-Key."),
        Localized.Text("A request that moves money must carry an Idempotency-Key header (a new random value per operation, the same on a retry), so that a retry never posts twice.",
            "Yêu cầu chuyển tiền phải có header Idempotency-Key (mỗi thao tác một giá trị ngẫu nhiên mới, gửi lại đúng giá trị đó khi thử lại) để một lần thử lại không bao giờ ghi sổ hai lần."));
}
