namespace Remandzana.Domain.Switchboards;

public enum QuestionSide
{
    Ask,
    Discuss,
}
