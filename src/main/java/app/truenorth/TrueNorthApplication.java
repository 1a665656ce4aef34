package app.truenorth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@Modulithic(systemName = "TrueNorth", sharedModules = "platform")
public class TrueNorthApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrueNorthApplication.class, args);
    }
}
