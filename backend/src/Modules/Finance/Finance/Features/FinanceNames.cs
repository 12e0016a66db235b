using Khcn.Finance.Domain;

namespace Khcn.Finance.Features;

/// <summary>The Vietnamese names the exports print (the SPA has its own in its locale files).</summary>
internal static class Names
{
    public static string Purpose(BudgetPurpose p) => BudgetPurposeText.Vi(p);

    public static string Source(FundingSourceKind k) => k switch
    {
        FundingSourceKind.UnionFunds => "Kinh phí công đoàn",
        FundingSourceKind.StateBudget => "Ngân sách (Sở KH&CN)",
        FundingSourceKind.Sponsor => "Tài trợ xã hội hoá",
        _ => "Khác",
    };

    public static string Tranche(TrancheKind k) => k switch
    {
        TrancheKind.Advance => "Tạm ứng",
        TrancheKind.Milestone => "Theo mốc",
        _ => "Đợt cuối",
    };

    public static string Status(TrancheStatus s) => s switch
    {
        TrancheStatus.Requested => "Chờ duyệt",
        TrancheStatus.Approved => "Đã duyệt",
        TrancheStatus.Paid => "Đã chi",
        _ => "Đã từ chối",
    };
}
