#!/usr/bin/env python3
"""Launch to ready: starts the command given as arguments in a session of its own (so that the stop reaches a process
the launcher started, Maven's forked JVM), polls GET /health/ready on 127.0.0.1:$SERVER_PORT (18790) over a raw socket
every 5 ms, and prints the milliseconds to the first 200, or "failed" (the process ended, or READY_TIMEOUT seconds,
60, passed); then stops it with SIGTERM and waits until the whole session is gone. Its output is appended to
stdout.log and stderr.log in the working directory. Used by bench/restart.sh and deploy/image/startup.sh."""
import os
import signal
import socket
import subprocess
import sys
import time

port = int(os.environ.get("SERVER_PORT", "18790"))
start = time.monotonic()
process = subprocess.Popen(sys.argv[1:], stdout=open("stdout.log", "a"), stderr=open("stderr.log", "a"),
                           start_new_session=True)
request = b"GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
ready = None
while time.monotonic() - start < float(os.environ.get("READY_TIMEOUT", "60")) and process.poll() is None:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
            connection.sendall(request)
            if connection.recv(64).startswith(b"HTTP/1.1 200"):
                ready = time.monotonic() - start
                break
    except OSError:
        pass
    time.sleep(0.005)
try:
    os.killpg(process.pid, signal.SIGTERM)
except ProcessLookupError:
    pass
process.wait(60)
for _ in range(300):
    try:
        os.killpg(process.pid, 0)
    except ProcessLookupError:
        break
    time.sleep(0.1)
print(round(ready * 1000) if ready is not None else "failed")
