package app.truenorth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "whoami", description = "Show who the token belongs to and which workspace it reaches.")
class WhoamiCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var me = server.client().get("/api/v1/me");
        var out = spec.commandLine().getOut();
        if (server.json) {
            out.println(ApiClient.pretty(me));
        } else {
            var ws = me.get("workspace");
            out.printf("%s <%s>%n%s in workspace %s (#%d)%n", me.get("displayName").asString(), me.get("email").asString(),
                    ws.get("role").asString().toLowerCase(), ws.get("name").asString(), ws.get("id").asLong());
        }
        return 0;
    }
}
