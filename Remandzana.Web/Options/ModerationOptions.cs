using System.ComponentModel.DataAnnotations;
using Remandzana.Domain.Rooms;

namespace Remandzana.Web.Options;

/// <summary>Remandzana:Moderation — the policies of each mode (none by default) and what they need.</summary>
public sealed class ModerationOptions : IValidatableObject
{
    public const string Section = "Remandzana:Moderation";

    /// <summary>md5 hex digests of blacklisted "address.onion" names, one a line; relative to the working directory unless absolute.</summary>
    [Required(AllowEmptyStrings = false)]
    public string OnionBlacklistFile { get; set; } = "onion-blacklist.txt";

    /// <summary>How long an exiled browser's mark lasts.</summary>
    [Range(1, 3_650)]
    public int ExileDays { get; set; } = 365;

    /// <summary>When copies of one text count as advertising, for every mode's RepeatedText policy.</summary>
    public RepeatedTextOptions RepeatedText { get; set; } = new();

    public ModePolicyOptions Two { get; set; } = new();

    public ModePolicyOptions Three { get; set; } = new();

    public ModePolicyOptions Question { get; set; } = new();

    public ModePolicyOptions Global { get; set; } = new();

    public IEnumerable<(Mode Mode, ModePolicyOptions Policies)> Modes =>
        [(Mode.Two, Two), (Mode.Three, Three), (Mode.Question, Question), (Mode.Global, Global)];

    public string OnionBlacklistPath => Path.GetFullPath(OnionBlacklistFile);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (mode, policies) in Modes)
        {
            foreach (var (name, ladder) in new[] { ("BlockUrls", policies.BlockUrls), ("OnionBlacklist", policies.OnionBlacklist), ("RepeatedText", policies.RepeatedText) })
            {
                var results = new List<ValidationResult>();
                if (!Validator.TryValidateObject(ladder, new ValidationContext(ladder), results, validateAllProperties: true))
                {
                    foreach (var result in results)
                    {
                        yield return new ValidationResult($"{Section}:{mode}:{name}: {result.ErrorMessage}", [$"{mode}.{name}"]);
                    }
                }
            }
        }

        var thresholds = new List<ValidationResult>();
        if (!Validator.TryValidateObject(RepeatedText, new ValidationContext(RepeatedText), thresholds, validateAllProperties: true))
        {
            foreach (var result in thresholds)
            {
                yield return new ValidationResult($"{Section}:RepeatedText: {result.ErrorMessage}", [nameof(RepeatedText)]);
            }
        }

        var blacklisted = Modes.Where(pair => pair.Policies.OnionBlacklist.Enabled).Select(pair => pair.Mode.ToString()).ToList();
        if (blacklisted.Count > 0 && !File.Exists(OnionBlacklistPath))
        {
            yield return new ValidationResult(
                $"{Section}:OnionBlacklistFile: the Onion blacklist policy is enabled ({string.Join(", ", blacklisted)}) but its file {OnionBlacklistPath} does not exist.",
                [nameof(OnionBlacklistFile)]);
        }
    }
}
