package org.lowmag.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The FP32 peak of the cores a benchmark uses, read from the machine.
 *
 * <pre>
 * peak GFLOP/s = cores x GHz x FMA units per core x 2 (an FMA is two FLOPs) x FP32 lanes
 * </pre>
 *
 * Lanes from {@code /proc/cpuinfo} flags: 16 with {@code avx512f}, 8 with {@code avx2} and {@code
 * fma}, else 4. Clock: {@code cpuinfo_max_freq} from sysfs when the kernel exposes it (the turbo
 * limit), else the {@code cpu MHz} of {@code /proc/cpuinfo} (a virtual machine's nominal clock).
 * FMA units: an ASSUMPTION of 2 per core (true of AVX-512 Xeon Gold/Platinum and of AMD Zen 4/5
 * server cores at 512-bit width counting Zen 4's double pumping as one; a part with one FMA port
 * has half this peak, so the percentages would double).
 *
 * @param cores cores in use (libtorch's intra-op threads)
 * @param ghz clock in GHz
 * @param clockSource where the clock came from
 * @param lanes FP32 lanes per vector
 * @param isa the widest vector extension found
 * @param fmaUnits FMA units per core (assumed)
 * @param model the CPU model name
 */
public record MachinePeak(
        int cores,
        double ghz,
        String clockSource,
        int lanes,
        String isa,
        int fmaUnits,
        String model) {

    /** Assumed FMA units per core. */
    public static final int ASSUMED_FMA_UNITS = 2;

    /**
     * @return the peak in GFLOP/s
     */
    public double gflops() {
        return cores * ghz * fmaUnits * 2.0 * lanes;
    }

    /**
     * @return the formula with this machine's numbers
     */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%d cores x %.3f GHz (%s) x %d FMA units (assumed) x 2 x %d lanes (%s) = %.0f"
                        + " GFLOP/s FP32; CPU: %s",
                cores,
                ghz,
                clockSource,
                fmaUnits,
                lanes,
                isa,
                gflops(),
                model);
    }

    /**
     * Reads this machine.
     *
     * @param cores cores in use
     * @return the peak
     * @throws IOException when {@code /proc/cpuinfo} cannot be read
     */
    public static MachinePeak read(int cores) throws IOException {
        List<String> info = Files.readAllLines(Path.of("/proc/cpuinfo"));
        String flags = " " + field(info, "flags") + " ";
        String isa;
        int lanes;
        if (flags.contains(" avx512f ")) {
            isa = "avx512f";
            lanes = 16;
        } else if (flags.contains(" avx2 ") && flags.contains(" fma ")) {
            isa = "avx2+fma";
            lanes = 8;
        } else {
            isa = "sse";
            lanes = 4;
        }
        Path max = Path.of("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq");
        double ghz;
        String source;
        if (Files.isReadable(max)) {
            ghz = Long.parseLong(Files.readString(max).strip()) / 1e6;
            source = "cpuinfo_max_freq";
        } else {
            ghz = Double.parseDouble(field(info, "cpu MHz")) / 1e3;
            source = "cpu MHz of /proc/cpuinfo";
        }
        return new MachinePeak(
                cores, ghz, source, lanes, isa, ASSUMED_FMA_UNITS, field(info, "model name"));
    }

    private static String field(List<String> info, String name) throws IOException {
        for (String line : info) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        throw new IOException("/proc/cpuinfo has no '" + name + "' field");
    }
}
