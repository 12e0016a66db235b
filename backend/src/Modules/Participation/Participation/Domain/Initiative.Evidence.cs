using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;

namespace Khcn.Participation.Domain;

/// <summary>The evidence filed with an application for recognition, and when it may change.</summary>
internal sealed partial class Initiative
{
    /// <summary>
    /// Attaches a piece of evidence; only while the application is a draft (409 <c>initiative_locked</c>): once submitted,
    /// what the recognising unit and its council judge is frozen (there is no "returned for changes" state — a submitted
    /// application is withdrawn and filed again).
    /// </summary>
    public InitiativeAttachment Attach(Attachment file, string? text = null)
    {
        EnsureEvidenceEditable();
        var a = new InitiativeAttachment(Id, UnitId, file, text);
        Attachments.Add(a);
        return a;
    }

    /// <summary>Evidence is added or removed only while a draft (409 <c>initiative_locked</c>).</summary>
    public void EnsureEvidenceEditable()
    {
        if (Status != InitiativeStatus.Draft)
            throw new BusinessRuleException("initiative_locked", Localized.Text(
                "Evidence can be attached or removed only while the application is a draft: once submitted, it is frozen for the review.",
                "Chỉ thêm hoặc xoá tài liệu minh chứng khi đơn còn là bản nháp: đơn đã nộp thì hồ sơ được giữ nguyên để xét."),
                new Dictionary<string, string[]> { ["status"] = [Status.ToString()] });
    }
}

/// <summary>
/// A piece of evidence filed with an application for recognition (a drawing, a photo, a document showing the result of
/// the application), owned by the recognising unit like the initiative.
/// </summary>
internal sealed class InitiativeAttachment : Entity, IUnitOwned
{
    private InitiativeAttachment() { }

    public InitiativeAttachment(Guid initiativeId, Guid unitId, Attachment file, string? text)
    {
        InitiativeId = initiativeId;
        UnitId = unitId;
        File = file;
        Text = text;
    }

    public Guid InitiativeId { get; private set; }
    public Guid UnitId { get; private set; }
    public Attachment File { get; private set; } = null!;
    /// <summary>The words read from the file (PDF, DOCX; at most <see cref="AttachmentText.MaxChars"/>), for the search; null when it has none.</summary>
    [NotAudited] public string? Text { get; private set; }
}
