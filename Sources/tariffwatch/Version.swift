/// The release `tariffwatch --version` prints; raised with each release note in the README.
let tariffwatchVersion = "0.14.0"
