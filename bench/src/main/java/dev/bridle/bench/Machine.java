package dev.bridle.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;

/** What the figures were measured on, and the heap and CPU readings the harnesses take. */
public final class Machine {

    private Machine() {}

    /** "2 cores, OpenJDK 64-Bit Server VM 17.0.15, -Xmx6g, load average 1.2". */
    public static String describe() {
        long maxHeap = Runtime.getRuntime().maxMemory();
        return String.format(
                Locale.ROOT,
                "%d cores, %s %s, max heap %.1f GB, load average %.1f",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                maxHeap / 1e9,
                loadAverage());
    }

    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Heap in use after garbage collection (several rounds, so that finalised objects go too). */
    public static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** CPU time this process has used, in nanoseconds (all threads). */
    public static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        throw new IllegalStateException("this JVM does not report process CPU time");
    }
}
