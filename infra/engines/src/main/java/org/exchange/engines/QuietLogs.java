package org.exchange.engines;

import java.lang.reflect.Method;

/**
 * Turns chatty third-party loggers down to WARN in whichever slf4j backend happens to be present (logback or
 * log4j-core), without depending on one. Loggers that the application already configured keep their level. Spring
 * Boot resets logback when its context starts: set {@code logging.level.kafka=WARN} there as well.
 */
final class QuietLogs {

    private QuietLogs() {
    }

    static void warn(String... loggerNames) {
        try {
            Object factory = org.slf4j.LoggerFactory.getILoggerFactory();
            if ("ch.qos.logback.classic.LoggerContext".equals(factory.getClass().getName())) {
                ClassLoader loader = factory.getClass().getClassLoader();
                Class<?> level = Class.forName("ch.qos.logback.classic.Level", true, loader);
                Object warn = level.getField("WARN").get(null);
                Method getLogger = factory.getClass().getMethod("getLogger", String.class);
                for (String name : loggerNames) {
                    Object logger = getLogger.invoke(factory, name);
                    if (logger.getClass().getMethod("getLevel").invoke(logger) == null) {
                        logger.getClass().getMethod("setLevel", level).invoke(logger, warn);
                    }
                }
                return;
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException ignored) {
            // no usable logback: leave logging alone
        }
        try {
            Class<?> configurator = Class.forName("org.apache.logging.log4j.core.config.Configurator");
            Class<?> level = Class.forName("org.apache.logging.log4j.Level");
            Object warn = level.getField("WARN").get(null);
            Method setLevel = configurator.getMethod("setLevel", String.class, level);
            for (String name : loggerNames) {
                setLevel.invoke(null, name, warn);
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException ignored) {
            // no log4j-core either: slf4j without a provider logs nothing anyway
        }
    }
}
