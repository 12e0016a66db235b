using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Seeding;

/// <summary>
/// Demo campaigns of the provincial federation (HY) with Văn Lâm and Mỹ Hào districts taking part: last year's
/// campaign on plan 405 (both reported), this year's "Lao động sáng tạo" drive (Mỹ Hào reported; Văn Lâm not yet,
/// so its annual report stays unfilled for the walk-through) and an upcoming one for women workers.
/// </summary>
internal sealed class CampaignSeeder(TrainingDbContext db, IMediator mediator, TimeProvider clock) : IModuleSeeder
{
    public int Order => 25;

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || await db.Campaigns.IgnoreQueryFilters().AnyAsync(ct)) return;
        var root = await mediator.Send(new FindUnitByCode("HY"), ct);
        var vanLam = await mediator.Send(new FindUnitByCode("VANLAM"), ct);
        var myHao = await mediator.Send(new FindUnitByCode("MYHAO"), ct);
        if (root is null || vanLam is null || myHao is null) return;
        var today = VietnamTime.Today(clock);
        var year = today.Year;

        var plan405 = Campaign.Create(root.Id, new CampaignDetails(
            $"Tuyên truyền Kế hoạch 405/KH-LĐLĐ về KH,CN&ĐMST trong CNVCLĐ năm {year - 1}",
            "Phổ biến Kế hoạch 405/KH-LĐLĐ, nâng cao nhận thức của cán bộ, đoàn viên, người lao động về vai trò của khoa học, công nghệ và đổi mới sáng tạo.",
            new DateOnly(year - 1, 1, 1), new DateOnly(year - 1, 12, 31),
            [CampaignChannel.Meeting, CampaignChannel.Newsletter, CampaignChannel.SocialMedia],
            [CampaignAudience.Officials, CampaignAudience.Members, CampaignAudience.Workers], null), [vanLam.Id, myHao.Id]);
        var creative = Campaign.Create(root.Id, new CampaignDetails(
            $"Phát động phong trào \"Lao động sáng tạo\" năm {year}",
            "Khuyến khích CNVCLĐ đăng ký sáng kiến, cải tiến kỹ thuật; biểu dương các điển hình tiên tiến.",
            new DateOnly(year, 1, 1), new DateOnly(year, 12, 31),
            [CampaignChannel.Meeting, CampaignChannel.Banner, CampaignChannel.Radio, CampaignChannel.Contest],
            [CampaignAudience.Members, CampaignAudience.Workers, CampaignAudience.Youth], null), [vanLam.Id, myHao.Id]);
        var digital = Campaign.Create(root.Id, new CampaignDetails(
            "Tuyên truyền kỹ năng chuyển đổi số cho nữ CNVCLĐ",
            "Giới thiệu kỹ năng số cơ bản và an toàn thông tin cho nữ công nhân lao động tại các khu công nghiệp.",
            today.AddDays(30), today.AddDays(120),
            [CampaignChannel.SocialMedia, CampaignChannel.Meeting],
            [CampaignAudience.WomenWorkers, CampaignAudience.Other], "Nữ công nhân nhập cư tại khu nhà trọ"), [vanLam.Id]);
        db.Campaigns.AddRange(plan405, creative, digital);

        void Report(Campaign c, Guid unitId, int y, int q, int events, int people, int women) =>
            db.ReachReports.Add(c.Report(unitId, new ReachPeriod(y, q), new ReachFigures(events, people, women, null), "system"));
        Report(plan405, vanLam.Id, year - 1, 2, 6, 1250, 640);
        Report(plan405, vanLam.Id, year - 1, 3, 4, 980, 510);
        Report(plan405, myHao.Id, year - 1, 3, 3, 720, 400);
        var current = ReachPeriod.Of(today).Quarter;
        for (var q = 1; q <= current; q++)
            Report(creative, myHao.Id, year, q, 2 + q, 400 + 150 * q, 220 + 70 * q);
        await db.SaveChangesAsync(ct);
    }
}
