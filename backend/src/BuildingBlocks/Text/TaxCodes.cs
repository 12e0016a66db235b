using System.Text.RegularExpressions;

namespace Khcn.BuildingBlocks.Text;

/// <summary>
/// A Vietnamese tax code (mã số thuế), shared by the labour database (enterprises) and Finance (sponsors): 10 digits,
/// or 10 digits + "-" + 3 digits for a branch or dependent unit. Its structure is that of Circular 105/2020/TT-BTC,
/// art. 5(2) (N1N2 the province block, N3–N9 the sequence, N10 the check digit). The 10th digit is the check digit of
/// the first nine: 10 − (Σ dᵢ·wᵢ mod 11) with weights 31, 29, 23, 19, 17, 13, 7, 5, 3; a result of 10 is never issued.
/// (The weights are the tax authority's published algorithm, not the circular's text; verified against published
/// codes, e.g. 0100109106 and 0300588569.)
/// </summary>
public static partial class TaxCodes
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    public static string Normalise(string? taxCode) => (taxCode ?? "").Trim().Replace(" ", "");

    public static bool IsValid(string? taxCode)
    {
        var code = Normalise(taxCode);
        if (!Shape().IsMatch(code)) return false;
        return CheckDigit(code[..9]) is { } check && code[9] - '0' == check;
    }

    /// <summary>The check digit the first nine digits call for, or null when no code can start with them.</summary>
    public static int? CheckDigit(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (nineDigits[i] - '0') * Weights[i];
        var check = 10 - sum % 11;
        return check == 10 ? null : check;
    }

    [GeneratedRegex(@"^\d{10}(-\d{3})?$")]
    private static partial Regex Shape();
}
