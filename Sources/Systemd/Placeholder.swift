// Systemd: placeholder until its work lands.
