package com.clockface.camera;

import com.clockface.vision.CameraInfo;
import com.clockface.vision.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps a camera going across unplugging. When the wrapped source fails to open or stops delivering,
 * the status becomes {@link Status#CAMERA_UNAVAILABLE} (listeners are told, with the reason), and
 * {@link #next()} keeps creating and opening a fresh source every {@code retryInterval} until one
 * works; then the status is {@link Status#RUNNING} again and frames flow. {@link #open()} never fails
 * for a missing camera: the kiosk starts, shows "camera unavailable" and recovers by itself.
 *
 * <p>One thread reads ({@link #next()}); {@link #close()} may be called from any thread and makes a
 * waiting {@code next()} return null. Listeners run on the reading thread (a UI must hand the event
 * over to its own thread).
 */
public final class ReconnectingSource implements FrameSource {
    private static final Logger log = LoggerFactory.getLogger(ReconnectingSource.class);

    public enum Status { NOT_STARTED, RUNNING, CAMERA_UNAVAILABLE, CLOSED }

    /** Makes a new, unopened source for the same camera (looked up again by name each time). */
    @FunctionalInterface
    public interface Factory {
        FrameSource create() throws CameraException;
    }

    /** Told about every status change; {@code problem} says why the camera is unavailable (else null). */
    @FunctionalInterface
    public interface StatusListener {
        void statusChanged(Status status, CameraException problem);
    }

    /** Time between attempts to reopen a missing camera: quick enough to feel instant after replugging. */
    public static final Duration DEFAULT_RETRY = Duration.ofSeconds(1);

    private final Factory factory;
    private final long retryNanos;
    private final List<StatusListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    private FrameSource current;       // guarded by lock for hand-over with close()
    private boolean reading;           // a next() call is inside current.next()
    private boolean reopen;            // reconnect() asked while a read was running: drop the source after it
    private volatile boolean closed;
    private volatile Status status = Status.NOT_STARTED;
    private volatile CameraException problem;
    private volatile CameraInfo info;
    private int reconnects;

    public ReconnectingSource(Factory factory) {
        this(factory, DEFAULT_RETRY);
    }

    public ReconnectingSource(Factory factory, Duration retryInterval) {
        this.factory = factory;
        this.retryNanos = retryInterval.toNanos();
        this.info = new CameraInfo("(camera not connected)", "", 0, 0, 0, false);
    }

    public void addListener(StatusListener l) { listeners.add(l); }

    public void removeListener(StatusListener l) { listeners.remove(l); }

    public Status status() { return status; }

    /** Why the camera is unavailable (a sentence for the screen), or null while it runs. */
    public CameraException problem() { return problem; }

    /** How many times the camera came back after being unavailable. */
    public int reconnects() { return reconnects; }

    @Override
    public void open() {
        if (closed || current != null) return;
        tryConnect();
    }

    @Override
    public Frame next() throws CameraException {
        while (!closed) {
            FrameSource src;
            synchronized (lock) {
                src = current;
                if (src != null) reading = true;
            }
            if (src == null) {
                if (!tryConnect()) waitForRetry();
                continue;
            }
            Frame f;
            try {
                f = src.next();
            } catch (CameraException e) {
                f = null;
                dropCurrent(src);
                setStatus(Status.CAMERA_UNAVAILABLE, e);
                continue;
            } finally {
                synchronized (lock) {
                    reading = false;
                    if (closed || reopen) {
                        reopen = false;
                        dropCurrent(src);
                    }
                }
            }
            if (closed) break;
            if (f == null) return null; // a finite source (file) ended: that is not a disconnection
            return f;
        }
        return null;
    }

    private boolean tryConnect() {
        FrameSource s = null;
        try {
            s = factory.create();
            s.open();
        } catch (CameraException e) {
            if (s != null) s.close();
            setStatus(Status.CAMERA_UNAVAILABLE, e);
            return false;
        } catch (RuntimeException e) {
            if (s != null) s.close();
            setStatus(Status.CAMERA_UNAVAILABLE, new CameraException(CameraException.Reason.DRIVER,
                    "The camera could not be opened (" + e + ").", e));
            return false;
        }
        synchronized (lock) {
            if (closed) {
                s.close();
                return false;
            }
            current = s;
        }
        info = s.info();
        if (status == Status.CAMERA_UNAVAILABLE) reconnects++;
        setStatus(Status.RUNNING, null);
        return true;
    }

    private void waitForRetry() {
        synchronized (lock) {
            long deadline = System.nanoTime() + retryNanos;
            long left;
            while (!closed && (left = deadline - System.nanoTime()) > 0) {
                try {
                    lock.wait(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    private void dropCurrent(FrameSource src) {
        synchronized (lock) {
            if (current == src) current = null;
        }
        src.close();
    }

    private void setStatus(Status s, CameraException why) {
        Status old;
        CameraException oldProblem;
        synchronized (lock) {
            // A read or reconnect that fails while close() runs must not overwrite CLOSED.
            if (closed && s != Status.CLOSED) return;
            old = status;
            oldProblem = problem;
            status = s;
            problem = why;
        }
        if (old == s && (why == null || oldProblem != null && String.valueOf(oldProblem.getMessage()).equals(why.getMessage()))) {
            return; // same state, same reason: retries are not news
        }
        if (s == Status.CAMERA_UNAVAILABLE) log.warn("Camera unavailable: {}", why.getMessage());
        else log.info("Camera status {}", s);
        for (StatusListener l : listeners) {
            try {
                l.statusChanged(s, why);
            } catch (RuntimeException e) {
                log.warn("camera status listener failed", e);
            }
        }
    }

    /**
     * Lets go of the current device; the reading thread then creates and opens a new source from the factory (which
     * may now name another camera). Any thread; a read in progress finishes first (a decoder is never closed under
     * its reader).
     */
    public void reconnect() {
        FrameSource toClose = null;
        synchronized (lock) {
            if (closed) return;
            if (reading) {
                reopen = true;
            } else {
                toClose = current;
                current = null;
            }
        }
        if (toClose != null) toClose.close();
    }

    /** The current (or last connected) camera; a placeholder name before the first connection. */
    @Override
    public CameraInfo info() { return info; }

    @Override
    public void close() {
        FrameSource toClose = null;
        synchronized (lock) {
            if (closed && current == null) return;
            closed = true;
            lock.notifyAll();
            if (!reading) {
                toClose = current;
                current = null;
            }
        }
        if (toClose != null) toClose.close();
        setStatus(Status.CLOSED, null);
    }
}
