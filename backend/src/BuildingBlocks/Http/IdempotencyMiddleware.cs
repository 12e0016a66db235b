using System.Security.Cryptography;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Microsoft.AspNetCore.Http;

namespace Khcn.BuildingBlocks.Http;

public sealed record StoredResponse(string RequestHash, int? StatusCode, string? ContentType, string? Location, string? ETag, byte[]? Body);

/// <summary>Port the Platform module implements (a table, so every replica sees the same keys).</summary>
public interface IIdempotencyStore
{
    Task<StoredResponse?> FindAsync(string key, CancellationToken ct);
    /// <returns>false when another request holds the key already.</returns>
    Task<bool> TryReserveAsync(string key, string requestHash, CancellationToken ct);
    /// <summary>
    /// Takes over a key still unanswered after the lease (<c>Idempotency:LeaseSeconds</c>): its request died with
    /// its process. false when the key is answered, younger than the lease, or another retry took it first.
    /// </summary>
    Task<bool> TryResumeAsync(string key, CancellationToken ct);
    Task CompleteAsync(string key, StoredResponse response, CancellationToken ct);
    Task ReleaseAsync(string key, CancellationToken ct);
}

/// <summary>
/// A POST with an <c>Idempotency-Key</c> header runs once per user and key: a retry gets the first answer replayed
/// (same status, Location, ETag and body) and creates nothing; the same key with another body is refused (422);
/// a retry while the first is still running gets 409. Server errors release the key so the client can retry.
/// A key left unanswered by a process that stopped is taken over by a retry once its lease is over; the command
/// then returns the result its first run committed, if it did (<see cref="IdempotentRequest"/>), or runs now.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    /// <summary>The requests the key applies to: creating POSTs, not the auth endpoints.</summary>
    public static bool AppliesTo(string method, string path) =>
        HttpMethods.IsPost(method) && path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWith("/api/v1/auth", StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext http, IIdempotencyStore store, AccessContext access, IdempotentRequest idempotent)
    {
        if (!AppliesTo(http.Request.Method, http.Request.Path) || !http.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(http);
            return;
        }
        var raw = values.ToString();
        if (raw.Length is 0 or > 100)
        {
            await ProblemDetailsSetup.WriteProblemAsync(http, 400, Localized.Text("Invalid Idempotency-Key.", "Idempotency-Key không hợp lệ."),
                Localized.Text("The Idempotency-Key header must have 1 to 100 characters.", "Header Idempotency-Key phải có từ 1 đến 100 ký tự."), "invalid_idempotency_key");
            return;
        }
        var key = $"{access.UserId?.ToString() ?? "anonymous"}:{raw}";
        http.Request.EnableBuffering();
        string hash;
        using (var sha = SHA256.Create())
        {
            var prefix = System.Text.Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}\n");
            sha.TransformBlock(prefix, 0, prefix.Length, null, 0);
            var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            http.Request.Body.Position = 0;
            var bytes = body.ToArray();
            sha.TransformFinalBlock(bytes, 0, bytes.Length);
            hash = Convert.ToHexString(sha.Hash!);
        }

        var existing = await store.FindAsync(key, http.RequestAborted);
        if (existing is null && !await store.TryReserveAsync(key, hash, http.RequestAborted))
            existing = await store.FindAsync(key, http.RequestAborted);
        if (existing is { StatusCode: null } && existing.RequestHash == hash && await store.TryResumeAsync(key, http.RequestAborted))
            existing = null;
        if (existing is not null)
        {
            await ReplayAsync(http, existing, hash);
            return;
        }

        idempotent.Begin(key, hash);
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            await store.ReleaseAsync(key, CancellationToken.None);
            http.Response.Body = original;
            throw;
        }
        http.Response.Body = original;
        var responseBytes = buffer.ToArray();
        if (http.Response.StatusCode >= 500)
            await store.ReleaseAsync(key, CancellationToken.None);
        else
            await store.CompleteAsync(key, new StoredResponse(hash, http.Response.StatusCode, http.Response.ContentType,
                http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                http.Response.Headers.ETag.ToString() is { Length: > 0 } e ? e : null, responseBytes), CancellationToken.None);
        await original.WriteAsync(responseBytes, http.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext http, StoredResponse stored, string hash)
    {
        if (stored.RequestHash != hash)
        {
            await ProblemDetailsSetup.WriteProblemAsync(http, 422, Localized.Text("Idempotency-Key reused.", "Idempotency-Key đã được dùng."),
                Localized.Text("This Idempotency-Key was already used with a different request.", "Idempotency-Key này đã được dùng cho một yêu cầu khác."), "idempotency_key_reused");
            return;
        }
        if (stored.StatusCode is null)
        {
            await ProblemDetailsSetup.WriteProblemAsync(http, 409, Localized.Text("Request in progress.", "Yêu cầu đang được xử lý."),
                Localized.Text("A request with this Idempotency-Key is still being processed. Retry later: a request that was interrupted is run again (or answered with what it saved) once its lease is over.",
                    "Một yêu cầu với Idempotency-Key này vẫn đang được xử lý. Hãy thử lại sau: yêu cầu bị gián đoạn sẽ được chạy lại (hoặc trả về kết quả đã lưu) khi hết thời hạn giữ khóa."),
                "idempotency_in_progress");
            return;
        }
        http.Response.StatusCode = stored.StatusCode.Value;
        if (stored.ContentType is not null) http.Response.ContentType = stored.ContentType;
        if (stored.Location is not null) http.Response.Headers.Location = stored.Location;
        if (stored.ETag is not null) http.Response.Headers.ETag = stored.ETag;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (stored.Body is { Length: > 0 }) await http.Response.Body.WriteAsync(stored.Body, http.RequestAborted);
    }
}
