using Scaffolder.Catalog.Ingestion;
using Scaffolder.Publishing;
using Scaffolder.Publishing.Azure;
using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.GitHub;
using Scaffolder.Publishing.GitLab;
using Scaffolder.Publishing.Http;
using Scaffolder.Publishing.Integrations;
using Scaffolder.Publishing.Local;
using Scaffolder.Publishing.Secrets;
using Scaffolder.Scaffolding.Actions;
using Scaffolder.Scaffolding.Actions.Builtin;
using Scaffolder.Scaffolding.Actions.Catalog;
using Scaffolder.Scaffolding.Actions.Fetching;
using Scaffolder.Scaffolding.Actions.Skeletons;

namespace Scaffolder.Api.Hosting;

/// <summary>
/// The scaffolder's built-in actions and what they need: publishers and SCM integrations
/// (<c>Scaffolder:Publishing:*</c>, <c>Scaffolder:Integrations</c>), fetch limits
/// (<c>Scaffolder:Actions:*</c>), and the catalog reader for repositories published on this machine.
/// </summary>
public static class ActionRegistration
{
    public const string FetchClient = "scaffolder-fetch";
    public const string ScmClient = "scaffolder-scm";

    public static IServiceCollection AddScaffolderActions(this IServiceCollection services, IConfiguration configuration)
    {
        AddPublishing(services, configuration);

        services.AddSingleton(sp =>
        {
            var options = configuration.GetSection(FetchOptions.SectionName).Get<FetchOptions>() ?? new FetchOptions();

            // Templates shipped with the product may share skeletons across their folders.
            options.FileRoots.Add(sp.GetRequiredService<ProductPaths>().Templates);
            return options;
        });
        services.AddHttpClient(FetchClient)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton(sp => new ContentFetcher(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(FetchClient),
            sp.GetRequiredService<FetchOptions>()));
        services.AddSingleton(configuration.GetSection(DebugWaitOptions.SectionName).Get<DebugWaitOptions>() ?? new DebugWaitOptions());

        services.AddSingleton<IScaffolderAction>(sp => new FetchTemplateAction(
            sp.GetRequiredService<ContentFetcher>(),
            NunjucksSkeletonEngine.For(sp.GetRequiredService<ScmIntegrations>())));
        services.AddSingleton<IScaffolderAction>(sp => new FetchPlainAction(sp.GetRequiredService<ContentFetcher>()));
        services.AddSingleton<IScaffolderAction>(sp => new FetchPlainFileAction(sp.GetRequiredService<ContentFetcher>()));
        services.AddSingleton<IScaffolderAction, FsRenameAction>();
        services.AddSingleton<IScaffolderAction, FsDeleteAction>();
        services.AddSingleton<IScaffolderAction, DebugLogAction>();
        services.AddSingleton<IScaffolderAction>(sp => new DebugWaitAction(sp.GetRequiredService<DebugWaitOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IScaffolderAction, CatalogRegisterAction>();
        services.AddSingleton<IScaffolderAction, CatalogWriteAction>();
        services.AddSingleton<IScaffolderAction, CatalogFetchAction>();
        services.AddSingleton<IScaffolderAction, PublishGitAction>();
        services.AddSingleton<IScaffolderAction, PublishGitPlanAction>();
        services.AddSingleton<IScaffolderAction, PublishGitHubAction>();
        services.AddSingleton<IScaffolderAction, PublishGitLabAction>();
        services.AddSingleton<IScaffolderAction, PublishAzureAction>();
        return services;
    }

    private static void AddPublishing(IServiceCollection services, IConfiguration configuration)
    {
        var publishing = configuration.GetSection("Scaffolder:Publishing");
        services.AddSingleton(publishing.GetSection("Git").Get<GitCliOptions>() ?? new GitCliOptions());
        services.AddSingleton(publishing.GetSection("Api").Get<ScmApiOptions>() ?? new ScmApiOptions());
        services.AddSingleton(sp =>
        {
            // Relative roots live under the product folder, beside its templates, like ./data/repos in a checkout.
            var options = publishing.GetSection("Local").Get<LocalGitPublisherOptions>() ?? new LocalGitPublisherOptions();
            options.RepositoriesRoot = Path.GetFullPath(options.RepositoriesRoot, sp.GetRequiredService<ProductPaths>().Root);
            return options;
        });
        services.AddSingleton(_ =>
        {
            var defaults = publishing.GetSection("Defaults");
            return new PublishDefaults
            {
                Author = GitIdentity.From(defaults["AuthorName"], defaults["AuthorEmail"], GitIdentity.Scaffolder),
                CommitMessage = defaults["CommitMessage"] is { Length: > 0 } message ? message : "initial commit",
            };
        });
        services.AddSingleton(_ => new ScmIntegrations(configuration.GetSection("Scaffolder:Integrations").Get<List<ScmIntegration>>() ?? []));
        services.AddSingleton(sp => new GitCli(sp.GetRequiredService<GitCliOptions>(), new SecretRedactor()));
        services.AddHttpClient(ScmClient);

        services.AddSingleton(sp => new LocalGitPublisher(
            sp.GetRequiredService<GitCli>(),
            sp.GetRequiredService<LocalGitPublisherOptions>(),
            sp.GetRequiredService<PublishDefaults>(),
            sp.GetRequiredService<ScmIntegrations>()));
        services.AddSingleton(sp => new GitHubPublisher(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ScmClient),
            sp.GetRequiredService<GitCli>(),
            sp.GetRequiredService<ScmIntegrations>(),
            sp.GetRequiredService<PublishDefaults>(),
            sp.GetRequiredService<ScmApiOptions>()));
        services.AddSingleton(sp => new GitLabPublisher(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ScmClient),
            sp.GetRequiredService<GitCli>(),
            sp.GetRequiredService<ScmIntegrations>(),
            sp.GetRequiredService<PublishDefaults>(),
            sp.GetRequiredService<ScmApiOptions>()));
        services.AddSingleton(sp => new AzurePublisher(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ScmClient),
            sp.GetRequiredService<GitCli>(),
            sp.GetRequiredService<ScmIntegrations>(),
            sp.GetRequiredService<PublishDefaults>(),
            sp.GetRequiredService<ScmApiOptions>()));

        services.AddSingleton(sp => new PublishedRepositoryReader(
            sp.GetRequiredService<GitCli>(),
            sp.GetRequiredService<LocalGitPublisherOptions>().RepositoriesRoot));
        services.AddSingleton<IUrlContentReader, PublishedRepositoryContentReader>();
    }
}
