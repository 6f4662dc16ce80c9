# install / uninstall for tariffwatch; included from the Makefile (`include mk/install.mk`).
# Variables: PREFIX (default /usr/local; the installed unit's ExecStart follows it), DESTDIR for staging.
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
BINDIR := $(DESTDIR)$(PREFIX)/bin
UNITDIR := $(DESTDIR)/etc/systemd/system
CATALOGDIR := $(DESTDIR)/usr/lib/systemd/catalog
SYSUSERSDIR := $(DESTDIR)/usr/lib/sysusers.d
TMPFILESDIR := $(DESTDIR)/usr/lib/tmpfiles.d
CONFDIR := $(DESTDIR)/etc/tariffwatch
DOCDIR := $(DESTDIR)$(PREFIX)/share/doc/tariffwatch
# Only touch the running system (users, folders, systemd) for a real install, not a DESTDIR staging one.
LIVE := $(if $(DESTDIR),,yes)
SYSTEMD_RUNNING := $(shell test -d /run/systemd/system && echo yes)

.PHONY: install uninstall

install: release
	install -d $(BINDIR) $(UNITDIR) $(CATALOGDIR) $(SYSUSERSDIR) $(TMPFILESDIR) $(CONFDIR) $(DOCDIR)
	install -m 0755 "$$($(SWIFT) build -c release --show-bin-path)/tariffwatch" $(BINDIR)/tariffwatch
	@# The unit names /usr/local/bin/tariffwatch; follow PREFIX.
	sed 's#/usr/local/bin/tariffwatch#$(PREFIX)/bin/tariffwatch#' systemd/tariffwatch.service >$(UNITDIR)/tariffwatch.service
	chmod 0644 $(UNITDIR)/tariffwatch.service
	@# tariffwatch serve (socket-activated) and the per-desk template unit.
	for unit in tariffwatch-http.service tariffwatch@.service; do \
		sed 's#/usr/local/bin/tariffwatch#$(PREFIX)/bin/tariffwatch#' systemd/$$unit >$(UNITDIR)/$$unit && chmod 0644 $(UNITDIR)/$$unit; \
	done
	install -m 0644 systemd/tariffwatch-http.socket $(UNITDIR)/tariffwatch-http.socket
	install -m 0644 systemd/tariffwatch.catalog $(CATALOGDIR)/tariffwatch.catalog
	install -m 0644 systemd/tariffwatch.sysusers $(SYSUSERSDIR)/tariffwatch.conf
	install -m 0644 systemd/tariffwatch.tmpfiles $(TMPFILESDIR)/tariffwatch.conf
	if [ -f README.md ]; then install -m 0644 README.md $(DOCDIR)/README.md; fi
	@# Never overwrite an operator's configuration.
	@# The shipped defaults are for running by hand; the unit's folders are the spool and StateDirectory.
	test -e $(CONFDIR)/tariffwatch.yaml || sed -e 's#^  directory: ./inbox#  directory: /var/spool/tariffwatch/inbox#' \
		-e 's#^  directory: ./state#  directory: /var/lib/tariffwatch#' $(CONFIG) >$(CONFDIR)/tariffwatch.yaml
ifeq ($(LIVE),yes)
	systemd-sysusers tariffwatch.conf
	systemd-tmpfiles --create tariffwatch.conf
	journalctl --update-catalog
ifeq ($(SYSTEMD_RUNNING),yes)
	systemctl daemon-reload
endif
	@echo "installed; start with: systemctl enable --now tariffwatch (HTTP feed and calendar: systemctl enable --now tariffwatch-http.socket)"
	@echo "let a user drop articles: usermod -aG tariffwatch-writers USER; read the feed: usermod -aG tariffwatch USER"
endif

# Leaves the user, the inbox, the state (/var/lib/tariffwatch) and /etc/tariffwatch alone: they hold data.
uninstall:
ifeq ($(LIVE)$(SYSTEMD_RUNNING),yesyes)
	-systemctl disable --now tariffwatch.service tariffwatch-http.socket tariffwatch-http.service
endif
	rm -f $(BINDIR)/tariffwatch $(UNITDIR)/tariffwatch.service $(CATALOGDIR)/tariffwatch.catalog \
		$(UNITDIR)/tariffwatch-http.socket $(UNITDIR)/tariffwatch-http.service $(UNITDIR)/tariffwatch@.service \
		$(SYSUSERSDIR)/tariffwatch.conf $(TMPFILESDIR)/tariffwatch.conf $(DOCDIR)/README.md
	-rmdir $(DOCDIR)
ifeq ($(LIVE),yes)
	journalctl --update-catalog
ifeq ($(SYSTEMD_RUNNING),yes)
	systemctl daemon-reload
endif
	@echo "kept: /etc/tariffwatch, /var/lib/tariffwatch, /var/spool/tariffwatch and the tariffwatch user"
endif
