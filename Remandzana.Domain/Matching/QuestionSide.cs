using Remandzana.Domain.Messages;
namespace Remandzana.Domain.Matching;

public enum QuestionSide
{
    Ask,
    Discuss,
}
