using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Data;

internal sealed class FinanceDbContext(DbContextOptions<FinanceDbContext> options, AccessContext access)
    : ModuleDbContext(options, access)
{
    public const string SchemaName = "finance";
    public override string Schema => SchemaName;
}

internal sealed class FinanceDesignTimeFactory : DesignTimeFactory<FinanceDbContext>
{
    protected override string Schema => FinanceDbContext.SchemaName;
    protected override FinanceDbContext Create(DbContextOptions<FinanceDbContext> options, AccessContext access) => new(options, access);
}
