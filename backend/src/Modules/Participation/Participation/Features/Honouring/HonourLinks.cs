using Khcn.BuildingBlocks.Documents;

namespace Khcn.Participation.Features.Honouring;

/// <summary>Where a commendation certificate's QR code leads: the SPA's public page <c>/verify/khen-thuong/{code}</c> (Training's are <c>/verify/{code}</c>).</summary>
internal static class HonourLinks
{
    public const string Kind = "khen-thuong";

    public static string HonourVerifyUrl(this PublicLinks links, string code) => links.VerifyUrl(code, Kind);
}
