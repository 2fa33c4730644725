package dev.rollout.worker.demo;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * Heap and CPU of this JVM while a benchmark runs, with the simulated devices' share of the CPU
 * taken apart: the agents run in the engine's JVM (a JVM of their own would need a launcher and a
 * second warm-up), so their threads ({@code agent-*}, and {@code HttpClient-*} of their HTTP
 * client: the engine makes no outgoing HTTP) are measured by thread CPU time and subtracted. {@link
 * #sample()} once a second keeps the heap's peak and the CPU of threads that may exit.
 */
final class EngineMeters {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Map<Long, Long> simulatorStart = new HashMap<>();
  private final Map<Long, Long> simulatorLast = new HashMap<>();
  private final long processStart;
  private final long wallStart;
  private long maxHeap;

  EngineMeters() {
    simulatorThreads(simulatorStart);
    processStart = os.getProcessCpuTime();
    wallStart = System.nanoTime();
    sample();
  }

  void sample() {
    maxHeap = Math.max(maxHeap, memory.getHeapMemoryUsage().getUsed());
    simulatorThreads(simulatorLast);
  }

  /** The figures since construction; {@code heapAfterGc} is measured by the caller. */
  String report() {
    sample();
    double wall = System.nanoTime() - wallStart;
    double process = os.getProcessCpuTime() - processStart;
    double simulator = 0;
    for (Map.Entry<Long, Long> thread : simulatorLast.entrySet()) {
      simulator += thread.getValue() - simulatorStart.getOrDefault(thread.getKey(), 0L);
    }
    return String.format(
        "heap-max=%dMB cpu(process)=%.2f cores cpu(simulator threads)=%.2f cores"
            + " cpu(engine=process-simulator)=%.2f cores of %d",
        maxHeap >> 20,
        process / wall,
        simulator / wall,
        (process - simulator) / wall,
        Runtime.getRuntime().availableProcessors());
  }

  static long usedHeapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private void simulatorThreads(Map<Long, Long> into) {
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null
          && (info.getThreadName().startsWith("agent-")
              || info.getThreadName().startsWith("HttpClient-"))) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu >= 0) {
          into.put(info.getThreadId(), cpu);
        }
      }
    }
  }
}
