package org.familyjourney.tasklist;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.familyjourney.security.StaffMember;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open tasklist pages that a task arrived or changed (server-sent events), so a worker sees a
 * new task without reloading. Only people who may see the task hear of it, and an event carries the
 * task id alone: the page fetches what it shows through the usual access checks. Sending happens on
 * its own thread, so a slow browser never holds up a job worker or a completion.
 */
@Component
class TaskEvents implements SmartLifecycle {

    static final long TIMEOUT_MS = 10 * 60 * 1000L;
    private static final long HEARTBEAT_SECONDS = 25;

    private final Map<SseEmitter, StaffMember> listeners = new ConcurrentHashMap<>();
    private final UserTaskRepository tasks;
    private final TaskVisibility visibility;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "task-events");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;

    TaskEvents(UserTaskRepository tasks, TaskVisibility visibility) {
        this.tasks = tasks;
        this.visibility = visibility;
    }

    SseEmitter subscribe(StaffMember who) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        listeners.put(emitter, who);
        emitter.onCompletion(() -> listeners.remove(emitter));
        emitter.onTimeout(() -> listeners.remove(emitter));
        emitter.onError(e -> listeners.remove(emitter));
        send(emitter, SseEmitter.event().comment("connected").reconnectTime(5000));
        return emitter;
    }

    int listenerCount() {
        return listeners.size();
    }

    @EventListener
    void on(TaskOpened event) {
        announce(event.taskId(), "opened");
    }

    @EventListener
    void on(TaskReassigned event) {
        announce(event.taskId(), "reassigned");
    }

    @EventListener
    void on(TaskCompleted event) {
        announce(event.taskId(), "completed");
    }

    private void announce(long taskId, String change) {
        if (listeners.isEmpty()) {
            return;
        }
        sender.execute(() -> tasks.findById(taskId).ifPresent(task -> listeners.forEach((emitter, who) -> {
            if (visibility.canSee(task, who)) {
                send(emitter, SseEmitter.event().name("task").data(Map.of("taskId", taskId, "change", change)));
            }
        })));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            listeners.remove(emitter);
        }
    }

    @Override
    public void start() {
        sender.scheduleAtFixedRate(() -> listeners.keySet().forEach(emitter -> send(emitter, SseEmitter.event().comment("keep-alive"))),
                HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        running = true;
    }

    /** Ends every stream before the web server's graceful shutdown, which would otherwise wait for them. */
    @Override
    public void stop() {
        running = false;
        listeners.keySet().forEach(SseEmitter::complete);
        listeners.clear();
        sender.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
