# Sourced by deploy/vlfer, deploy/spark-submit.sh and jobs/bench.sh: the native memory settings of
# every JVM that trains (pom.xml passes the same value, property vlfer.glibc.tunables, to the tests
# and the default run; NativeEnvTest checks that the two agree).
#
# ND4J and oneDNN allocate their tensors with glibc's malloc, tens of MB at a time, and free them
# within the step. By default glibc serves such sizes by mmap and hands them back by munmap, and
# it trims what it frees, so every step faults its working set in again, page by page: 20,000
# faults per step for face-api, 59,000 for resnet18, a third of the training time on the project's
# machine (jobs/bench.sh training). These settings keep freed memory for the next step:
#   hugetlb=1        big chunks on transparent huge pages (glibc >= 2.35; older glibc ignores it)
#   mmap_threshold   32 MiB (glibc's ceiling): below it, chunks come from the heap, not from mmap
#   trim_threshold   keep up to 256 MiB free at the top of a heap instead of returning it
#   top_pad          grow a heap 64 MiB at a time
#   arena_max        at most 4 malloc arenas, so the kept memory stays bounded
# A GLIBC_TUNABLES already in the environment is left as it is.
VLFER_GLIBC_TUNABLES="glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456:glibc.malloc.top_pad=67108864:glibc.malloc.arena_max=4"
export GLIBC_TUNABLES="${GLIBC_TUNABLES:-$VLFER_GLIBC_TUNABLES}"
