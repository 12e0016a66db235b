using Khcn.BuildingBlocks.Http;
using Khcn.Organization.Domain;

namespace Khcn.Organization.Features.Labour;

/// <summary>One year of an enterprise's labour figures. Income is the average monthly income per worker in whole VND.</summary>
public sealed record YearFiguresView(int Year, int Workforce, int Women, int UnionMembers, decimal AverageMonthlyIncome, bool CbaSigned,
    DateOnly? CbaSignedOn, DateOnly? CbaExpiresOn, int Disputes, int Stoppages, int Dialogues, long Version);

/// <summary>An enterprise in the list, with the figures of the year asked for (none when not asked or not reported).</summary>
public sealed record EnterpriseListItem(Guid Id, string Name, string TaxCode, Ownership Ownership, Sector Sector, string District,
    string? IndustrialZone, Guid UnitId, string UnitName, Guid? GrassrootsUnitId, YearFiguresView? Figures);

public sealed record EnterpriseDetail(Guid Id, Guid UnitId, string UnitName, Guid? GrassrootsUnitId, string? GrassrootsUnitName,
    string Name, string TaxCode, Ownership Ownership, Sector Sector, string District, string? IndustrialZone, string? Address,
    IReadOnlyList<YearFiguresView> Figures, long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

/// <summary>A generated spreadsheet: its bytes and the file name to download it as (export and import template).</summary>
public sealed record SpreadsheetFile(byte[] Content, string FileName);
