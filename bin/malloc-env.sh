# glibc malloc settings for LowMag's JVM (sourced by ./lowmag and benchmarks/run-all.sh).
#
# libtorch allocates each activation and gradient with malloc. By default glibc serves large blocks
# with fresh mmap()s and returns freed memory to the kernel, so every training step faults its
# tensors' pages in again (the kernel zeroes each page). Keeping freed memory in the process
# (a high trim threshold and top pad, blocks up to 32 MiB from the heap, one arena so the threads
# share what was freed) removed most of that: training steps 1.1-1.25x faster at 256 px
# (benchmarks/run-all.sh, "what-if glibc malloc env" rows). The process keeps its peak resident
# size instead of shrinking between steps; the peak itself does not grow. A value already set in
# the environment is kept.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-17179869184}"
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}"
export MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-268435456}"
