using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace Khcn.Platform.Integrations.Webhooks;

/// <summary><c>Webhooks:*</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";
    public const string HttpClientName = "webhooks";
    /// <summary>The <see cref="OutboxSignal"/> name that wakes the deliverer when deliveries are queued.</summary>
    public const string SignalName = "webhooks";
    /// <summary>Off: deliveries wait in the log (tests drive <see cref="WebhookDeliverer.DeliverDueAsync"/> themselves).</summary>
    public bool Enabled { get; set; } = true;
    public int PollSeconds { get; set; } = 5;
    public int BatchSize { get; set; } = 20;
    public int TimeoutSeconds { get; set; } = 10;
    /// <summary>The wait after the first failed attempt; doubled after each further one, up to <see cref="MaxBackoffMinutes"/>.</summary>
    public int FirstRetrySeconds { get; set; } = 30;
    public int MaxBackoffMinutes { get; set; } = 60;
    /// <summary>Attempts of one delivery before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>Failed attempts in a row (over all its deliveries) after which a subscription is disabled and its owner told.</summary>
    public int DisableAfterFailures { get; set; } = 5;
    /// <summary>Deliver to loopback and private addresses (a receiver inside the same network); off by default, on in Development.</summary>
    public bool AllowPrivateAddresses { get; set; }
}

/// <summary>The whsec_ secrets: generated, shown once, kept protected with the data-protection keys (shared by the replicas).</summary>
internal sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("khcn.webhooks.secret.v1");

    public static string New() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}

/// <summary>Which receiver URLs are acceptable: HTTPS to a public address (HTTP and private addresses only when allowed).</summary>
internal static class WebhookUrls
{
    public static bool IsAcceptable(string url, bool allowPrivate)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo)) return false;
        if (uri.Scheme == Uri.UriSchemeHttp) return allowPrivate && IsPrivateHost(uri);
        if (uri.Scheme != Uri.UriSchemeHttps) return false;
        return allowPrivate || !IsPrivateHost(uri);
    }

    /// <summary>localhost or an IP literal that is loopback, private, link-local or unspecified.</summary>
    public static bool IsPrivateHost(Uri uri) =>
        uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IsPrivate(ip));

    public static bool IsPrivate(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)) return true;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal;
        var b = ip.GetAddressBytes();
        return b[0] == 10 || b[0] == 127 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
               || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
    }

    /// <summary>
    /// The connection of the webhook HTTP client: the host's addresses are resolved here and a private one is refused
    /// unless allowed, so a public name pointing (or re-pointed) at an internal address reaches nothing.
    /// </summary>
    public static SocketsHttpHandler GuardedHandler(WebhookOptions options) => new()
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = addresses.Where(a => options.AllowPrivateAddresses || !IsPrivate(a)).ToArray();
            if (allowed.Length == 0) throw new HttpRequestException($"The address of {context.DnsEndPoint.Host} is private; webhooks are not delivered there.");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

/// <summary>
/// Delivers the webhook log: each due delivery is claimed (a conditional update, safe with several replicas),
/// signed per Standard Webhooks (<c>webhook-id</c> = the delivery's id, the same on every retry;
/// <c>webhook-timestamp</c>; <c>webhook-signature: v1,…</c> HMAC-SHA256) and POSTed. A 2xx marks it delivered;
/// anything else is retried after an exponential backoff on the injected clock; after <see cref="WebhookOptions.MaxAttempts"/>
/// it is failed, and after <see cref="WebhookOptions.DisableAfterFailures"/> failed attempts in a row the
/// subscription is disabled and whoever created it is notified.
/// </summary>
internal sealed class WebhookDeliverer(
    IServiceScopeFactory scopes, IHttpClientFactory http, WebhookOptions options, TimeProvider clock, OutboxSignal signal,
    ILogger<WebhookDeliverer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try { sent = await DeliverDueAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex) { log.LogError(ex, "Webhook delivery pass failed"); }
            if (sent == 0) await signal.WaitAsync(WebhookOptions.SignalName, TimeSpan.FromSeconds(options.PollSeconds), stoppingToken);
        }
    }

    /// <summary>One pass over the due deliveries; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var secrets = scope.ServiceProvider.GetRequiredService<WebhookSecrets>();
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAtUtc <= now && (d.LockedUntilUtc == null || d.LockedUntilUtc < now))
            .Where(d => db.WebhookSubscriptions.Any(s => s.Id == d.SubscriptionId && !s.IsDisabled))
            .OrderBy(d => d.NextAttemptAtUtc).Take(options.BatchSize).Select(d => d.Id).ToListAsync(ct);

        var attempted = 0;
        foreach (var id in ids)
        {
            var lockedUntil = now.AddSeconds(options.TimeoutSeconds * 3);
            var claimed = await db.WebhookDeliveries
                .Where(d => d.Id == id && d.Status == WebhookDeliveryStatus.Pending && (d.LockedUntilUtc == null || d.LockedUntilUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntilUtc, lockedUntil), ct);
            if (claimed == 0) continue;
            attempted++;
            var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == id, ct);
            var subscription = await db.WebhookSubscriptions.SingleAsync(s => s.Id == delivery.SubscriptionId, ct);
            var (status, error) = await SendAsync(subscription, delivery, secrets, ct);
            Record(db, subscription, delivery, status, error);
            await db.SaveChangesAsync(ct);
        }
        return attempted;
    }

    private async Task<(int? Status, string? Error)> SendAsync(WebhookSubscription subscription, WebhookDelivery delivery, WebhookSecrets secrets, CancellationToken ct)
    {
        try
        {
            if (!WebhookUrls.IsAcceptable(subscription.Url, options.AllowPrivateAddresses))
                return (null, "The URL is not an HTTPS URL of a public address.");
            var timestamp = clock.GetUtcNow();
            var webhookId = "msg_" + delivery.Id.ToString("N");
            var signature = new StandardWebhook(secrets.Unprotect(subscription.ProtectedSecret)).Sign(webhookId, timestamp, delivery.Payload);
            using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("webhook-id", webhookId);
            request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString());
            request.Headers.Add("webhook-signature", signature);
            request.Headers.UserAgent.ParseAdd("khcn-webhooks/1.0");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
            using var response = await http.CreateClient(WebhookOptions.HttpClientName).SendAsync(request, timeout.Token);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            log.LogInformation(ex, "Webhook delivery {DeliveryId} to {Url} failed", delivery.Id, subscription.Url);
            return (null, ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message);
        }
    }

    private void Record(PlatformDbContext db, WebhookSubscription subscription, WebhookDelivery delivery, int? status, string? error)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        delivery.Attempts++;
        delivery.LastAttemptAtUtc = now;
        delivery.LastStatusCode = status;
        delivery.LockedUntilUtc = null;
        if (status is >= 200 and < 300)
        {
            delivery.Status = WebhookDeliveryStatus.Delivered;
            delivery.DeliveredAtUtc = now;
            delivery.LastError = null;
            subscription.Succeeded();
            return;
        }
        delivery.LastError = error;
        if (delivery.Attempts >= options.MaxAttempts) delivery.Status = WebhookDeliveryStatus.Failed;
        else delivery.NextAttemptAtUtc = now + WebhookDelivery.Backoff(delivery.Attempts, TimeSpan.FromSeconds(options.FirstRetrySeconds), TimeSpan.FromMinutes(options.MaxBackoffMinutes));
        if (!subscription.Failed(options.DisableAfterFailures)) return;
        log.LogWarning("Webhook subscription {SubscriptionId} disabled after {Failures} failed attempts", subscription.Id, options.DisableAfterFailures);
        var target = subscription.CreatedByUserId is { } user ? NoticeTarget.User(user) : NoticeTarget.Unit(subscription.UnitId);
        var notice = new Notice($"webhook-disabled:{subscription.Id}:{now.Ticks}", "webhook.disabled",
            $"Webhook gửi tới {subscription.Url} đã bị tắt sau {options.DisableAfterFailures} lần gửi thất bại liên tiếp. Hãy kiểm tra máy nhận rồi bật lại.",
            "/admin/webhooks", new Dictionary<string, string> { ["url"] = subscription.Url, ["failures"] = options.DisableAfterFailures.ToString() });
        db.Notifications.Add(Notification.For(target.Audience == NoticeAudience.Unit ? target.Id : null, target.Audience == NoticeAudience.User ? target.Id : null,
            notice.Key, notice.Kind, notice.Text, notice.Link, notice.Params, now));
    }
}
