using System.ComponentModel.DataAnnotations;
using Remandzana.Domain.Moderation;

namespace Remandzana.Web.Options;

/// <summary>One policy in one mode: whether it is active and its consequence ladder.</summary>
public sealed class LadderOptions
{
    public bool Enabled { get; set; }

    /// <summary>How many violations are suppressed (the sender is told) before <see cref="Then"/>.</summary>
    [Range(0, 1_000)]
    public int Suppress { get; set; } = 5;

    /// <summary>Kick (the conversation ends) or Exile (kicked, and chat pages refuse the browser).</summary>
    [EnumDataType(typeof(Consequence))]
    public Consequence Then { get; set; } = Consequence.Kick;

    public Ladder ToLadder() => new(Suppress, Then);
}
