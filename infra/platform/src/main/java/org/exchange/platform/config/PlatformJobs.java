package org.exchange.platform.config;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The platform's own recurring jobs (outbox resubmission, purges), each run on one instance of a service at a time
 * under a ShedLock lock in the service's database ({@code shedlock} table). They have a scheduler of their own, so a
 * service need not enable Spring's scheduling for them, and a slow job of the service's never delays them.
 */
public class PlatformJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlatformJobs.class);

    private final LockingTaskExecutor locks;
    private final List<Job> jobs = new ArrayList<>();
    private ThreadPoolTaskScheduler scheduler;

    public PlatformJobs(LockingTaskExecutor locks) {
        this.locks = locks;
    }

    /**
     * Runs {@code task} every {@code interval} (counted from the end of the previous run) on one instance at a time.
     *
     * @param name the lock's name, unique in the service
     * @param lockAtMostFor how long the lock outlives an instance that died while running the task
     */
    public synchronized void every(String name, Duration interval, Duration lockAtMostFor, Runnable task) {
        Job job = new Job(name, interval, lockAtMostFor, task);
        jobs.add(job);
        if (scheduler != null) {
            schedule(job);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("platform-jobs-");
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        scheduler.initialize();
        jobs.forEach(this::schedule);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private void schedule(Job job) {
        scheduler.scheduleWithFixedDelay(() -> run(job), Instant.now().plus(job.interval()), job.interval());
    }

    private void run(Job job) {
        try {
            locks.executeWithLock(job.task(),
                    new LockConfiguration(Instant.now(), job.name(), job.lockAtMostFor(), Duration.ZERO));
        } catch (RuntimeException e) {
            log.warn("Platform job {} failed; it runs again in {}: {}", job.name(), job.interval(), e.toString());
        }
    }

    private record Job(String name, Duration interval, Duration lockAtMostFor, Runnable task) {
    }
}
