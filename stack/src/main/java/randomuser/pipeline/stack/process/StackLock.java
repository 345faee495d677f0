package randomuser.pipeline.stack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One stack operation at a time, across JVMs (a file lock on var/run/stack.lock: the CLI and several test
 * JVMs may start components together) and across threads of one JVM (a file lock is per JVM).
 */
public final class StackLock {
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private StackLock() {}

    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    public static Held acquire(Path runDir) {
        IN_THIS_JVM.lock();
        if (IN_THIS_JVM.getHoldCount() > 1) {
            return IN_THIS_JVM::unlock; // re-entered: the file lock is already ours
        }
        try {
            Files.createDirectories(runDir);
            FileChannel channel =
                    FileChannel.open(runDir.resolve("stack.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            return () -> {
                try {
                    lock.release();
                    channel.close();
                } catch (IOException ignored) {
                    // closing the channel releases the lock anyway
                } finally {
                    IN_THIS_JVM.unlock();
                }
            };
        } catch (IOException e) {
            IN_THIS_JVM.unlock();
            throw new UncheckedIOException("cannot lock " + runDir.resolve("stack.lock"), e);
        }
    }
}
