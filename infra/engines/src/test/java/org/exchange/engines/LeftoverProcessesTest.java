package org.exchange.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a launcher killed with SIGKILL leaves running is stopped by the next start, and nothing else is. */
class LeftoverProcessesTest {

    @TempDir
    Path dir;

    @Test
    void aRecordedProcessStillRunningIsStoppedAndForgotten() throws Exception {
        Process leftover = new ProcessBuilder("sleep", "600").start();
        Path record = dir.resolve("engine.processes");
        LeftoverProcesses.record(record, Stream.of(leftover.toHandle()));

        int stopped = LeftoverProcesses.stop(record);

        assertThat(stopped).isEqualTo(1);
        assertThat(leftover.isAlive()).isFalse();
        assertThat(record).doesNotExist();
    }

    @Test
    void aRecordedProcessIdNowUsedByAnotherProcessIsLeftAlone() throws Exception {
        Process other = new ProcessBuilder("sleep", "600").start();
        try {
            Path record = dir.resolve("engine.processes");
            // the same id, but a process that started at another time: the id was reused
            Files.write(record, List.of(other.pid() + " 1000"));

            int stopped = LeftoverProcesses.stop(record);

            assertThat(stopped).isZero();
            assertThat(other.isAlive()).isTrue();
            assertThat(record).doesNotExist();
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void nothingRecordedStopsNothing() {
        assertThat(LeftoverProcesses.stop(dir.resolve("never-written"))).isZero();
        assertThat(LeftoverProcesses.stopPostmaster(dir)).isFalse();
    }

    @Test
    void postgresLeftRunningByAKilledLauncherIsStoppedWhenItsClusterIsStartedAgain() throws Exception {
        Path cluster = dir.resolve("postgres");
        long leftoverPid = startPostgresInALauncherThenKillTheLauncher(cluster);
        assertThat(ProcessHandle.of(leftoverPid).filter(ProcessHandle::isAlive)).as("left running").isPresent();

        try (PostgresEngine restarted = PostgresEngine.start(cluster, 0);
                Connection connection = DriverManager.getConnection(restarted.jdbcUrl("postgres"),
                        restarted.username(), restarted.password());
                ResultSet answer = connection.createStatement().executeQuery("select count(*) from left_behind")) {
            assertThat(answer.next()).isTrue();
            assertThat(answer.getInt(1)).as("the cluster's data").isEqualTo(1);
            assertThat(ProcessHandle.of(leftoverPid).filter(ProcessHandle::isAlive)).as("left running").isEmpty();
        }
    }

    /** Runs {@link KilledLauncher} in a JVM of its own and kills it with SIGKILL once its PostgreSQL is up. */
    private static long startPostgresInALauncherThenKillTheLauncher(Path cluster) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process launcher = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                KilledLauncher.class.getName(), cluster.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(launcher.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals(KilledLauncher.READY)) {
                // the child's logging
            }
            assertThat(line).as("the launcher's PostgreSQL started").isEqualTo(KilledLauncher.READY);
            launcher.destroyForcibly().waitFor();
        }
        return Long.parseLong(Files.readAllLines(cluster.resolve("postmaster.pid")).get(0).trim());
    }

    /** A launcher that starts PostgreSQL on a cluster, writes a row, says so, and waits to be killed. */
    static final class KilledLauncher {

        static final String READY = "postgres-ready";

        public static void main(String[] args) throws Exception {
            PostgresEngine postgres = PostgresEngine.start(Path.of(args[0]), 0);
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"),
                    postgres.username(), postgres.password())) {
                connection.createStatement().execute("create table left_behind (id int); insert into left_behind values (1)");
            }
            System.out.println(READY);
            System.out.flush();
            Thread.sleep(600_000); // until SIGKILL: the process a user killed, not a test's pause
        }
    }
}
