package app.truenorth.cli;

import picocli.CommandLine.Option;

/** Where the server is and how to authenticate, shared by every command that calls the API. */
class ServerOptions {

    @Option(names = "--server", defaultValue = "${env:TRUENORTH_SERVER:-http://localhost:8080}",
            description = "Server URL (env TRUENORTH_SERVER; default ${DEFAULT-VALUE}).")
    String server;

    @Option(names = "--token", defaultValue = "${env:TRUENORTH_TOKEN}",
            description = "Personal API token (env TRUENORTH_TOKEN).")
    String token;

    @Option(names = "--json", description = "Print the server's JSON instead of a table.")
    boolean json;

    ApiClient client() {
        if (token == null || token.isBlank()) {
            throw new ApiClient.ApiException("No API token: create one under Account → API tokens, then set "
                    + "TRUENORTH_TOKEN or pass --token.", 2);
        }
        return new ApiClient(server, token);
    }
}
