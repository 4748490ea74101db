using NLog.Web;
using Remandzana.Domain.Switchboards;
using Remandzana.Web.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json and wwwroot/ sit at the repository top level and are copied next to the app.
    ContentRootPath = AppContext.BaseDirectory,
});

builder.Logging.ClearProviders();
builder.Host.UseNLog();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

builder.Services.AddControllersWithViews();
builder.Services.AddChat();
builder.Services.AddKestrelTuning();

var app = builder.Build();

app.UseStatusCodePagesWithReExecute("/status/{0}");
app.UseSecurityHeaders();
app.UseImmutableStaticFiles();
app.MapControllers();

// Every open stream gets a last line and ends, so shutdown does not wait for browsers.
var switchboard = app.Services.GetRequiredService<Switchboard>();
app.Lifetime.ApplicationStopping.Register(switchboard.Stop);

app.Run();

public partial class Program;
