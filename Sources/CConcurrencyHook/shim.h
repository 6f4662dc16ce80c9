#ifndef TARIFFWATCH_CCONCURRENCYHOOK_SHIM_H
#define TARIFFWATCH_CCONCURRENCYHOOK_SHIM_H

// The Swift runtime's `swift_task_enqueueGlobal_hook` (libswift_Concurrency): a function pointer that, when set,
// receives every job bound for the global executor. SwiftNIO finds it with dlsym, which works against the shared
// runtime; a binary linked with the static runtime (`make release`) exports none of its symbols (`-static-stdlib`
// links with --exclude-libs ALL), so there the linker resolves the address instead: the release build defines
// TARIFFWATCH_STATIC_SWIFT_RUNTIME. Never taken against the shared runtime, where the variable is protected and a
// reference from the executable would need a copy relocation.
#ifdef TARIFFWATCH_STATIC_SWIFT_RUNTIME
extern void *swift_task_enqueueGlobal_hook;
static inline void **tariffwatch_enqueue_global_hook(void) { return &swift_task_enqueueGlobal_hook; }
#else
static inline void **tariffwatch_enqueue_global_hook(void) { return (void **)0; }
#endif

#endif
