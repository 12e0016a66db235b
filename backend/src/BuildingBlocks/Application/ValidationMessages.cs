using FluentValidation;
using FluentValidation.Resources;
using Khcn.BuildingBlocks.Domain;

namespace Khcn.BuildingBlocks.Application;

/// <summary>
/// FluentValidation in the caller's language (ADR 0009). English keeps FluentValidation's own messages; Vietnamese
/// gets ours, without the property name: the SPA shows each message under its field, where "'Name' must not be
/// empty." would repeat an English name the user never typed.
/// </summary>
public static class ValidationMessages
{
    /// <summary>Installs the Vietnamese messages once for the process (FluentValidation's settings are global).</summary>
    public static void UseApiLanguages() => ValidatorOptions.Global.LanguageManager = new ApiLanguageManager();

    /// <summary>A rule's own message in both languages, picked when the rule fails (placeholders such as {MaxLength} work).</summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule,
        string english, string vietnamese) => rule.WithMessage(_ => Localized.Text(english, vietnamese));

    private sealed class ApiLanguageManager : LanguageManager
    {
        public ApiLanguageManager()
        {
            foreach (var (key, text) in Vietnamese) AddTranslation("vi", key, text);
        }

        private static readonly (string Key, string Text)[] Vietnamese =
        [
            ("NotEmptyValidator", "Không được để trống."),
            ("NotNullValidator", "Không được để trống."),
            ("EmptyValidator", "Phải để trống."),
            ("NullValidator", "Phải để trống."),
            ("MaximumLengthValidator", "Tối đa {MaxLength} ký tự (đang có {TotalLength})."),
            ("MaximumLength_Simple", "Tối đa {MaxLength} ký tự."),
            ("MinimumLengthValidator", "Tối thiểu {MinLength} ký tự (đang có {TotalLength})."),
            ("MinimumLength_Simple", "Tối thiểu {MinLength} ký tự."),
            ("LengthValidator", "Độ dài từ {MinLength} đến {MaxLength} ký tự (đang có {TotalLength})."),
            ("Length_Simple", "Độ dài từ {MinLength} đến {MaxLength} ký tự."),
            ("ExactLengthValidator", "Phải có đúng {MaxLength} ký tự (đang có {TotalLength})."),
            ("ExactLength_Simple", "Phải có đúng {MaxLength} ký tự."),
            ("GreaterThanValidator", "Phải lớn hơn {ComparisonValue}."),
            ("GreaterThanOrEqualValidator", "Phải lớn hơn hoặc bằng {ComparisonValue}."),
            ("LessThanValidator", "Phải nhỏ hơn {ComparisonValue}."),
            ("LessThanOrEqualValidator", "Phải nhỏ hơn hoặc bằng {ComparisonValue}."),
            ("EqualValidator", "Phải bằng {ComparisonValue}."),
            ("NotEqualValidator", "Không được bằng {ComparisonValue}."),
            ("InclusiveBetweenValidator", "Phải nằm trong khoảng từ {From} đến {To} (đã nhập {PropertyValue})."),
            ("InclusiveBetween_Simple", "Phải nằm trong khoảng từ {From} đến {To}."),
            ("ExclusiveBetweenValidator", "Phải lớn hơn {From} và nhỏ hơn {To} (đã nhập {PropertyValue})."),
            ("EmailValidator", "Địa chỉ e-mail không hợp lệ."),
            ("RegularExpressionValidator", "Không đúng định dạng."),
            ("PredicateValidator", "Giá trị không hợp lệ."),
            ("AsyncPredicateValidator", "Giá trị không hợp lệ."),
            ("EnumValidator", "Giá trị không nằm trong danh sách cho phép."),
            ("StringEnumValidator", "Giá trị không nằm trong danh sách cho phép."),
            ("CreditCardValidator", "Số thẻ không hợp lệ."),
            ("ScalePrecisionValidator", "Tối đa {ExpectedPrecision} chữ số, trong đó {ExpectedScale} chữ số thập phân."),
        ];
    }
}
