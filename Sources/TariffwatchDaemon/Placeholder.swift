// TariffwatchDaemon: placeholder until its work lands.
