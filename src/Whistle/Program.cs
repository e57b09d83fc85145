using JasperFx;
using Whistle.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddWhistle();

var app = builder.Build();
app.UseWhistle();

// With arguments, the JasperFx command line: db-apply, projections, codegen, describe, …
if (args.Length > 0) return await app.RunJasperFxCommands(args);
await app.RunAsync();
return 0;

/// <summary>The composition root; public so that the integration tests can host it.</summary>
public partial class Program;
