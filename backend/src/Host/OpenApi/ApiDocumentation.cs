namespace Khcn.Host.OpenApi;

/// <summary>The Swashbuckle document of the API: /swagger/v1/swagger.json and the UI at /swagger.</summary>
internal static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen();
        return services;
    }

    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI();
        return app;
    }

    /// <summary>The module an endpoint belongs to, from its namespace (Khcn.Organization… → Organization).</summary>
    public static string ModuleTagOf(Type endpointType)
    {
        var parts = (endpointType.Namespace ?? "").Split('.');
        if (parts.Length > 1 && parts[1] == "Platform")
            return parts.Length > 3 ? parts[3] switch { "Users" => "Administration", var p => p } : "Platform";
        return parts.Length > 1 ? parts[1] : "Api";
    }
}
