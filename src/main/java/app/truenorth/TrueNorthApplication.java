package app.truenorth;

import app.truenorth.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@Modulithic(systemName = "TrueNorth", sharedModules = "platform")
public class TrueNorthApplication {

    public static void main(String[] args) {
        if (Cli.handles(args)) {
            // command-line tools: no server, no Spring context
            System.exit(Cli.exec(args, TrueNorthApplication.class));
        }
        SpringApplication.run(TrueNorthApplication.class, args);
    }
}
