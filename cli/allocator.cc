// jemalloc's settings, read when it starts (compiled only into builds that link jemalloc; the
// MALLOC_CONF environment variable still overrides them).
//
// A build frees hundreds of megabytes at a time (the merge's indexes, the raw mentions once they
// are the events'); jemalloc by default returns freed pages to the system only as later
// allocations tick its clock, so they would stay resident while the outputs are written. A
// background thread returns them within about a second instead; purging at once (decay 0) would
// cost a sixth of the run time in page faults.
extern "C" {
// NOLINTNEXTLINE: the name jemalloc looks for.
const char* malloc_conf = "background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0";
}
