using Khcn.BuildingBlocks.Domain;

namespace Khcn.Finance.Features.Allocations;

/// <summary>The 409s of a draw that finds too little left: the problem carries the exact amount left (<c>remaining</c>).</summary>
internal static class AllocationProblems
{
    public static ApiProblemException AllocationShort(decimal remaining) => new(409, "allocation_remainder_exceeded",
        Localized.Text("Not enough left on the allocation.", "Khoản phân bổ không còn đủ tiền."),
        Localized.Text($"The allocation has {remaining:0} VND left to request.", $"Khoản phân bổ chỉ còn {Vnd(remaining)} đồng để đề nghị giải ngân."),
        new Dictionary<string, object?> { ["remaining"] = remaining });

    public static ApiProblemException BudgetLineShort(Guid sourceId, string sourceName, decimal remaining) => new(409, "budget_line_remainder_exceeded",
        Localized.Text("Not enough left on the budget line.", "Dòng dự toán không còn đủ tiền."),
        Localized.Text($"The budget line of source '{sourceName}' has {remaining:0} VND left to allocate.",
            $"Dòng dự toán của nguồn '{sourceName}' chỉ còn {Vnd(remaining)} đồng chưa phân bổ."),
        new Dictionary<string, object?> { ["remaining"] = remaining, ["sourceId"] = sourceId });

    /// <summary>1.234.567 — VND the Vietnamese way, exact.</summary>
    public static string Vnd(decimal amount) => amount.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
