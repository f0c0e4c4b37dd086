package vlfer.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * A Spark listener that kills (SIGKILL) the executor JVM running the first task started once
 * {@code trigger} exists (e.g. the first epoch's checkpoint: the kill lands in the second epoch),
 * and records the tasks that failed because their executor was lost.
 */
public final class ExecutorKiller extends SparkListener {
    private final Path trigger;
    private final String appId;
    private volatile String killed;
    private final List<String> lostTasks = new CopyOnWriteArrayList<>();

    public ExecutorKiller(Path trigger, String appId) {
        this.trigger = trigger;
        this.appId = appId;
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
        if (killed != null || !Files.exists(trigger)) {
            return;
        }
        String executor = start.taskInfo().executorId();
        synchronized (this) {
            if (killed != null) {
                return;
            }
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains("CoarseGrainedExecutorBackend")
                    && c.contains("--executor-id " + executor + " ") && c.contains(appId)).orElse(false))
                    .forEach(p -> {
                        p.destroyForcibly();
                        killed = executor + " (pid " + p.pid() + ", stage " + start.stageId() + ")";
                    });
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        String reason = end.reason().getClass().getSimpleName();
        if (reason.startsWith("ExecutorLostFailure")) {
            lostTasks.add("stage " + end.stageId() + " task " + end.taskInfo().index());
        }
    }

    /** The executor killed ("id (pid, stage)"), or null. */
    public String killed() {
        return killed;
    }

    public List<String> lostTasks() {
        return List.copyOf(lostTasks);
    }
}
