using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Organization.Domain;

/// <summary>An encouragement-policy document in the register (plan II.2: "issue encouragement policies").</summary>
internal sealed class PolicyDocument : Entity, IUnitOwned
{
    private PolicyDocument() { }

    /// <summary>The union unit that keeps this document in its register (its scope decides who sees it).</summary>
    public Guid UnitId { get; private set; }
    public string Number { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Issuer { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public DateOnly? EffectiveTo { get; private set; }
    public string? Scope { get; private set; }
    public string? Summary { get; private set; }
    [NotAudited] public string SearchText { get; private set; } = "";
    public List<PolicyAttachment> Attachments { get; private set; } = [];

    public static PolicyDocument Create(Guid unitId, PolicyDetails details)
    {
        var policy = new PolicyDocument { UnitId = unitId };
        policy.Update(details);
        return policy;
    }

    public void Update(PolicyDetails d)
    {
        if (d.EffectiveTo is { } to && to < d.EffectiveFrom)
            throw new BusinessRuleException("effective_period",
                Localized.Text("The document cannot stop being effective before it starts.", "Ngày hết hiệu lực không thể trước ngày có hiệu lực."),
                new Dictionary<string, string[]>
                {
                    ["effectiveTo"] = [Localized.Text("Choose a date on or after the effective-from date.", "Chọn ngày từ ngày có hiệu lực trở đi.")],
                });
        Number = d.Number.Trim();
        Title = d.Title.Trim();
        Issuer = d.Issuer.Trim();
        IssuedOn = d.IssuedOn;
        EffectiveFrom = d.EffectiveFrom;
        EffectiveTo = d.EffectiveTo;
        Scope = string.IsNullOrWhiteSpace(d.Scope) ? null : d.Scope.Trim();
        Summary = string.IsNullOrWhiteSpace(d.Summary) ? null : d.Summary.Trim();
        RefreshSearchText();
    }

    /// <summary>What the register's word search reads, folded: number, title, issuer, scope, summary and the names of the attached files.</summary>
    private void RefreshSearchText()
    {
        var text = VietnameseText.FoldAll([Number, Title, Issuer, Scope, Summary, .. Attachments.Select(a => a.File.FileName)]);
        SearchText = text.Length <= SearchTextMaxLength ? text : text[..SearchTextMaxLength];
    }

    /// <summary>The column's length (PolicyConfiguration): many attachments' names are cut rather than refused.</summary>
    public const int SearchTextMaxLength = 5000;

    public PolicyAttachment Attach(BuildingBlocks.Files.Attachment file, string? text = null)
    {
        var attachment = new PolicyAttachment(Id, UnitId, file, text);
        Attachments.Add(attachment);
        RefreshSearchText();
        return attachment;
    }

    /// <summary>Removes one of the document's files (its attachments loaded); null when it has no such file.</summary>
    public PolicyAttachment? Detach(Guid attachmentId)
    {
        var attachment = Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (attachment is null) return null;
        Attachments.Remove(attachment);
        RefreshSearchText();
        return attachment;
    }
}

internal sealed record PolicyDetails(string Number, string Title, string Issuer, DateOnly IssuedOn, DateOnly EffectiveFrom,
    DateOnly? EffectiveTo, string? Scope, string? Summary);

/// <summary>A file of a policy document; downloads are authorised like the document.</summary>
internal sealed class PolicyAttachment : Entity, IUnitOwned
{
    private PolicyAttachment() { }

    public PolicyAttachment(Guid policyId, Guid unitId, BuildingBlocks.Files.Attachment file, string? text)
    {
        PolicyId = policyId;
        UnitId = unitId;
        File = file;
        Text = text;
    }

    public Guid PolicyId { get; private set; }
    public Guid UnitId { get; private set; }
    public BuildingBlocks.Files.Attachment File { get; private set; } = null!;
    /// <summary>The words read from the file (PDF, DOCX; at most <see cref="BuildingBlocks.Files.AttachmentText.MaxChars"/>), for the search; null when it has none.</summary>
    [NotAudited] public string? Text { get; private set; }
}
