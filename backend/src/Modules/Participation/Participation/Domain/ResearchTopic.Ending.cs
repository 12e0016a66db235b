using Khcn.BuildingBlocks.Domain;

namespace Khcn.Participation.Domain;

/// <summary>How a topic ends other than by withdrawal: cancelled before its acceptance, or closed after it.</summary>
internal sealed partial class ResearchTopic
{
    /// <summary>
    /// Rule: the ordering unit cancels a topic it has selected, contracted or that is being carried out (selected,
    /// contracted, in progress) — not once it is before its acceptance council (the council's closing decides it) and
    /// not after the acceptance (it is closed then). Every other state answers 409 <c>topic_state</c>.
    /// </summary>
    public bool MayBeCancelled => Transitions[Status].Contains(TopicStatus.Cancelled);

    /// <summary>Rule: the ordering unit closes a topic once the acceptance council has decided it (accepted, not accepted, applied).</summary>
    public bool MayBeClosed => Transitions[Status].Contains(TopicStatus.Closed);

    /// <summary>Rule: a cancelled or closed topic is read-only; nothing about it changes any more.</summary>
    public bool HasEnded => Status is TopicStatus.Cancelled or TopicStatus.Closed;

    /// <summary>
    /// Rule: a topic that was contracted left its ordering unit committed to fund it (ContractTopic published
    /// TopicFundingCommitted); only then does its cancellation withdraw a funding commitment. The contract number is set
    /// by <see cref="Contract"/> alone and stays on record after a cancellation.
    /// </summary>
    public bool HasFundingCommitment => ContractNumber is not null;

    /// <summary>Cancels the topic with a reason (required), recording who and when (<see cref="MayBeCancelled"/>).</summary>
    public void Cancel(string reason, Actor by, DateTime nowUtc)
    {
        if (!MayBeCancelled)
            throw StateError(Localized.Text($"Only a selected, contracted or running topic can be cancelled; this one is {Status}.",
                $"Chỉ hủy được đề tài đã được tuyển chọn, đã ký hợp đồng hoặc đang thực hiện (chưa đưa ra nghiệm thu); đề tài đang ở trạng thái \"{StatusName(Status)}\"."));
        if (string.IsNullOrWhiteSpace(reason))
            throw new BusinessRuleException("reason_required", Localized.Text("Say why the topic is cancelled.", "Nêu lý do hủy đề tài."),
                new Dictionary<string, string[]> { ["reason"] = [Localized.Text("Say why the topic is cancelled.", "Nêu lý do hủy đề tài.")] });
        CancellationReason = reason.Trim();
        CancelledBy = by.Name;
        CancelledAtUtc = nowUtc;
        Move(TopicStatus.Cancelled, by, nowUtc, CancellationReason);
    }

    /// <summary>Closes the accepted (or not accepted, or applied) topic with an optional note (<see cref="MayBeClosed"/>).</summary>
    public void Close(string? note, Actor by, DateTime nowUtc)
    {
        if (!MayBeClosed)
            throw StateError(Localized.Text($"A topic is closed after its acceptance; this one is {Status}.",
                $"Chỉ kết thúc được đề tài đã có kết quả nghiệm thu; đề tài đang ở trạng thái \"{StatusName(Status)}\"."));
        ClosingNote = Clean(note);
        ClosedBy = by.Name;
        ClosedAtUtc = nowUtc;
        Move(TopicStatus.Closed, by, nowUtc, ClosingNote);
    }

    /// <summary>Refuses any change to a cancelled or closed topic (409 <c>topic_state</c>; <see cref="HasEnded"/>).</summary>
    private void EnsureNotEnded()
    {
        if (HasEnded)
            throw StateError(Localized.Text("A cancelled or closed topic cannot be changed.",
                $"Đề tài đã {StatusName(Status)}, không thể thay đổi."));
    }
}
