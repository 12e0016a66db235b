using System.Text;
using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

/// <summary>
/// A partner agency's venues (#16): the rooms its sessions are held in and the venues of its courses, each once, as
/// the session form offers them. A room typed as a new venue that is the same as a known one but for case, diacritics,
/// spacing or punctuation is saved under the known spelling, so it cannot escape the room-clash check.
/// </summary>
public sealed record ListPartnerVenues : IQuery<IReadOnlyList<string>>
{
    public const string Route = "/api/v1/training/partners/{id}/venues";
    public Guid Id { get; init; }
}

internal sealed class ListPartnerVenuesHandler(TrainingDbContext db, TrainingAccess access) : IQueryHandler<ListPartnerVenues, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(ListPartnerVenues query, CancellationToken ct)
    {
        var partner = await access.PartnerAsync(query.Id, ct);
        return (await PartnerVenues.OfAsync(db, partner.Id, ct)).Values.Order(StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), true)).ToList();
    }
}

internal sealed class ListPartnerVenuesEndpoint(IMediator mediator) : Endpoint<ListPartnerVenues, IReadOnlyList<string>>
{
    public override void Configure()
    {
        Get(ListPartnerVenues.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "List a partner agency's venues (the rooms of its sessions and the venues of its courses, each once)");
    }

    public override async Task HandleAsync(ListPartnerVenues req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

/// <summary>The venue list of a partner and the spelling a typed room is saved under.</summary>
internal static class PartnerVenues
{
    /// <summary>Two names of one venue have the same key: case, diacritics, spacing and punctuation ignored ("P.301" = "p 301").</summary>
    public static string Key(string name)
    {
        var folded = VietnameseText.Fold(name);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (char.IsLetterOrDigit(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>The partner's venues by key, each under its most used spelling (ties: the alphabetically first).</summary>
    public static async Task<Dictionary<string, string>> OfAsync(TrainingDbContext db, Guid partnerId, CancellationToken ct)
    {
        var rooms = await db.Sessions.AsNoTracking().Where(s => s.PartnerId == partnerId)
            .GroupBy(s => s.Room).Select(g => new { Name = g.Key, Uses = g.Count() }).ToListAsync(ct);
        var courseVenues = await db.Courses.AsNoTracking().Where(c => c.PartnerId == partnerId && c.Venue != null)
            .GroupBy(c => c.Venue!).Select(g => new { Name = g.Key, Uses = g.Count() }).ToListAsync(ct);
        return rooms.Concat(courseVenues)
            .Where(v => Key(v.Name).Length > 0)
            .GroupBy(v => Key(v.Name))
            .ToDictionary(g => g.Key, g => g.GroupBy(v => v.Name).OrderByDescending(s => s.Sum(v => v.Uses)).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key);
    }

    /// <summary>The spelling <paramref name="room"/> is saved under: the known venue's when it is one, else the room as typed (a new venue).</summary>
    public static async Task<string> CanonicalAsync(TrainingDbContext db, Guid partnerId, string room, CancellationToken ct)
    {
        var typed = room.Trim();
        var key = Key(typed);
        if (key.Length == 0) return typed;
        return (await OfAsync(db, partnerId, ct)).GetValueOrDefault(key) ?? typed;
    }
}
