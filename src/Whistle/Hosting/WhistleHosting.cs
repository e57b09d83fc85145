using JasperFx.CodeGeneration;
using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Npgsql;
using Weasel.Core;
using Whistle.Assessment;
using Whistle.Assessment.Compounds;
using Whistle.Assessment.Credit;
using Whistle.County;
using Whistle.Cases;
using Whistle.Complaints;
using Whistle.FeeDisputes;
using Whistle.History.Export;
using Whistle.History.Integrity;
using Whistle.JointMeetings;
using Whistle.Kernel;
using Whistle.Hosting.OpenApi;
using Whistle.Hosting.Web;
using Whistle.Mediation;
using Whistle.Notifications;
using Whistle.Privacy;
using Whistle.Whistles;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Whistle.Hosting;

/// <summary>Wires Marten, Wolverine, identity and the HTTP conventions. Program.cs calls these two methods only.</summary>
public static class WhistleHosting
{
    public static WebApplicationBuilder AddWhistle(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        var connectionString = config.GetConnectionString("Whistle") is { Length: > 0 } cs
            ? ConnectionTuning.Apply(cs)
            : throw new InvalidOperationException(
                "ConnectionStrings:Whistle is not set. ops/run sets it; elsewhere set ConnectionStrings__Whistle.");

        var counties = CountyDatabases.From(config);
        services.AddSingleton(counties);
        services.AddSingleton(BusinessClock.From(config, builder.Environment));
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<WhistleDatabase>();
        services.AddSingleton(sp => new CountyConnections(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<NpgsqlDataSource>(), counties.Separate));
        services.AddSingleton<County.CountyReferenceCache>();
        services.AddSingleton(Privacy.Sealing.PrivacyOptions.From(config, builder.Environment.IsDevelopment()));
        services.AddSingleton<Privacy.Sealing.PersonalDataVault>();
        services.AddSingleton<Projections.ProjectionRebuilds>();

        services.AddMarten(opts =>
            {
                opts.Connection(connectionString);
                // A database per county where configured (CountyDatabases), conjoined tenancy inside each.
                if (counties.Separate) counties.Configure(opts, connectionString);
                opts.DatabaseSchemaName = WhistleSchema.Name;
                // A start whose configured schema is the one last applied (SchemaFingerprints keeps only that one) checks it
                // with one SELECT (Weasel's fingerprint of the expected DDL, kept in public.weasel_schema_fingerprints) instead
                // of reading the catalog for ~50 tables (~700 statements); any change to the configuration changes the
                // fingerprint, and the full comparison and patch run as before. A change made to the database by hand is not
                // seen while the fingerprint matches. Measured (issue 17, cold start, 2 shared cores, 4 rounds each, same
                // minute): exec to first lodging 4.72-4.90 s with the stamp, 4.71-5.37 s without (medians 4.77 and 5.03 s).
                opts.Advanced.Migrator.UseSchemaFingerprinting = true;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

                // A county is a tenant from the first event on.
                opts.Events.TenancyStyle = JasperFx.MultiTenancy.TenancyStyle.Conjoined;
                opts.Policies.AllDocumentsAreMultiTenanted();

                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                opts.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
                opts.Events.UseMandatoryStreamTypeDeclaration = true;
                opts.Events.MetadataConfig.CorrelationIdEnabled = true;
                opts.Events.MetadataConfig.CausationIdEnabled = true;
                opts.Events.MetadataConfig.HeadersEnabled = true;
                opts.Events.MetadataConfig.UserNameEnabled = true;

                // The daemon looks for newly committed events every 100 ms while events keep coming and every 250 ms when
                // quiet (Marten's defaults: 250 ms and 1 s). A poll is one indexed query; the read models of the joint
                // meeting's office then trail a command by a few hundred milliseconds, not by a second (issue 17, lag).
                opts.Projections.FastPollingTime = TimeSpan.FromMilliseconds(100);
                opts.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(250);

                opts.Storage.ExtendedSchemaObjects.Add(CaseNumbers.Table());
                opts.Storage.ExtendedSchemaObjects.Add(Privacy.Sealing.PersonalDataVault.Table());
                IntegritySetup.Configure(opts);

                CountySetup.Configure(opts);
                ComplaintsSetup.Configure(opts);
                WhistlesSetup.Configure(opts);
                JointMeetingsSetup.Configure(opts);
                FeeDisputesSetup.Configure(opts);
                MediationSetup.Configure(opts);
                CasesSetup.Configure(opts);
                NotificationsSetup.Configure(opts);
                AssessmentSetup.Configure(opts);
                CreditSetup.Configure(opts);
                PrivacySetup.Configure(opts);
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(x =>
            {
                x.UseWolverineManagedEventSubscriptionDistribution = true;
                // Wolverine's nodes and its leader live in the main database, whichever databases hold the counties.
                if (counties.Separate) x.MainDatabaseConnectionString = connectionString;
            })
            .PublishEventsToWolverine(NotificationsSetup.Subscription, NotificationsSetup.Relay)
            .InitializeWith<SchemaFingerprints>();
        services.AddSampleCounty(config);
        services.AddNotifications(config);
        services.AddCompoundProfiles(config);
        services.AddHistoryExport();
        services.AddIntegrity();

        var soloByDefault = builder.Environment.IsDevelopment();
        builder.Host.UseWolverine(opts =>
        {
            opts.ServiceName = "whistle";
            // Test hosts would otherwise adopt the test assembly as the application assembly.
            opts.ApplicationAssembly = typeof(WhistleHosting).Assembly;
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();
            opts.Policies.UseDurableInboxOnAllListeners();
            opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
            opts.Durability.Mode = config.GetValue("Whistle:Durability", soloByDefault ? DurabilityMode.Solo : DurabilityMode.Balanced);
            // Deadlines that fell due while the service was down fire within seconds of its start (issue 14: within 10 s of
            // ready): the first look for due scheduled messages at once instead of after 3 s, and a look every second instead
            // of every 5 s (one indexed query a second, on the one node that holds the scheduling agent).
            opts.Durability.ScheduledJobFirstExecution = TimeSpan.Zero;
            opts.Durability.ScheduledJobPollingTime = TimeSpan.FromSeconds(1);
            // A poll takes up to 1,000 due messages (Wolverine's default 100 held a crowd to 100 a second: 1,000 deadlines
            // due at one moment fired over 10 s in ops/bench/deadlines).
            opts.Durability.RecoveryBatchSize = 1000;
            opts.EnableRelayOfUserName = true;
            // Idempotency-Key answers, kept in the command's own transaction (see Idempotency).
            opts.Durability.EnableDeduplicatedResponses = true;
            // A command on a case that does not exist answers 404 with a ProblemDetails body.
            opts.EntityDefaults.OnMissing = OnMissing.ProblemDetailsWith404;
            opts.CodeGeneration.Sources.Insert(0, new ClockVariableSource());
            opts.Policies.AddMiddleware(typeof(TimePassedMetadata), chain => chain.MessageType.IsAssignableTo(typeof(ITimePassed)));
            // Time passes in crowds (a day's deadlines fall due at the same working hour): each due-time message's local
            // queue runs 16 at once instead of Wolverine's 5, so a crowd waits on PostgreSQL's group commit, not on slots.
            foreach (var timePassed in typeof(ITimePassed).Assembly.GetTypes().Where(t => t.IsAssignableTo(typeof(ITimePassed)) && !t.IsInterface))
                opts.LocalQueueFor(timePassed).MaximumParallelMessages(16);

            // PostgreSQL unreachable (restarting, connections dropped, statements cancelled): a deadline that falls due
            // then must fire when it is back, not be dead-lettered. Retried inline, then held in memory with the queue
            // paused (no write needed while the database is down), then rescheduled in the database; dead-lettered only
            // after about 40 minutes of failures.
            opts.OnException<NpgsqlException>(e => e.IsTransient)
                .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1))
                .Then.PauseThenRequeue(TimeSpan.FromSeconds(5))
                .Then.PauseThenRequeue(TimeSpan.FromSeconds(30))
                .Then.ScheduleRetry(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30))
                .Then.MoveToErrorQueue();
            // Any other database error is worth a few quick retries (a lost race); after that it is dead-lettered, visibly.
            opts.OnException<NpgsqlException>()
                .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1))
                .Then.MoveToErrorQueue();
            opts.OnException<ConcurrencyException>().RetryTimes(3);
            NotificationsSetup.Configure(opts);
        });

        // Wolverine's handler code: compiled at run time in Development; in every other environment loaded from
        // src/Whistle/Internal/Generated, written ahead of time by `ops/codegen` and checked fresh by a test
        // (GeneratedCodeTests), so a production start compiles nothing. Whistle:GeneratedCode=Static loads the written
        // code in Development too: the tests do, so they run the code production runs and compile nothing at run time.
        // The written code is for one database: with counties in databases of their own, Wolverine keeps an
        // Idempotency-Key's claim apart from the county's transaction (GH-5160), so the code is compiled at start for that
        // configuration, in every environment.
        var developmentCode = counties.Separate ? TypeLoadMode.Dynamic : config.GetValue("Whistle:GeneratedCode", TypeLoadMode.Dynamic);
        var productionCode = counties.Separate ? TypeLoadMode.Dynamic : TypeLoadMode.Static;
        services.CritterStackDefaults(x =>
        {
            x.Development.GeneratedCodeMode = developmentCode;
            x.Development.AssertAllPreGeneratedTypesExist = developmentCode == TypeLoadMode.Static;
            x.Production.GeneratedCodeMode = productionCode;
            x.Production.AssertAllPreGeneratedTypesExist = productionCode == TypeLoadMode.Static;
            if (config["Whistle:GeneratedCodeOutputPath"] is { Length: > 0 } output) x.GeneratedCodeOutputPath = output;
        });

        services.AddWolverineHttp();
        services.AddWhistleIdentity(config, builder.Environment.IsDevelopment());
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemAnswers.Customize);
        services.AddExceptionHandler<Errors>();
        services.ConfigureHttpJsonOptions(o => JsonAnswers.Configure(o.SerializerOptions));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestSizeLimit.MaxBytes);
        services.AddWhistleOpenApi();
        builder.AddWhistlePages();
        builder.AddWhistleTelemetry();
        services.AddWhistleAdmission(config);
        services.AddWhistleRateLimits(config);
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready"])
            .AddCheck<OfficialScheduleHealthCheck>("official-holiday-schedule", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, ["ready"]);
        return builder;
    }

    public static WebApplication UseWhistle(this WebApplication app)
    {
        app.UseWhistleForwardedHeaders();
        app.UseWhistleTelemetry();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseWhistleLocalization();
        app.UseStatusCodePages(ProblemAnswers.WriteStatusAsync);
        app.UseMiddleware<RequestSizeLimit>();
        app.UseAuthentication();
        // After authentication, so the rates know the user (RateLimits); before authorization and every handler.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<QueryLimit>();
        app.UseMiddleware<JsonBodyCheck>();
        app.Use(Idempotency.RefuseMalformedKeys);

        app.MapWhistleApiReference();
        app.MapWhistlePages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthReports.WriteAsync })
            .AllowAnonymous();

        app.MapWolverineEndpoints(o =>
        {
            // A query value that does not parse is a 400, not a silent default (worded by ProblemAnswers).
            o.RejectUnparseableQueryValues = true;
            o.AddPolicy<Idempotency>();
            o.TenantId.IsClaimTypeNamed(WhistleClaims.County);
            o.AddMiddleware(typeof(EventMetadata), chain => chain.HttpMethods.Any(EventMetadata.Writes.Contains));
        });
        return app;
    }
}
