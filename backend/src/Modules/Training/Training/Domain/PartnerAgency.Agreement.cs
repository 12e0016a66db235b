using System.ComponentModel.DataAnnotations;

namespace Khcn.Training.Domain;

/// <summary>The signed cooperation agreement's file (PDF, DOCX or a scan), one per agency; a new upload replaces it.</summary>
internal sealed partial class PartnerAgency
{
    [MaxLength(255)] public string? AgreementFileName { get; private set; }
    [MaxLength(100)] public string? AgreementContentType { get; private set; }
    public long? AgreementFileSize { get; private set; }
    [MaxLength(300)] public string? AgreementStorageKey { get; private set; }
    public DateTime? AgreementUploadedAtUtc { get; private set; }

    /// <returns>The storage key of the file it replaces, to delete once the change is saved.</returns>
    public string? AttachAgreement(string fileName, string contentType, long size, string storageKey, DateTime nowUtc)
    {
        var previous = AgreementStorageKey;
        AgreementFileName = fileName;
        AgreementContentType = contentType;
        AgreementFileSize = size;
        AgreementStorageKey = storageKey;
        AgreementUploadedAtUtc = nowUtc;
        return previous;
    }
}
