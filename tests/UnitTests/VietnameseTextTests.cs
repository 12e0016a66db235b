using Khcn.BuildingBlocks.Text;

namespace Khcn.UnitTests;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Hưng Yên", "hung yen")]
    [InlineData("Liên đoàn Lao động", "lien doan lao dong")]
    [InlineData("ĐỖ MINH ĐỨC", "do minh duc")]
    [InlineData("  Văn   Lâm ", "van lam")]
    [InlineData("Khoái Châu", "khoai chau")]
    [InlineData("Tiên Lữ", "tien lu")]
    public void Folding_ignores_case_diacritics_and_turns_d_bar_into_d(string text, string folded) =>
        VietnameseText.Fold(text).ShouldBe(folded);

    [Fact]
    public void Composed_and_decomposed_input_fold_alike() =>
        VietnameseText.Fold("Hưng Yên".Normalize(System.Text.NormalizationForm.FormD)).ShouldBe(VietnameseText.Fold("Hưng Yên"));

    [Fact]
    public void Empty_input_folds_to_empty() => VietnameseText.Fold(null).ShouldBe("");
}
