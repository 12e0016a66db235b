using System.Runtime.CompilerServices;

// The host compiles the source-generated Mediator, which instantiates the modules' internal handlers.
[assembly: InternalsVisibleTo("Host")]
[assembly: InternalsVisibleTo("Khcn.IntegrationTests")]
[assembly: InternalsVisibleTo("Khcn.IntegrationTests.SqlServer")]
[assembly: InternalsVisibleTo("Khcn.ArchitectureTests")]
[assembly: InternalsVisibleTo("Khcn.UnitTests")]
