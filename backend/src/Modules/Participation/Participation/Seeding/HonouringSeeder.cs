using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Documents;
using Khcn.Organization.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Seeding;

/// <summary>
/// The demo's honouring event: the province's "Lao động sáng tạo" honouring of 28/4/2025 for the 2024 commendation
/// decisions it made (after <see cref="CommendationSeeder"/>), through the same rule as the API — each honouree gets a
/// certificate whose code verifies publicly.
/// </summary>
internal sealed class HonouringSeeder(ParticipationDbContext db, IMediator mediator) : IModuleSeeder
{
    public int Order => 35;

    private static readonly Actor Province = new(null, "Ban Chính sách – Pháp luật LĐLĐ tỉnh");

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || await db.HonouringEvents.IgnoreQueryFilters().AnyAsync(ct)) return;
        if (await mediator.Send(new FindUnitByCode("HY"), ct) is not { } root) return;
        var proposals = await db.CommendationProposals.IgnoreQueryFilters().AsNoTracking().Include(p => p.Nominees)
            .Where(p => p.Year == 2024 && p.Status == ProposalStatus.Approved && p.DecidingUnitId == root.Id).ToListAsync(ct);
        if (proposals.Count == 0) return;
        var decisions = proposals.Select(p => new HonouredDecisionDetails(p.Id, p.FormCode, CommendationRules.Form(p.FormCode).Name, p.DecisionNumber!, p.DecisionDate!.Value,
            p.Nominees.OrderBy(n => n.Order).Select(n => new HonoureeDetails(n.Id, n.Kind, n.OfficialId, n.NomineeUnitId, n.Name, n.Email)).ToList())).ToList();
        db.HonouringEvents.Add(HonouringEvent.Hold(root.Id, root.Name, "Lễ tôn vinh \"Lao động sáng tạo\" và khen thưởng thi đua năm 2024", new DateOnly(2025, 4, 28),
            "Hội trường Liên đoàn Lao động tỉnh Hưng Yên", decisions, PublicLinks.NewVerificationCode, Province, new DateTime(2025, 4, 28, 2, 0, 0, DateTimeKind.Utc)));
        await db.SaveChangesAsync(ct);
    }
}
