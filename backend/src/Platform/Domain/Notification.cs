using System.Text.Json;
using Khcn.BuildingBlocks.Domain;

namespace Khcn.Platform.Domain;

/// <summary>An in-app notification for a unit's officers or for one user, stored once per <see cref="Key"/>.</summary>
internal sealed class Notification : INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Key { get; set; } = "";
    public Guid? UnitId { get; set; }
    public Guid? UserId { get; set; }
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Link { get; set; }
    public string? ParamsJson { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public static Notification For(Guid? unitId, Guid? userId, string key, string kind, string text, string? link,
        IReadOnlyDictionary<string, string>? parameters, DateTime nowUtc) => new()
    {
        Key = key,
        UnitId = unitId,
        UserId = userId,
        Kind = kind,
        Text = text,
        Link = link,
        ParamsJson = parameters is null ? null : JsonSerializer.Serialize(parameters),
        CreatedAtUtc = nowUtc,
    };

    public IReadOnlyDictionary<string, string>? Params =>
        ParamsJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(ParamsJson);
}

internal sealed class NotificationRead : INotAudited
{
    public Guid NotificationId { get; set; }
    public Guid UserId { get; set; }
    public DateTime ReadAtUtc { get; set; }
}
