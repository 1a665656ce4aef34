package app.truenorth.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "products", description = "List the workspace's products, or create one.",
        subcommands = ProductsCommand.Create.class)
class ProductsCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var products = server.client().get("/api/v1/products");
        var out = spec.commandLine().getOut();
        if (server.json) {
            out.println(ApiClient.pretty(products));
            return 0;
        }
        if (products.isEmpty()) {
            out.println("No products yet.");
        }
        out.printf("%-8s %s%n", "ID", "NAME");
        for (var p : products) {
            out.printf("%-8d %s%n", p.get("id").asLong(), p.get("name").asString());
        }
        return 0;
    }

    @Command(name = "create", description = "Create a product (owner or editor).")
    static class Create implements Callable<Integer> {

        @Mixin
        ServerOptions server;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The product's name.")
        String name;

        @Option(names = "--description", defaultValue = "", description = "One or two sentences on who it is for.")
        String description;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("description", description);
            var product = server.client().post("/api/v1/products", body);
            var out = spec.commandLine().getOut();
            if (server.json) {
                out.println(ApiClient.pretty(product));
            } else {
                out.printf("Created product #%d %s%n", product.get("id").asLong(), product.get("name").asString());
            }
            return 0;
        }
    }
}
