#ifndef TARIFFWATCH_CSYSTEMD_SHIM_H
#define TARIFFWATCH_CSYSTEMD_SHIM_H

// Without this, sd-journal.h turns sd_journal_sendv into a macro that adds CODE_FILE/CODE_LINE
// fields of this header, which would be noise in every entry; Swift passes no caller location anyway.
#define SD_JOURNAL_SUPPRESS_LOCATION 1

#include <sys/uio.h>
// Not in Swift's Glibc module: the eventfd that stops a `DescriptorWatch` thread.
#include <sys/eventfd.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>

#endif
