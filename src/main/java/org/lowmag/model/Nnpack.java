package org.lowmag.model;

import ai.djl.engine.Engine;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns libtorch's NNPACK convolution backend off, as PyTorch's {@code
 * torch.backends.nnpack.set_flags(False)} does ({@code
 * at::globalContext().setUserEnabledNNPACK(false)}), so that libtorch never prints {@code
 * NNPACK.cpp:57 Could not initialize NNPACK! Reason: Unsupported hardware.}.
 *
 * <p>Why: libtorch 2.7 asks whether NNPACK is available before every convolution that oneDNN does
 * not take, and on a CPU NNPACK does not support (this machine's AMD EPYC) every asking logs that
 * warning again (through c10's logger, which {@code TORCH_CPP_LOG_LEVEL} does not reach): 99.6% of
 * the demo's output. With the user flag off, libtorch's convolution dispatch ({@code
 * ConvParams::use_nnpack}) stops before asking. Nothing else should change: libtorch only chooses
 * NNPACK for a float CPU convolution with a batch of at least 16 that oneDNN did not take, and
 * oneDNN takes every such batch where libtorch is built with it (DJL's linux-x86_64 build: {@code
 * demo --quick} gives identical results with and without this switch); elsewhere those convolutions
 * run on libtorch's own kernels instead. {@code -Dlowmag.nnpack=on} leaves NNPACK on.
 *
 * <p>The three symbols below are exported, with these names, by the {@code torch_cpu} library of
 * all four {@code pytorch-native-cpu} 2.7.1 jars (linux-x86_64, linux-aarch64, osx-aarch64,
 * win-x86_64); the call has only been run on linux-x86_64.
 *
 * <p>How: DJL does not expose the flag, so the two exported C++ functions are called through JNA
 * from the libtorch DJL loaded: {@code at::globalContext()} returns the context, and the member
 * function {@code at::Context::setUserEnabledNNPACK(bool)} takes it as its first argument (the
 * Itanium C++ ABI on Linux and macOS, the Microsoft x64 ABI on Windows). When a symbol is missing
 * (another libtorch build), NNPACK is left as it is and the reason is logged at debug level.
 */
public final class Nnpack {

    /** The system property that keeps NNPACK on ({@code -Dlowmag.nnpack=on}). */
    public static final String PROPERTY = "lowmag.nnpack";

    private static final Logger LOG = LoggerFactory.getLogger(Nnpack.class);

    private static final String GLOBAL_CONTEXT_ITANIUM = "_ZN2at13globalContextEv";
    private static final String SET_ENABLED_ITANIUM = "_ZN2at7Context20setUserEnabledNNPACKEb";
    private static final String IS_ENABLED_ITANIUM = "_ZNK2at7Context17userEnabledNNPACKEv";
    private static final String GLOBAL_CONTEXT_MSVC = "?globalContext@at@@YAAEAVContext@1@XZ";
    private static final String SET_ENABLED_MSVC = "?setUserEnabledNNPACK@Context@at@@QEAAX_N@Z";
    private static final String IS_ENABLED_MSVC = "?userEnabledNNPACK@Context@at@@QEBA_NXZ";

    private static volatile boolean applied;

    private Nnpack() {}

    /**
     * Turns NNPACK off in the loaded libtorch unless {@code -Dlowmag.nnpack=on}. Idempotent; the
     * PyTorch engine is loaded first when it is not yet ({@link Engines#device()} calls this).
     *
     * @return what was done, e.g. {@code off}, {@code on (-Dlowmag.nnpack=on)} or {@code unchanged
     *     (REASON)}
     */
    public static synchronized String apply() {
        String wanted = System.getProperty(PROPERTY, "off").toLowerCase(Locale.ROOT);
        if (wanted.equals("on")) {
            applied = true;
            return "on (-D" + PROPERTY + "=on)";
        }
        if (!wanted.equals("off")) {
            throw new IllegalArgumentException(
                    "-D" + PROPERTY + "=" + wanted + " is not one of on, off");
        }
        if (applied) {
            return "off";
        }
        try {
            setEnabledInLibtorch(false);
            applied = true;
            LOG.debug("NNPACK off in libtorch (-D{}=on keeps it on)", PROPERTY);
            return "off";
        } catch (UnsatisfiedLinkError e) {
            applied = true;
            LOG.debug("NNPACK left as libtorch set it: {}", e.getMessage());
            return "unchanged (" + e.getMessage() + ")";
        }
    }

    /**
     * Reads libtorch's flag (for tests and diagnostics).
     *
     * @return whether libtorch would consider NNPACK for a convolution
     * @throws UnsatisfiedLinkError when the loaded libtorch does not export the functions
     */
    public static boolean enabledInLibtorch() {
        NativeLibrary torch = libtorchCpu();
        Pointer context = globalContext(torch);
        int returned =
                function(torch, IS_ENABLED_ITANIUM, IS_ENABLED_MSVC)
                        .invokeInt(new Object[] {context});
        return (returned & 0xff) != 0; // a C++ bool is the low byte of the return register
    }

    /**
     * Sets libtorch's flag.
     *
     * @param enabled whether libtorch may choose NNPACK
     * @throws UnsatisfiedLinkError when the loaded libtorch does not export the functions
     */
    static void setEnabledInLibtorch(boolean enabled) {
        NativeLibrary torch = libtorchCpu();
        Pointer context = globalContext(torch);
        function(torch, SET_ENABLED_ITANIUM, SET_ENABLED_MSVC)
                .invokeVoid(new Object[] {context, enabled});
    }

    private static NativeLibrary libtorchCpu() {
        Engine.getEngine("PyTorch"); // loads libtorch, which sets its path
        String name = "torch_cpu"; // JNA maps it to libtorch_cpu.so, .dylib or torch_cpu.dll
        NativeLibrary.addSearchPath(name, TorchOps.libtorchPath());
        return NativeLibrary.getInstance(name);
    }

    private static Pointer globalContext(NativeLibrary torch) {
        return function(torch, GLOBAL_CONTEXT_ITANIUM, GLOBAL_CONTEXT_MSVC)
                .invokePointer(new Object[0]);
    }

    private static Function function(NativeLibrary torch, String itanium, String msvc) {
        return torch.getFunction(Platform.isWindows() ? msvc : itanium);
    }
}
