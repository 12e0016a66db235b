using System.Diagnostics;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Commendations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Khcn.Participation.Seeding;

/// <summary>
/// The emulation part of the province-scale benchmark dataset (<c>Seed:ScaleEmulation</c>, on by default with
/// <c>Seed:Scale=true</c>; `make seed-scale`): one movement of the province for the last closed year (last year, Vietnam
/// time) with the demo workers' movement's criteria; each upper-level union forms clusters of 10–20 of its grassroots
/// unions (those not yet in a cluster that year) with a leading unit; nearly every grassroots union registers (some
/// late), self-scores every criterion and is reviewed by its upper-level union; the province closes the year, so the
/// ranking is final. Then the commendations of the top ranks: the first of each cluster proposed for "Tập thể lao động
/// xuất sắc", the second and third for "Tập thể lao động tiên tiến", each proposal checked by the same facts and rules
/// as the API (a proposal the rules refuse is left out, never forced), passed by the province's emulation council and
/// decided by the province in December, with its prize published to Finance. Everything goes through the domain;
/// deterministic (a fixed random seed); skipped when the movement is there already; saved in batches with the change
/// tracker cleared between them.
/// </summary>
internal sealed partial class EmulationScaleSeeder(ParticipationDbContext db, CommendationFacts facts, IMediator mediator, TimeProvider clock,
    ILogger<EmulationScaleSeeder> log) : IModuleSeeder
{
    private const int Batch = 500;
    private static readonly Actor Seed = new(null, "Scale seed");
    private static readonly Actor Province = new(null, "Ban Chính sách – Pháp luật LĐLĐ tỉnh");

    private static readonly string[] Targets =
    [
        "100% đoàn viên đăng ký thi đua; ít nhất 01 sáng kiến được công nhận; tuyên truyền KH,CN&ĐMST đến 90% CNVCLĐ",
        "Mỗi tổ công đoàn có ít nhất 01 cải tiến kỹ thuật; 80% đoàn viên tham gia khoá học kỹ năng số",
        "Hoàn thành báo cáo năm đúng hạn; 02 sáng kiến cấp cơ sở; 95% CNVCLĐ được tuyên truyền",
    ];

    public int Order => 71;

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || !options.Scale || !options.ScaleEmulation) return;
        if (await db.Movements.IgnoreQueryFilters().AnyAsync(m => m.LaunchedBy == Seed.Name, ct)) return;
        var root = await mediator.Send(new GetRootUnit(), ct) ?? throw new InvalidOperationException("No root unit to seed emulation for.");
        var ids = (await mediator.Send(new GetSubtreeUnitIds(root.Id), ct)).Select(u => u.UnitId).ToList();
        var units = (await mediator.Send(new GetUnitSummaries(ids), ct)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var uppers = units.Where(u => u.ParentId == root.Id).ToList();
        if (uppers.Count == 0) return;
        var year = VietnamTime.Today(clock).Year - 1;
        var watch = Stopwatch.StartNew();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var random = new Random(2512);
        var movement = Movement.Launch(root.Id, new MovementDetails($"Thi đua \"Lao động giỏi – Lao động sáng tạo\" toàn tỉnh năm {year} (quy mô)", MovementKind.Regular,
            MovementTarget.Collectives, year, year, null, null, new DateOnly(year, 3, 31), ParticipantsMode.Subtree, [],
            EmulationSeeder.WorkerCriteria.Select(c => new CriterionDetails(null, c.Name, c.Max, c.Evidence)).ToList()), Seed);
        db.Movements.Add(movement);
        await SaveAsync(ct);

        // A unit is in at most one cluster a year: the demo's clusters of the same year keep theirs.
        var taken = (await db.ClusterMembers.AsNoTracking().Where(m => m.Year == year).Select(m => m.UnitId).ToListAsync(ct)).ToHashSet();
        var clusters = new List<(EmulationCluster Cluster, UnitSummary Upper)>();
        foreach (var upper in uppers)
        {
            var members = units.Where(u => u.ParentId == upper.Id && u.Kind == UnitKind.Grassroots && !taken.Contains(u.Id)).Select(u => u.Id).ToList();
            for (var (start, k) = (0, 1); start < members.Count; k++)
            {
                var size = random.Next(10, 21);
                if (members.Count - start - size < 10) size = members.Count - start; // no cluster of fewer than ten at the end
                var chunk = members.GetRange(start, size);
                start += size;
                var cluster = EmulationCluster.Form(upper.Id, year, $"Cụm {k} – {Short(upper.Name)}", ClusterKind.Cluster, chunk[random.Next(chunk.Count)], chunk);
                db.Clusters.Add(cluster);
                clusters.Add((cluster, upper));
            }
        }
        await SaveAsync(ct);

        var registrations = await RegistrationsAsync(movement, year, clusters, random, ct);

        var closing = await db.Movements.Include(m => m.ClosedYears).FirstAsync(m => m.Id == movement.Id, ct);
        closing.CloseYear(year, Province, At(new DateOnly(year, 12, 15), 9));
        db.Entry(closing).State = EntityState.Modified;
        await SaveAsync(ct);
        log.LogInformation("Scale seed: emulation movement of {Year} with {Clusters} clusters, {Registrations} registrations, year closed ({Seconds:0.0} s)",
            year, clusters.Count, registrations.Count, watch.Elapsed.TotalSeconds);

        watch.Restart();
        await CommendationsAsync(root.Id, year, movement, clusters, registrations, ct);
        log.LogInformation("Scale seed: emulation commendations in {Seconds:0.0} s", watch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// About 97% of each cluster's members register (8% of them after the deadline); 96% of those self-score every
    /// criterion, each between half the maximum and the maximum in half points; every self-scored unit is reviewed by
    /// its upper-level union, which lowers one criterion of about a third of them, with a comment.
    /// </summary>
    private async Task<Dictionary<Guid, Registration>> RegistrationsAsync(Movement movement, int year,
        IReadOnlyList<(EmulationCluster Cluster, UnitSummary Upper)> clusters, Random random, CancellationToken ct)
    {
        var criteria = movement.Criteria.OrderBy(c => c.Order).ToList();
        var deadline = movement.DeadlineIn(year);
        var result = new Dictionary<Guid, Registration>();
        var n = 0;
        foreach (var (cluster, upper) in clusters)
        {
            var reviewer = new Actor(null, $"Ban Tổ chức – {upper.Name}");
            foreach (var unitId in cluster.Members.Select(m => m.UnitId))
            {
                if (random.Next(100) < 3) continue;
                var late = random.Next(100) < 8;
                var registeredOn = late ? deadline.AddDays(random.Next(1, 30)) : deadline.AddDays(-random.Next(0, 45));
                var registration = Registration.Register(movement, unitId, year, Targets[random.Next(Targets.Length)],
                    random.Next(4) == 0 ? "Tập thể lao động xuất sắc" : "Tập thể lao động tiên tiến", [], new Actor(null, "Cán bộ công đoàn cơ sở"), registeredOn);
                db.Registrations.Add(registration);
                result[unitId] = registration;
                if (random.Next(100) >= 4)
                {
                    var self = criteria.Select(c => Math.Round(c.MaxPoints * random.Next(10, 21) / 20m * 2m, MidpointRounding.ToZero) / 2m).ToList();
                    var scoredAt = At(new DateOnly(year, 11, random.Next(5, 26)), 9);
                    registration.SelfScore(movement, criteria.Select((c, i) => new SelfScoreDetails(c.Id, self[i], null, i == 0
                        ? [new EvidenceDetails(EvidenceKind.Text, null, $"Danh sách sáng kiến, cải tiến được công nhận năm {year}", null)]
                        : [])).ToList(), scoredAt);
                    var lowered = random.Next(3) == 0 ? random.Next(criteria.Count) : -1;
                    registration.Review(movement, criteria.Select((c, i) => i == lowered && self[i] >= 1m
                        ? new ReviewDetails(c.Id, self[i] - random.Next(1, 3) / 2m, "Minh chứng chưa đủ so với mức điểm tự chấm")
                        : new ReviewDetails(c.Id, self[i], null)).ToList(), reviewer, scoredAt.AddDays(random.Next(5, 15)));
                }
                if (++n % Batch == 0) await SaveAsync(ct);
            }
        }
        await SaveAsync(ct);
        return result;
    }

    /// <summary>An upper-level union's name as short as a spreadsheet's sheet name needs (31 characters with "Cụm 12 – ").</summary>
    private static string Short(string name) => name.Replace("Liên đoàn Lao động ", "LĐLĐ ").Replace("Công đoàn ngành ", "CĐN ").Replace("Công đoàn các Khu công nghiệp", "CĐ các KCN")
        .Replace("Công đoàn ", "CĐ ").Replace("thành phố ", "TP ").Replace("thị xã ", "TX ").Split(" tỉnh ")[0].Trim();

    /// <summary>A Vietnam date and hour as UTC.</summary>
    private static DateTime At(DateOnly day, int hour) => DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(hour, 0)) - VietnamTime.Offset, DateTimeKind.Utc);

    private async Task SaveAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
