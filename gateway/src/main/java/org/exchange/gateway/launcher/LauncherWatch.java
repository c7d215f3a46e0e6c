package org.exchange.gateway.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * When the local launcher started the gateway ({@code exchange.launcher.pid}), the gateway stops once the launcher is
 * gone, even when it was killed and had no chance to stop its children (the services do the same, through the
 * platform starter).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("exchange.launcher.pid")
class LauncherWatch {

    private static final Logger log = LoggerFactory.getLogger(LauncherWatch.class);

    @Bean
    ApplicationListener<ApplicationReadyEvent> stopWithTheLauncher(@Value("${exchange.launcher.pid}") long pid) {
        return ready -> ProcessHandle.of(pid).ifPresentOrElse(
                launcher -> launcher.onExit().thenRun(() -> stop(ready, pid)),
                () -> stop(ready, pid));
    }

    private static void stop(ApplicationReadyEvent ready, long pid) {
        log.warn("The launcher (pid {}) is gone: stopping", pid);
        Thread stopper = new Thread(() -> System.exit(SpringApplication.exit(ready.getApplicationContext())),
                "stop-with-the-launcher");
        stopper.start();
    }
}
