package app.truenorth.roadmap.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the timeline of a roadmap with 5,000 initiatives in Chromium and reports navigation start to
 * load event (and largest contentful paint) over several runs, with the server's own time to first
 * byte. Fills the roadmap through the REST API of a running server; not a test. Run it through
 * bench/timeline-chromium.sh, which starts the server on a fresh data folder and creates the owner,
 * the session and the token this main needs:
 *
 * <pre>
 * TimelineChromiumBench baseUrl apiToken sessionCookie [initiatives] [runs]
 * </pre>
 */
public final class TimelineChromiumBench {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    private TimelineChromiumBench() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String session = args[2];
        int n = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 7;
        HttpClient http = HttpClient.newHttpClient();
        Api api = new Api(http, base, token);

        long product = api.create("/api/v1/products", "{\"name\":\"Atlas\",\"description\":\"Timeline benchmark\"}");
        String roadmap = "/api/v1/products/" + product + "/roadmap";
        String[] themeNames = {"Onboarding", "Reporting", "Integrations", "Mobile", "Platform", "Billing", "Search", "Security"};
        long[] themes = new long[themeNames.length];
        for (int t = 0; t < themes.length; t++) {
            themes[t] = api.create(roadmap + "/themes", "{\"name\":\"" + themeNames[t] + "\",\"description\":\"\"}");
        }
        String[] teams = {"Core", "Growth", "Payments", "Apps", "Data", "Infra", "Identity", "Insights", "Web", "Search",
            "Partners", "Ops"};
        String[] horizons = {"NOW", "NEXT", "LATER"};
        String[] stages = {"IDEA", "DISCOVERY", "BUILDING", "RELEASED", "MEASURED"};
        Random random = new Random(42);
        LocalDate first = LocalDate.of(2026, 1, 5);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> pending = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate start = first.plusDays(random.nextInt(720));
            LocalDate end = start.plusDays(14 + random.nextInt(150));
            String body = "{\"title\":\"Initiative " + (i + 1) + " – " + themeNames[i % themeNames.length].toLowerCase() + " improvements\","
                    + "\"description\":\"Generated for the timeline benchmark\",\"themeId\":" + themes[random.nextInt(themes.length)]
                    + ",\"horizon\":\"" + horizons[random.nextInt(3)] + "\",\"stage\":\"" + stages[random.nextInt(5)] + "\","
                    + "\"team\":\"" + teams[random.nextInt(teams.length)] + "\",\"effortLow\":" + (1 + random.nextInt(5))
                    + ",\"effortHigh\":" + (6 + random.nextInt(10)) + ",\"confidence\":" + (30 + random.nextInt(70))
                    + ",\"startDate\":\"" + start + "\",\"endDate\":\"" + end + "\"}";
            pending.add(pool.submit(() -> api.create(roadmap + "/initiatives", body)));
        }
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = pending.get(i).get();
        }
        // about 1.5 dependencies per initiative, always on an earlier one, so the graph has no cycles
        List<Future<Long>> deps = new ArrayList<>();
        int dependencies = 0;
        for (int i = 1; i < n; i++) {
            int count = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(2);
            for (int k = 0; k < count; k++) {
                int required = Math.max(0, i - 1 - random.nextInt(Math.min(i, 200)));
                String body = "{\"dependentId\":" + ids[i] + ",\"requiredId\":" + ids[required] + "}";
                deps.add(pool.submit(() -> api.createOrConflict(roadmap + "/dependencies", body)));
            }
        }
        for (Future<Long> f : deps) {
            if (f.get() > 0) {
                dependencies++;
            }
        }
        pool.shutdown();
        System.out.printf("filled product %d: %d initiatives, %d themes, %d dependencies in %.0f s%n", product, n, themes.length,
                dependencies, (System.nanoTime() - started) / 1e9);

        String url = base + "/products/" + product + "/roadmap/timeline";
        URI uri = URI.create(base);
        try (Playwright playwright = Playwright.create()) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
                    .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--no-first-run")));
            double[] load = new double[runs];
            double[] lcp = new double[runs];
            double[] ttfb = new double[runs];
            for (int r = -2; r < runs; r++) { // two warm-up loads: server JIT and Chromium's caches
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
                context.addCookies(List.of(new Cookie("SESSION", session).setDomain(uri.getHost()).setPath("/")));
                Page page = context.newPage();
                page.addInitScript("window.__lcp = 0; new PerformanceObserver(l => { for (const e of l.getEntries()) window.__lcp = e.startTime; })"
                        + ".observe({type: 'largest-contentful-paint', buffered: true});");
                page.navigate(url);
                page.waitForFunction("performance.getEntriesByType('navigation')[0].loadEventEnd > 0");
                page.waitForTimeout(300); // let the last paint settle so LCP is reported
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) page.evaluate("() => { const n = performance.getEntriesByType('navigation')[0];"
                        + " return {load: n.loadEventEnd - n.startTime, ttfb: n.responseStart - n.requestStart, lcp: window.__lcp,"
                        + " transfer: n.transferSize, html: n.decodedBodySize, nodes: document.getElementsByTagName('*').length,"
                        + " bars: document.querySelectorAll('svg rect').length}; }");
                if (r == -2) {
                    System.out.println("page: " + m.get("html") + " bytes of HTML (" + m.get("transfer") + " transferred, compressed), "
                            + m.get("nodes") + " elements, " + m.get("bars") + " svg rects");
                    if (!page.content().contains("Initiative " + n + " ")) {
                        System.out.println("warning: the last initiative is not on the page");
                    }
                }
                if (r >= 0) {
                    load[r] = ((Number) m.get("load")).doubleValue();
                    lcp[r] = ((Number) m.get("lcp")).doubleValue();
                    ttfb[r] = ((Number) m.get("ttfb")).doubleValue();
                    System.out.printf("run %d: load %.0f ms, LCP %.0f ms, server (request to first byte) %.0f ms%n", r + 1, load[r], lcp[r],
                            ttfb[r]);
                }
                context.close();
            }
            System.out.printf("median of %d: load %.0f ms (best %.0f, worst %.0f), LCP %.0f ms, server %.0f ms%n", runs, median(load),
                    min(load), max(load), median(lcp), median(ttfb));
            browser.close();
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }

    private record Api(HttpClient http, String base, String token) {

        long create(String path, String json) throws Exception {
            long id = createOrConflict(path, json);
            if (id < 0) {
                throw new IllegalStateException("POST " + path + " was refused: " + json);
            }
            return id;
        }

        /** The new id, or -1 when the server refuses it (a duplicate dependency, say). */
        long createOrConflict(String path, String json) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 409 || response.statusCode() == 422 || response.statusCode() == 400) {
                if (path.endsWith("/dependencies")) {
                    return -1;
                }
                throw new IllegalStateException("POST " + path + " → " + response.statusCode() + ": " + response.body());
            }
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + " → " + response.statusCode() + ": " + response.body());
            }
            Matcher m = ID.matcher(response.body());
            if (!m.find()) {
                throw new IllegalStateException("no id in " + response.body());
            }
            return Long.parseLong(m.group(1));
        }
    }
}
