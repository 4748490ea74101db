namespace Remandzana.Domain.Rooms;

public enum Mode
{
    Two,
    Three,
    Question,
    Global,
}
