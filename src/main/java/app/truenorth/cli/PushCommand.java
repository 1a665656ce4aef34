package app.truenorth.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(name = "push", description = {"Add the initiatives of a roadmap file (format truenorth-roadmap, version 1) to a "
        + "product's roadmap. All or nothing: if any initiative is refused, nothing is written and every refusal is "
        + "listed by line.", "Exit codes: 0 pushed, 1 refused, 2 authentication, 3 connectivity or unreadable file."})
class PushCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The roadmap file, e.g. roadmap.json (from truenorth pull).")
    Path file;

    @Option(names = "--product", required = true, description = "Id of the product (see truenorth products).")
    long product;

    @Option(names = "--dry-run", description = "Check the file against the roadmap's rules and report, writing nothing.")
    boolean dryRun;

    @Option(names = "--skip-rejected", description = "Write the acceptable initiatives even if some are refused.")
    boolean skipRejected;

    @Override
    public Integer call() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ApiClient.ApiException("Cannot read " + file + ": " + e.getMessage(), 3);
        }
        JsonNode report = server.client().postText("/api/v1/products/" + product + "/imports?format=truenorth-json&dryRun="
                + dryRun + "&skipRejected=" + skipRejected, "application/json", text);
        var out = spec.commandLine().getOut();
        if (server.json) {
            out.println(ApiClient.pretty(report));
        } else {
            for (JsonNode warning : report.path("warnings")) {
                spec.commandLine().getErr().println("warning: " + warning.asString());
            }
            for (JsonNode row : report.path("rejectedRows")) {
                for (JsonNode problem : row.path("problems")) {
                    out.printf("line %d: %s: %s%n", row.path("line").asInt(), problem.path("field").asString(),
                            problem.path("message").asString());
                }
            }
            List<String> parts = new ArrayList<>(List.of(report.path("ready").asInt() + " initiatives"));
            if (!report.path("newThemes").isEmpty()) {
                parts.add(report.path("newThemes").size() + " new themes");
            }
            if (!report.path("newAntiGoals").isEmpty()) {
                parts.add(report.path("newAntiGoals").size() + " new anti-goals");
            }
            if (report.path("decisions").asInt() > 0) {
                parts.add(report.path("decisions").asInt() + " decisions");
            }
            String what = parts.size() == 1 ? parts.getFirst()
                    : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
            out.printf("%s %s%s.%n", report.path("written").asBoolean() ? "Pushed" : "Would push", what,
                    report.path("rejected").asInt() == 0 ? "" : ", " + report.path("rejected").asInt() + " rows rejected");
        }
        return report.path("rejected").asInt() > 0 && !skipRejected ? 1 : 0;
    }
}
