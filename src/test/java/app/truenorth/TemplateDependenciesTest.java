package app.truenorth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;

/**
 * The templates obey the modules' declared dependencies too, which {@link ModularityTests} cannot see: the
 * compiled templates live outside the application's packages. A module's templates
 * ({@code src/main/jte/<module>/}) may name the types and call the templates of their own module, of
 * {@code platform} (whose templates are {@code platform/} and the folders named after no module, such as
 * {@code layout/}) and of the modules their {@code package-info.java} allows, and nothing else.
 */
class TemplateDependenciesTest {

    static final Path TEMPLATES = Path.of("src/main/jte");
    static final Pattern TYPE = Pattern.compile("app\\.truenorth\\.([a-z]+)\\.");
    static final Pattern CALL = Pattern.compile("@template\\.([a-z]+)\\.");

    @Test
    void eachModulesTemplatesUseOnlyWhatTheModuleMayDependOn() throws IOException {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jte")).toList()) {
                String module = module(TEMPLATES.relativize(file).getName(0).toString());
                Set<String> allowed = allowed(module);
                String text = Files.readString(file);
                for (String used : uses(text)) {
                    if (!allowed.contains(used)) {
                        violations.add(TEMPLATES.relativize(file) + " uses " + used + " (" + module + " may use " + allowed + ")");
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(violations).isEmpty();
    }

    @Test
    void theCheckSeesATemplateReachingIntoAModuleItMayNotUse() {
        assertThat(uses("@import app.truenorth.session.web.PageContext\n@template.market.cited(c = c)"))
                .containsExactlyInAnyOrder("session", "market");
        assertThat(allowed("market")).doesNotContain("session").contains("market", "platform");
    }

    /** A folder named after no module holds the platform's templates, named for what they hold (layout/, mail/). */
    private static String module(String folder) {
        try {
            Class.forName("app.truenorth." + folder + ".package-info");
            return folder;
        } catch (ClassNotFoundException e) {
            return "platform";
        }
    }

    private static Set<String> uses(String template) {
        Set<String> used = new TreeSet<>();
        for (Pattern p : List.of(TYPE, CALL)) {
            Matcher m = p.matcher(template);
            while (m.find()) {
                used.add(module(m.group(1)));
            }
        }
        return used;
    }

    /** The module itself, the open platform, and what its package-info allows (a named interface counts as its module). */
    private static Set<String> allowed(String module) {
        Set<String> allowed = new TreeSet<>(List.of(module, "platform"));
        try {
            ApplicationModule declared = Class.forName("app.truenorth." + module + ".package-info").getAnnotation(ApplicationModule.class);
            if (declared != null) {
                allowed.addAll(Arrays.stream(declared.allowedDependencies()).map(d -> d.split("::")[0].trim())
                        .collect(Collectors.toSet()));
            }
        } catch (ClassNotFoundException e) {
            throw new AssertionError("app.truenorth." + module + " has no package-info", e);
        }
        return allowed;
    }
}
