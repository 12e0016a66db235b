namespace Khcn.BuildingBlocks.Messaging;

/// <summary>
/// An in-app notification. <see cref="Key"/> makes sending idempotent: a notice with a key already sent is ignored,
/// so a job that runs again (or on another replica) never notifies twice. <see cref="Kind"/> and
/// <see cref="Params"/> let the SPA render it in the reader's language; <see cref="Text"/> is the Vietnamese text.
/// </summary>
public sealed record Notice(string Key, string Kind, string Text, string? Link = null, IReadOnlyDictionary<string, string>? Params = null);

/// <summary>Port the Platform module implements: notify the officers of a unit, or one user.</summary>
public interface INotifier
{
    /// <summary>Every user holding a role over exactly this unit sees it.</summary>
    Task NotifyUnitAsync(Guid unitId, Notice notice, CancellationToken ct);

    Task NotifyUserAsync(Guid userId, Notice notice, CancellationToken ct);

    /// <summary>
    /// Notifies the active user signing in with this e-mail, if there is one (a course participant is an official
    /// known by e-mail; not every official has an account). Nothing happens otherwise.
    /// </summary>
    Task NotifyPersonAsync(string email, Notice notice, CancellationToken ct);
}
