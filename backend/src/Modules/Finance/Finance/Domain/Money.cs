using Khcn.BuildingBlocks.Domain;

namespace Khcn.Finance.Domain;

/// <summary>
/// Money is VND in exact decimals: whole đồng (decimal(18,0)) for budgets, allocations, tranches and the ledger;
/// positive wherever an amount is entered. No floating point anywhere.
/// </summary>
internal static class Money
{
    public const decimal Max = 999_999_999_999_999_999m;

    public static bool IsWholePositive(decimal amount) => amount > 0 && amount == decimal.Truncate(amount) && amount <= Max;

    public static string WholePositiveEn => "The amount must be a positive whole number of đồng.";
    public static string WholePositiveVi => "Số tiền phải là số đồng nguyên dương.";

    public static void RequireWholePositive(decimal amount, string field)
    {
        if (!IsWholePositive(amount))
            throw new RequestValidationException(new Dictionary<string, string[]> { [field] = [Localized.Text(WholePositiveEn, WholePositiveVi)] });
    }
}

/// <summary>Who did something, as the records keep it.</summary>
internal sealed record Actor(Guid? UserId, string Name);
