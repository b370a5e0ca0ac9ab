# Sourced by the benchmark scripts: a scratch folder ($work) that is removed on exit and,
# for those that start servers, the background processes added to $pids stopped then,
# and free_port, which prints a loopback port nothing listens on.
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
