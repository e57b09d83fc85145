using JasperFx;
using Whistle.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddWhistle();

var app = builder.Build();
app.UseWhistle();

return await app.RunJasperFxCommands(args);

/// <summary>The composition root; public so that the integration tests can host it.</summary>
public partial class Program;
