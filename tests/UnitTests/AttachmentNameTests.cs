using Khcn.BuildingBlocks.Files;

namespace Khcn.UnitTests;

public sealed class AttachmentNameTests
{
    [Theory]
    [InlineData("poly.html", "application/pdf", "poly.pdf")]
    [InlineData("Quyết định.PDF", "application/pdf", "Quyết định.PDF")]
    [InlineData("ảnh.jpeg", "image/jpeg", "ảnh.jpeg")]
    [InlineData("ảnh.png", "image/jpeg", "ảnh.jpg")]
    [InlineData("bao-cao", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "bao-cao.xlsx")]
    [InlineData("C:\\Users\\x\\..\\evil.exe", "application/pdf", "evil.pdf")]
    [InlineData("../../etc/.pdf", "application/pdf", "file.pdf")]
    public void The_stored_name_ends_with_the_detected_type(string sent, string detected, string stored) =>
        Attachments.SafeName(sent, detected).ShouldBe(stored);

    [Fact]
    public void A_long_name_keeps_its_extension_within_255_characters()
    {
        var name = Attachments.SafeName(new string('a', 400) + ".html", "application/pdf");
        name.Length.ShouldBeLessThanOrEqualTo(255);
        name.ShouldEndWith(".pdf");
    }
}
