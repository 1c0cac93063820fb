#!/usr/bin/env bash
# The real parts the hardware tests drive, started on a computer with no desktop and no sound
# card (CI, a server, a developer's machine):
#   - CUPS, with a cups-pdf queue "KioskPDF" as the system's default printer: whatever is
#     printed to it lands as a PDF in /var/spool/cups-pdf/KioskPDF;
#   - an X server (Xvfb), for the headed Chromium that prints silently with --kiosk-printing;
#   - a speech-dispatcher of the tests' own with espeak-ng's voices and a null audio output.
#     With no audio device an utterance may never end, and a wedged daemon then gives every
#     later browser zero voices, so `start` always starts a fresh one, on its own socket.
#
# Usage: scripts/test-services.sh start | stop | status
# Safe to run again: what already runs is kept (except speech-dispatcher, which is renewed).
# The CUPS part needs root the first time (it starts cupsd and adds the queue); `sudo` it.
# Tests read $KIOSK_SERVICES_DIR/env (default /tmp/kiosk-test-services/env) to find them.
set -euo pipefail

dir="${KIOSK_SERVICES_DIR:-/tmp/kiosk-test-services}"
queue=KioskPDF
output="/var/spool/cups-pdf/$queue"

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
need_root() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "test-services: $1 needs root: run 'sudo $0 start' once" >&2
    exit 1
  fi
}

start_cups() {
  if ! lpstat -r 2>/dev/null | grep -q 'is running'; then
    need_root 'starting CUPS'
    cupsd
    for _ in $(seq 50); do lpstat -r 2>/dev/null | grep -q 'is running' && break; sleep 0.1; done
  fi
  if ! lpstat -p "$queue" >/dev/null 2>&1 || [ "$(lpstat -d 2>/dev/null)" != "system default destination: $queue" ]; then
    need_root "adding the $queue printer"
    mkdir -p "$output"
    chmod 1777 "$output"
    # cups-pdf reads cups-pdf-<name>.conf for the device URI cups-pdf:/<name>.
    printf 'Out %s\nLabel 0\n' "$output" >"/etc/cups/cups-pdf-$queue.conf"
    # The Cairo renderer keeps the text of the page as text (poppler's and Ghostscript's
    # turn it into shapes that pdftotext cannot read): Debian's cups-pdf README advises it.
    lpadmin -p "$queue" -E -v "cups-pdf:/$queue" -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd \
      -o pdftops-renderer-default=pdftocairo -o PageSize=Letter 2>/dev/null
    lpadmin -d "$queue"
  fi
  # A test that stopped the queue on purpose and then failed must not leave it stopped.
  if lpstat -p "$queue" | grep -q disabled; then cupsenable "$queue"; fi
}

start_display() {
  if running "$dir/xvfb.pid" && [ -s "$dir/display" ]; then return; fi
  # -displayfd picks a free display number, so this never takes one another X server uses.
  Xvfb -displayfd 3 -screen 0 2000x2000x24 -nolisten tcp 3>"$dir/display" >"$dir/xvfb.log" 2>&1 &
  echo $! >"$dir/xvfb.pid"
  for _ in $(seq 50); do [ -s "$dir/display" ] && break; sleep 0.1; done
  [ -s "$dir/display" ] || { echo "test-services: Xvfb did not start (see $dir/xvfb.log)" >&2; exit 1; }
}

stop_speech() {
  if running "$dir/speechd.pid"; then kill "$(cat "$dir/speechd.pid")"; fi
  rm -f "$dir/speechd.pid" "$dir/speechd.sock"
}

start_speech() {
  stop_speech
  rm -rf "$dir/speechd"
  mkdir -p "$dir/speechd/log"
  cp -r /etc/speech-dispatcher/. "$dir/speechd/conf"
  # espeak-ng only (the mbrola variant has no voices here), played through ALSA's null device.
  cat >>"$dir/speechd/conf/speechd.conf" <<EOF
AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"
DefaultModule espeak-ng
AudioOutputMethod "alsa"
EOF
  { cat /usr/share/alsa/alsa.conf; echo 'pcm.!default { type null }'; } >"$dir/speechd/alsa.conf"
  ALSA_CONFIG_PATH="$dir/speechd/alsa.conf" speech-dispatcher --run-daemon --timeout 0 \
    --config-dir "$dir/speechd/conf" --socket-path "$dir/speechd.sock" \
    --pid-file "$dir/speechd.pid" --log-dir "$dir/speechd/log" --log-level 2 >/dev/null 2>&1
  for _ in $(seq 50); do [ -S "$dir/speechd.sock" ] && break; sleep 0.1; done
  [ -S "$dir/speechd.sock" ] || { echo "test-services: speech-dispatcher did not start (see $dir/speechd/log)" >&2; exit 1; }
}

write_env() {
  cat >"$dir/env" <<EOF
DISPLAY=:$(cat "$dir/display")
SPEECHD_ADDRESS=unix_socket:$dir/speechd.sock
KIOSK_PRINTER=$queue
KIOSK_PRINT_OUTPUT=$output
EOF
}

case "${1:-}" in
  start)
    mkdir -p "$dir"
    start_cups
    start_display
    start_speech
    write_env
    echo "test-services: CUPS (default printer $queue, PDFs in $output), X display :$(cat "$dir/display"), speech-dispatcher on $dir/speechd.sock"
    ;;
  stop)
    stop_speech
    if running "$dir/xvfb.pid"; then kill "$(cat "$dir/xvfb.pid")"; fi
    rm -f "$dir/xvfb.pid" "$dir/display" "$dir/env"
    echo "test-services: stopped Xvfb and speech-dispatcher (CUPS keeps running)"
    ;;
  status)
    lpstat -r -d -p "$queue" 2>&1 || true
    running "$dir/xvfb.pid" && echo "Xvfb on :$(cat "$dir/display")" || echo 'Xvfb not running'
    running "$dir/speechd.pid" && echo "speech-dispatcher on $dir/speechd.sock" || echo 'speech-dispatcher not running'
    ;;
  *)
    echo "Usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
