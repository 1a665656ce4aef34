package app.truenorth.transfer.bench;

import app.truenorth.TrueNorthApplication;
import app.truenorth.platform.security.AuthenticatedUser;
import app.truenorth.transfer.ImportFormat;
import app.truenorth.transfer.Imports;
import app.truenorth.workspace.Accounts;
import app.truenorth.workspace.Products;
import app.truenorth.workspace.Workspaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Benchmark of a Jira CSV import of 50,000 rows, from the file's text to committed rows: parsing, the
 * roadmap's validation of every row, and the write. Not a test. Runs the application (no web server)
 * on a fresh H2 file database under target/, or on the database TRUENORTH_DB_URL names. See
 * bench/import.sh and docs/benchmarks.md ("Import").
 */
public final class JiraImportBench {

    private JiraImportBench() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String csv = generate(rows, new Random(42));
        Path file = Path.of("target", "bench", "jira-" + rows + ".csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        System.out.printf("generated %s: %d rows, %.1f MB%n", file, rows, csv.length() / 1e6);

        Path data = Files.createTempDirectory(Path.of("target"), "bench-import-");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TrueNorthApplication.class)
                .web(WebApplicationType.SERVLET)
                // the database the application itself would use (H2 file, or TRUENORTH_DB_URL), not a test database
                .properties("truenorth.test.share-database=true")
                .run("--server.port=0", "--truenorth.data-dir=" + data.toAbsolutePath(), "--logging.level.root=WARN")) {
            var accounts = context.getBean(Accounts.class);
            var workspaces = context.getBean(Workspaces.class);
            var products = context.getBean(Products.class);
            var imports = context.getBean(Imports.class);
            var jdbc = context.getBean(JdbcClient.class);
            String email = "bench-" + System.nanoTime() + "@example.com";
            var user = accounts.createUser(email, "Bench", "bench-password-123");
            var workspace = workspaces.create("Bench " + System.nanoTime(), user.id());
            var principal = new AuthenticatedUser(user.id(), email, "Bench", null, null);
            SecurityContextHolder.getContext().setAuthentication(
                    new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
            String db = jdbc.sql("select 1").query(Integer.class).single() == 1
                    ? context.getEnvironment().getProperty("spring.datasource.url", "").replaceAll(";.*", "") : "";
            System.out.println("database " + db);

            // warm-up on a small file so class loading and the JIT are not counted in the first run
            long warm = products.create(workspace.id(), "Warm-up", "").id();
            imports.run(warm, ImportFormat.JIRA_CSV, generate(5_000, new Random(1)), true, false, null);

            List<Double> dry = new ArrayList<>();
            List<Double> full = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                long productId = products.create(workspace.id(), "Bench " + run, "").id();
                long t0 = System.nanoTime();
                Imports.Report check = imports.run(productId, ImportFormat.JIRA_CSV, csv, false, false, null);
                double dryS = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                Imports.Report report = imports.run(productId, ImportFormat.JIRA_CSV, csv, true, false, null);
                double fullS = (System.nanoTime() - t0) / 1e9;
                long stored = jdbc.sql("select count(*) from roadmap_initiative i join roadmap r on r.id = i.roadmap_id "
                        + "where r.product_id = :p").param("p", productId).query(Long.class).single();
                if (!report.written() || stored != report.ready() || check.ready() != report.ready()) {
                    throw new IllegalStateException("import did not store what it checked: " + report.summary());
                }
                dry.add(dryS);
                full.add(fullS);
                System.out.printf("run %d: dry run %.2f s, import %.2f s (%d initiatives, %d themes, %d skipped)%n", run, dryS,
                        fullS, stored, report.newThemes().size(), report.skipped());
            }
            Collections.sort(dry);
            Collections.sort(full);
            System.out.printf("median of %d: dry run %.2f s, import (parse + validate + write) %.2f s for %d rows%n", runs,
                    dry.get(runs / 2), full.get(runs / 2), rows);
        }
    }

    /**
     * A Jira export as Jira writes it: one Initiative per 500 rows, an Epic per 25 under it, Stories and
     * Tasks under the epics, three Labels columns, two Fix versions columns, Jira dates, story points,
     * quoted descriptions with commas, quotes and line breaks.
     */
    public static String generate(int rows, Random random) {
        String[] statuses = {"To Do", "Backlog", "In Progress", "In Review", "Done", "Selected for Development"};
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        StringBuilder out = new StringBuilder(rows * 300);
        out.append("Summary,Issue key,Issue id,Issue Type,Status,Labels,Labels,Labels,Parent,Due date,Fix versions,"
                + "Fix versions,Description,Custom field (Story Points)\r\n");
        String initiative = "";
        String epic = "";
        for (int i = 1; i <= rows; i++) {
            String type;
            String parent;
            if (i % 500 == 1) {
                type = "Initiative";
                parent = "";
                initiative = "BEN-" + i;
            } else if (i % 25 == 2 || epic.isEmpty()) {
                type = "Epic";
                parent = initiative;
                epic = "BEN-" + i;
            } else {
                type = random.nextInt(4) == 0 ? "Task" : "Story";
                parent = epic;
            }
            String due = random.nextInt(3) == 0 ? "" : (1 + random.nextInt(28)) + "/" + months[random.nextInt(12)] + "/"
                    + (25 + random.nextInt(3)) + (random.nextBoolean() ? " " + (1 + random.nextInt(12)) + ":" + (10 + random.nextInt(50))
                            + (random.nextBoolean() ? " AM" : " PM") : "");
            out.append('"').append(type).append(' ').append(i).append(": improve, \"\"streamline\"\" flow ").append(i % 97)
                    .append("\",BEN-").append(i).append(',').append(10_000 + i).append(',').append(type).append(',')
                    .append(statuses[random.nextInt(statuses.length)]).append(",area-").append(i % 13).append(',')
                    .append(random.nextBoolean() ? "customer" : "").append(",,").append(parent).append(',').append(due).append(',')
                    .append("2.").append(random.nextInt(9)).append(',').append(random.nextInt(5) == 0 ? "3.0" : "").append(',')
                    .append("\"As a user I want step ").append(i).append(", so that it is faster.\nAcceptance: works, fast.\"")
                    .append(',').append(random.nextInt(4) == 0 ? "" : String.valueOf(new int[] {1, 2, 3, 5, 8, 13}[random.nextInt(6)]))
                    .append("\r\n");
        }
        return out.toString();
    }
}
