package app.truenorth.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(name = "pull", description = "Write a product's roadmap as a roadmap file (format truenorth-roadmap, version 1).")
class PullCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Option(names = "--product", required = true, description = "Id of the product (see truenorth products).")
    long product;

    @Option(names = {"-o", "--output"}, description = "File to write; standard output when left out.")
    Path output;

    @Override
    public Integer call() {
        JsonNode roadmap = server.client().get("/api/v1/products/" + product + "/roadmap-file");
        String text = ApiClient.pretty(roadmap) + System.lineSeparator();
        if (output == null) {
            spec.commandLine().getOut().print(text);
            return 0;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ApiClient.ApiException("Cannot write " + output + ": " + e.getMessage(), 3);
        }
        spec.commandLine().getOut().printf("Wrote %d initiatives of %s to %s%n", roadmap.path("initiatives").size(),
                roadmap.path("product").asString(), output);
        return 0;
    }
}
