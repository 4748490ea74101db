namespace Remandzana.Web.Chat;

public sealed record ChatPageModel(ChatPage Page, SendFormModel Form, IAsyncEnumerable<StreamItem> Items);
