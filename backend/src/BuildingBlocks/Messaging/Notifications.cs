namespace Khcn.BuildingBlocks.Messaging;

/// <summary>
/// An in-app notification. <see cref="Key"/> makes sending idempotent: a notice with a key already sent is ignored,
/// so a job that runs again (or on another replica) never notifies twice. <see cref="Kind"/> and
/// <see cref="Params"/> let the SPA render it in the reader's language; <see cref="Text"/> is the Vietnamese text.
/// </summary>
public sealed record Notice(string Key, string Kind, string Text, string? Link = null, IReadOnlyDictionary<string, string>? Params = null);
