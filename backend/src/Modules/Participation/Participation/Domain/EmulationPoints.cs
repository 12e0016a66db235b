using System.Globalization;

namespace Khcn.Participation.Domain;

/// <summary>How emulation points read in texts and notices: up to two decimals, no trailing zeros, a dot (85, 42.5, 7.25).</summary>
internal static class EmulationPoints
{
    public static string Shown(decimal points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
