using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Training.Domain;

/// <summary>How a campaign reaches people (plan II.1: meetings, the union newsletter, local radio, social media…).</summary>
public enum CampaignChannel { Meeting, Newsletter, Radio, SocialMedia, Banner, Contest, Other }

/// <summary>Whom a campaign addresses.</summary>
public enum CampaignAudience { Officials, Members, Workers, WomenWorkers, Youth, Other }

/// <summary>Where a campaign stands today: not started, running, or over.</summary>
public enum CampaignStatus { Upcoming, Running, Ended }

/// <summary>
/// An awareness campaign (tuyên truyền) run by a union unit — usually the provincial federation's Propaganda
/// board — over a period, through some channels, to some audiences, with units below it taking part and reporting
/// the reach. Owned by the organising unit: its scope decides who changes it; the participating units read it.
/// </summary>
internal sealed class Campaign : Entity, IUnitOwned
{
    private Campaign() { }

    /// <summary>The organising unit.</summary>
    public Guid UnitId { get; private set; }
    public string Title { get; private set; } = "";
    public string? Goal { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    /// <summary>The channels as comma-separated names (one column on both providers; the audit trail reads it as is).</summary>
    public string Channels { get; private set; } = "";
    /// <summary>The audiences as comma-separated names.</summary>
    public string Audiences { get; private set; } = "";
    /// <summary>Whom else it addresses, in words (when the list above is not enough).</summary>
    public string? AudienceNote { get; private set; }
    [NotAudited] public string SearchText { get; private set; } = "";
    public List<CampaignParticipant> Participants { get; private set; } = [];
    public List<CampaignMaterial> Materials { get; private set; } = [];

    public IReadOnlyList<CampaignChannel> ChannelList => Parse<CampaignChannel>(Channels);
    public IReadOnlyList<CampaignAudience> AudienceList => Parse<CampaignAudience>(Audiences);

    public static Campaign Create(Guid unitId, CampaignDetails details, IReadOnlyCollection<Guid> participantIds)
    {
        var campaign = new Campaign { UnitId = unitId };
        campaign.Update(details, participantIds, _ => false);
        return campaign;
    }

    /// <summary>Changes the campaign; a unit that has reported reach (<paramref name="hasReports"/>) cannot leave it.</summary>
    public void Update(CampaignDetails d, IReadOnlyCollection<Guid> participantIds, Func<Guid, bool> hasReports)
    {
        if (d.EndsOn < d.StartsOn)
            throw new BusinessRuleException("campaign_period",
                Localized.Text("A campaign cannot end before it starts.", "Đợt tuyên truyền không thể kết thúc trước khi bắt đầu."),
                new Dictionary<string, string[]> { ["endsOn"] = [Localized.Text("Choose a date on or after the start date.", "Chọn ngày từ ngày bắt đầu trở đi.")] });
        if (d.Channels.Count == 0)
            throw new BusinessRuleException("campaign_channels",
                Localized.Text("A campaign uses at least one channel.", "Đợt tuyên truyền phải dùng ít nhất một hình thức."),
                new Dictionary<string, string[]> { ["channels"] = [Localized.Text("Choose at least one channel.", "Chọn ít nhất một hình thức tuyên truyền.")] });
        var leaving = Participants.Where(p => !participantIds.Contains(p.UnitId) && hasReports(p.UnitId)).Select(p => p.UnitId).ToList();
        if (leaving.Count > 0)
            throw new BusinessRuleException("participant_has_reports",
                Localized.Text("A unit that has reported reach stays in the campaign.", "Đơn vị đã báo cáo kết quả tuyên truyền thì không thể rút khỏi đợt tuyên truyền."),
                new Dictionary<string, string[]>
                {
                    ["participatingUnitIds"] = [.. leaving.Select(id => Localized.Text($"Unit {id} has reported reach.", $"Đơn vị {id} đã báo cáo kết quả tuyên truyền."))],
                });

        Title = d.Title.Trim();
        Goal = Clean(d.Goal);
        StartsOn = d.StartsOn;
        EndsOn = d.EndsOn;
        Channels = string.Join(',', d.Channels.Distinct().Order());
        Audiences = string.Join(',', d.Audiences.Distinct().Order());
        AudienceNote = Clean(d.AudienceNote);
        Participants.RemoveAll(p => !participantIds.Contains(p.UnitId));
        foreach (var id in participantIds.Distinct().Where(id => Participants.All(p => p.UnitId != id)))
            Participants.Add(new CampaignParticipant(Id, id));
        SearchText = VietnameseText.FoldAll(Title, Goal, AudienceNote);
    }

    public bool TakesPart(Guid unitId) => Participants.Any(p => p.UnitId == unitId);

    public CampaignStatus StatusOn(DateOnly today) => StatusOf(StartsOn, EndsOn, today);

    public static CampaignStatus StatusOf(DateOnly startsOn, DateOnly endsOn, DateOnly today) =>
        today < startsOn ? CampaignStatus.Upcoming : today > endsOn ? CampaignStatus.Ended : CampaignStatus.Running;

    public CampaignMaterial Attach(string fileName, string contentType, BuildingBlocks.Files.StoredFile file, string? uploadedBy, string? text = null)
    {
        var material = new CampaignMaterial(Id, UnitId, fileName, contentType, file, uploadedBy, text);
        Materials.Add(material);
        return material;
    }

    /// <summary>The reach a participating unit reports for a quarter of the campaign's period.</summary>
    public ReachReport Report(Guid unitId, ReachPeriod period, ReachFigures figures, string? reportedBy)
    {
        EnsureCanReport(unitId, period);
        return new ReachReport(Id, unitId, period, figures, reportedBy);
    }

    public void EnsureCanReport(Guid unitId, ReachPeriod period)
    {
        if (!TakesPart(unitId))
            throw new BusinessRuleException("not_participating", Localized.Text("Only the units taking part in the campaign report its reach.",
                "Chỉ các đơn vị tham gia đợt tuyên truyền mới báo cáo kết quả."));
        if (period.EndsOn < StartsOn || period.StartsOn > EndsOn)
            throw new BusinessRuleException("period_outside_campaign",
                Localized.Text("The quarter lies outside the campaign's period.", "Quý này nằm ngoài thời gian của đợt tuyên truyền."),
                new Dictionary<string, string[]>
                {
                    ["period"] = [Localized.Text($"Choose a quarter between {StartsOn:dd/MM/yyyy} and {EndsOn:dd/MM/yyyy}.",
                        $"Chọn một quý trong khoảng từ {StartsOn:dd/MM/yyyy} đến {EndsOn:dd/MM/yyyy}.")],
                });
    }

    internal static IReadOnlyList<T> Parse<T>(string csv) where T : struct, Enum =>
        csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Enum.Parse<T>(s)).ToList();

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal sealed record CampaignDetails(string Title, string? Goal, DateOnly StartsOn, DateOnly EndsOn,
    IReadOnlyCollection<CampaignChannel> Channels, IReadOnlyCollection<CampaignAudience> Audiences, string? AudienceNote);

/// <summary>A unit taking part in a campaign (a plain id: units belong to Organization).</summary>
internal sealed class CampaignParticipant
{
    private CampaignParticipant() { }

    public CampaignParticipant(Guid campaignId, Guid unitId)
    {
        CampaignId = campaignId;
        UnitId = unitId;
    }

    public Guid CampaignId { get; private set; }
    public Guid UnitId { get; private set; }
}

/// <summary>A material of a campaign (leaflet, slides, poster…); downloads are authorised like the campaign.</summary>
internal sealed class CampaignMaterial : Entity, IUnitOwned
{
    private CampaignMaterial() { }

    public CampaignMaterial(Guid campaignId, Guid unitId, string fileName, string contentType, BuildingBlocks.Files.StoredFile file, string? uploadedBy,
        string? text = null)
    {
        CampaignId = campaignId;
        UnitId = unitId;
        FileName = fileName;
        ContentType = contentType;
        Size = file.Size;
        Sha256 = file.Sha256;
        StorageKey = file.Key;
        UploadedBy = uploadedBy;
        Text = text;
    }

    public Guid CampaignId { get; private set; }
    /// <summary>The organising unit (as the campaign).</summary>
    public Guid UnitId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    [NotAudited] public string StorageKey { get; private set; } = "";
    public string? UploadedBy { get; private set; }
    /// <summary>The words read from the file (PDF, DOCX; at most <see cref="BuildingBlocks.Files.AttachmentText.MaxChars"/>), for the search; null when it has none.</summary>
    [NotAudited] public string? Text { get; private set; }
}
