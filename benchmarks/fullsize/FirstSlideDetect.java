import com.sun.management.OperatingSystemMXBean;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lowmag.slide.SlideReader;
import org.lowmag.slide.SlideReaders;
import org.lowmag.tissue.SlideTissue;
import org.lowmag.tissue.TissueParams;

/**
 * Tissue detection ({@code SlideTissue.find}, as {@code predict} and {@code lowmag tissue} run it,
 * default parameters) on one slide N times in one JVM: per call the wall time, the process's CPU
 * time (all threads, JIT compilers included) and the CPU time of the JIT compiler threads alive at
 * the end of the call (Linux {@code /proc/self/task}; threads that exited are not counted, so this
 * is a lower bound). The first call is a JVM's first slide: class loading, interpreter and JIT.
 *
 * <p>Benchmark helper, run as a single-file program on the built jar (its manifest names the
 * libraries): {@code java -Xmx16g -Djava.awt.headless=true -cp target/lowmag.jar
 * benchmarks/fullsize/FirstSlideDetect.java SLIDE [N]}.
 */
public class FirstSlideDetect {

    public static void main(String[] args) throws Exception {
        Path slide = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double jitBefore = jitCpuSeconds();
        for (int i = 1; i <= n; i++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            int pieces;
            try (SlideReader reader = SlideReaders.open(slide)) {
                pieces = SlideTissue.find(reader, TissueParams.defaults()).detection().boxes().size();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            double jit = jitCpuSeconds();
            System.out.printf(
                    "call %d: wall %.2f s, process CPU %.2f s, JIT threads CPU >= %.2f s, %d pieces%n",
                    i, wall, cpu, jit - jitBefore, pieces);
            jitBefore = jit;
        }
    }

    /** utime + stime (fields 14 and 15 of /proc/self/task/T/stat) of the C1/C2 compiler threads. */
    private static double jitCpuSeconds() throws Exception {
        long ticks = 0;
        File[] tasks = new File("/proc/self/task").listFiles();
        if (tasks == null) {
            return Double.NaN;
        }
        for (File t : tasks) {
            String comm = Files.readString(t.toPath().resolve("comm")).trim();
            if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                String stat = Files.readString(t.toPath().resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
        }
        return ticks / 100.0; // USER_HZ
    }
}
