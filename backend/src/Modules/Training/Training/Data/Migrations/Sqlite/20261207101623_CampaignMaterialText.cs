using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Training.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CampaignMaterialText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Text",
                schema: "training",
                table: "campaign_materials",
                type: "TEXT",
                maxLength: 100000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Text",
                schema: "training",
                table: "campaign_materials");
        }
    }
}
