namespace Remandzana.Domain.Moderation;

/// <summary>No web links and no onion addresses.</summary>
public sealed class BlockUrls(Ladder ladder) : Policy(ladder)
{
    public const string PolicyName = "Block URLs";

    public override string Name => PolicyName;

    public override string Reason => "links and onion addresses are not allowed here";

    public override bool IsViolatedBy(Reading message) => Addresses.HasUrl(message) || Addresses.Onions(message).Any();
}
