using System.Globalization;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Domain;

namespace Khcn.Organization.Features.Reports;

internal static class SynthesisText
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Number(decimal n) => n.ToString(n == decimal.Truncate(n) ? "#,0" : "#,0.##", Vi);

    public static string State(SubmissionRow r) => r.State switch
    {
        SubmissionState.NotStarted => "Chưa nộp",
        SubmissionState.Draft => "Đang soạn (chưa nộp)",
        SubmissionState.Submitted => r.Late ? "Đã nộp (muộn), chờ duyệt" : "Đã nộp, chờ duyệt",
        SubmissionState.Returned => "Bị trả lại",
        _ => r.Late ? "Đã chấp nhận (nộp muộn)" : "Đã chấp nhận",
    };

    public static string Kind(UnitKind kind) => kind switch
    {
        UnitKind.ProvincialFederation => "LĐLĐ tỉnh",
        UnitKind.DistrictFederation => "LĐLĐ huyện/thị xã/thành phố",
        UnitKind.SectoralUnion => "Công đoàn ngành",
        UnitKind.CivilServantsUnion => "Công đoàn Viên chức",
        UnitKind.IndustrialZoneUnion => "Công đoàn các KCN",
        _ => "Công đoàn cơ sở",
    };

    /// <summary>The unit's code as a file-name part.</summary>
    public static string Slug(string code) => VietnameseText.Fold(code).Replace(' ', '-');
}
