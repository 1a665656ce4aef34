package app.truenorth.platform.security;

import app.truenorth.platform.cluster.ChangeSignals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;

/**
 * Three adjustments to the JDBC session repository that Spring Boot configures (table, timeout and
 * cleanup stay Boot's): attributes are decoded through {@link SessionAttributeCodec},
 * {@link QuietSessionRepository} in front of it writes a session only when it changed and answers
 * reads from what this node knows until a change is announced ({@link ChangeSignals}), and loading a
 * session runs without a transaction of its own ({@link SessionTransactions}).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {

    @Bean
    static BeanPostProcessor quietSessionRepository(Environment environment, ObjectProvider<PlatformTransactionManager> transactions,
            ObjectProvider<ChangeSignals> signals) {
        // attributes read but not set must still be saved under the other save modes: leave those alone
        boolean saveOnSet = "on-set-attribute".equalsIgnoreCase(
                environment.getProperty("spring.session.jdbc.save-mode", "on-set-attribute").replace('_', '-'));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                // handed to the configuration rather than declared as a bean: a TransactionOperations bean
                // would make Spring Boot drop the application's own TransactionTemplate
                if (bean instanceof JdbcHttpSessionConfiguration sessions) {
                    sessions.setTransactionOperations(new SessionTransactions(transactions.getObject()));
                }
                if (bean instanceof JdbcIndexedSessionRepository store) {
                    store.setConversionService(SessionAttributeCodec.conversionService(SessionStoreConfig.class.getClassLoader()));
                }
                return bean;
            }

            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return saveOnSet && bean instanceof JdbcIndexedSessionRepository store ? new QuietSessionRepository<>(store, signals.getObject()) : bean;
            }
        };
    }
}
