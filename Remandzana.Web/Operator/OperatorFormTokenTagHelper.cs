using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Remandzana.Web.Operator;

/// <summary>
/// <c>&lt;operator-form-token /&gt;</c> inside every console <c>&lt;form method="post"&gt;</c>: writes
/// <c>&lt;input type="hidden" name="operatorToken" value="…"&gt;</c> for the signed-in operator.
/// </summary>
[HtmlTargetElement("operator-form-token", TagStructure = TagStructure.WithoutEndTag)]
public sealed class OperatorFormTokenTagHelper(OperatorFormTokens tokens) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "input";
        output.TagMode = TagMode.StartTagOnly;
        output.Attributes.SetAttribute("type", "hidden");
        output.Attributes.SetAttribute("name", OperatorFormTokens.Field);
        output.Attributes.SetAttribute("value", tokens.Issue(ViewContext.HttpContext.User));
    }
}
