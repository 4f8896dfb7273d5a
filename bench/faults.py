#!/usr/bin/env python3
"""The fault suite: the service's jar under a normal client while something goes wrong, on 127.0.0.1 only, each
scenario bounded in time. Prints one line of figures per scenario (docs/reliability.md records them).

    bench/faults.py target/full-stack-helidon.jar [--short] [scenario ...]

Scenarios: large-bodies, slow-headers, redis-frozen, redis-killed, postgres-outage, quiet-postgres and quiet-redis
(outages with no traffic but readiness probes), behind-haproxy (two instances, HAProxy's health checks on readiness),
sigterm, and soak (only when named). Needs wrk, haproxy, redis-server (a private one on its own port, so that SIGSTOP
touches nothing else) and PostgreSQL's binaries (a private cluster, run as the postgres user). The service runs in a scratch folder, on its
embedded database unless the scenario says otherwise. Exits non-zero when a scenario's behaviour is wrong (a slow
client left open, a WARN for a disconnect, readiness failing under large bodies, no return to Redis, a lost write or
an answer other than 200 or 503 during a database outage, a failed request or a non-zero exit on SIGTERM); the
figures themselves are printed, not judged.
"""
import glob
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

JAVA = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
ADMIN, PASSWORD = "admin@example.com", "faultsadminpass1"


class Service:
    """The jar as a process with its own scratch folder and port."""

    def __init__(self, jar, port, extra=None, heap="96m"):
        self.port = port
        self.dir = tempfile.mkdtemp(prefix="faults-")
        env = dict(os.environ, PROJECT_NAME="Faults", SECRET_KEY="faults-secret-key-0123456789",
                   FIRST_SUPERUSER=ADMIN, FIRST_SUPERUSER_PASSWORD=PASSWORD, RATELIMIT_ENABLED="false",
                   SERVER_PORT=str(port), LOG_FORMAT="json")
        env.update(extra or {})
        for name in ("DATABASE_URL", "REDIS_URL"):
            if name not in (extra or {}):
                env.pop(name, None)
        self.log = open(os.path.join(self.dir, "service.log"), "w")
        self.process = subprocess.Popen([JAVA, f"-Xmx{heap}", "-XX:+UseSerialGC", "-jar", os.path.abspath(jar)],
                                        cwd=self.dir, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if status(port, "/health/ready") == 200:
                break
            time.sleep(0.2)
        else:
            raise SystemExit("the service did not become ready; see " + self.log.name)
        self.token = json.loads(request(port, "POST", "/api/v1/login/access-token",
                                        f"username={ADMIN}&password={PASSWORD}",
                                        {"Content-Type": "application/x-www-form-urlencoded"})[1])["access_token"]

    def lines(self):
        with open(self.log.name) as log:
            return log.read().splitlines()

    def complaints(self):
        """WARN and ERROR lines of the service's log."""
        found = []
        for line in self.lines():
            try:
                if json.loads(line).get("level") in ("WARN", "ERROR"):
                    found.append(line)
            except ValueError:
                pass
        return found

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def request(port, method, path, body=None, headers=None, timeout=30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def status(port, path):
    try:
        return request(port, "GET", path, timeout=5)[0]
    except OSError:
        return None


class NormalClient(threading.Thread):
    """One client on a keep-alive connection: GET /api/v1/users/me in a loop, every latency and status kept.

    As RFC 9112 (9.3.1) lets a client do for an idempotent request, a GET sent on a connection opened for it and
    closed before any answer is retried once: the kernel resets connections still in the listener's queue when the
    listener closes, before the service could accept them. A request on a reused connection is never retried, so a
    kept-alive connection dropped during the drain still counts as a failure."""

    def __init__(self, port, token):
        super().__init__(daemon=True)
        self.port, self.token = port, token
        self.latencies, self.failures, self.refused, self.retried, self.running = [], 0, 0, 0, True

    def run(self):
        connection, fresh = None, True
        while self.running:
            start = time.perf_counter()
            for attempt in (1, 2):
                if connection is None:
                    connection, fresh = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10), True
                try:
                    connection.request("GET", "/api/v1/users/me", headers={"Authorization": "Bearer " + self.token})
                    response = connection.getresponse()
                    response.read()
                    if response.status != 200:
                        self.failures += 1
                    fresh = False
                    if response.will_close:
                        connection.close()
                        connection = None
                    break
                except ConnectionRefusedError:
                    # no connection made: nothing was in flight (the listener is closed)
                    self.refused += 1
                    connection.close()
                    connection = None
                    break
                except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                    connection.close()
                    connection, was_fresh = None, fresh
                    if was_fresh and attempt == 1:
                        self.retried += 1
                        continue
                    self.failures += 1
                    break
                except OSError:
                    self.failures += 1
                    connection.close()
                    connection = None
                    break
            self.latencies.append(time.perf_counter() - start)
            time.sleep(0.005)
        if connection is not None:
            connection.close()

    def stop(self):
        self.running = False
        self.join(15)
        return summary(self.latencies, self.failures)


def summary(latencies, failures):
    if not latencies:
        return "no requests"
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (f"{len(ordered)} requests, p50 {statistics.median(ordered) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, "
            f"max {ordered[-1] * 1000:.1f} ms, {failures} failed")


def measure(service, seconds, during=None):
    """The normal client's figures over `seconds` (wrk, a process of its own: two connections on GET users/me),
    while `during` (a callable started first) runs."""
    if during:
        during()
    output = subprocess.run(["wrk", "-t1", "-c2", f"-d{seconds}s", "--latency", "-H",
                             "Authorization: Bearer " + service.token,
                             f"http://127.0.0.1:{service.port}/api/v1/users/me"],
                            capture_output=True, text=True, timeout=seconds + 30).stdout
    figures = {}
    for line in output.splitlines():
        words = line.split()
        if len(words) == 2 and words[0] in ("50%", "99%"):
            figures[words[0]] = words[1]
        elif "requests in" in line:
            figures["requests"] = words[0]
        elif line.strip().startswith("Non-2xx"):
            figures["non2xx"] = words[-1]
        elif line.strip().startswith("Socket errors"):
            figures["errors"] = line.split(":", 1)[1].strip()
    return (f"{figures.get('requests', '?')} requests, p50 {figures.get('50%', '?')}, p99 {figures.get('99%', '?')}, "
            f"non-2xx {figures.get('non2xx', 0)}, socket errors {figures.get('errors', 'none')}")


def readiness_watch(port, seconds):
    """Polls /health/ready every 0.5 s for `seconds`; returns how many answers were not 200."""
    bad = [0]

    def watch():
        end = time.time() + seconds
        while time.time() < end:
            if status(port, "/health/ready") != 200:
                bad[0] += 1
            time.sleep(0.5)
    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread, bad


def large_bodies(jar, port, seconds):
    service = Service(jar, port, {key: value for key, value in os.environ.items() if key.startswith("HTTP_")})
    try:
        baseline = measure(service, seconds)
        body = json.dumps({"title": "x" * 900_000}).encode()
        running, answers = [True], {}

        def sender():
            while running[0]:
                try:
                    code = request(port, "POST", "/api/v1/items/", body,
                                   {"Content-Type": "application/json", "Authorization": "Bearer " + service.token})[0]
                except OSError:
                    code = "error"
                answers[code] = answers.get(code, 0) + 1
        senders = [threading.Thread(target=sender, daemon=True) for _ in range(50)]
        watch, not_ready = readiness_watch(port, seconds)
        loaded = measure(service, seconds, lambda: [thread.start() for thread in senders])
        running[0] = False
        watch.join()
        if not_ready[0]:
            PROBLEMS.append(f"large-bodies: readiness failed {not_ready[0]} times")
        print(f"large-bodies: normal client alone: {baseline}; with 50 clients sending 900 KB bodies: {loaded}; "
              f"their answers {answers}; readiness not 200 {not_ready[0]} times")
    finally:
        service.stop()


def slow_headers(jar, port, seconds):
    service = Service(jar, port)
    try:
        baseline = measure(service, seconds)
        idle = []
        for _ in range(2000):
            connection = socket.create_connection(("127.0.0.1", port))
            idle.append(connection)
        slow, closed_after, started = [], [], time.time()
        for _ in range(200):
            connection = socket.create_connection(("127.0.0.1", port))
            connection.sendall(b"GET /api/v1/utils/health-check/ HTTP/1.1\r\nHost: x\r\n")
            connection.setblocking(False)
            slow.append(connection)

        def trickle():
            open_ones = list(slow)
            while open_ones and time.time() - started < seconds + 30:
                for connection in list(open_ones):
                    try:
                        connection.send(b"X")
                        if connection.recv(1) == b"":
                            raise ConnectionResetError
                    except BlockingIOError:
                        continue
                    except OSError:
                        closed_after.append(time.time() - started)
                        open_ones.remove(connection)
                time.sleep(1)
        trickler = threading.Thread(target=trickle, daemon=True)
        trickler.start()
        loaded = measure(service, seconds)
        trickler.join(seconds + 35)
        still_open = len(slow) - len(closed_after)
        for connection in idle + slow:
            connection.close()
        time.sleep(1)
        worst = f"{max(closed_after):.1f} s" if closed_after else "none closed"
        complaints = service.complaints()
        if still_open or complaints:
            PROBLEMS.append(f"slow-headers: {still_open} slow clients still open, {len(complaints)} WARN/ERROR lines")
        print(f"slow-headers: normal client alone: {baseline}; with 2000 idle connections and 200 clients sending "
              f"headers a byte a second: {loaded}; slow clients closed {len(closed_after)} of 200 (last after "
              f"{worst}), {still_open} still open; WARN/ERROR lines in the log: {len(complaints)}")
    finally:
        service.stop()


def redis_outage(jar, port, seconds, fault):
    """A private Redis taken away (`frozen`: SIGSTOP, then SIGCONT; `killed`: its port refuses, then it starts again)
    under the normal client; rate limits on, so that every request asks Redis, and high, so that none is refused."""
    redis = PrivateRedis(port + 1000)
    service = None
    try:
        service = Service(jar, port, {"REDIS_URL": redis.url, "RATELIMIT_ENABLED": "true",
                                      "RATELIMIT_ALL_REQUESTS": "100000000"})
        baseline = measure(service, seconds)
        if fault == "frozen":
            redis.process.send_signal(signal.SIGSTOP)
        else:
            redis.kill()
        away = measure(service, seconds)
        if fault == "frozen":
            redis.process.send_signal(signal.SIGCONT)
        else:
            redis.start()
        returned, back = time.time(), None
        while time.time() - returned < 10 and back is None:
            if any("Redis answers again" in line for line in service.lines()):
                back = time.time() - returned
            request(port, "GET", "/api/v1/users/me", headers={"Authorization": "Bearer " + service.token})
            time.sleep(0.05)
        after = measure(service, seconds)
        went = any("Redis is unreachable" in line for line in service.lines())
        if back is None:
            PROBLEMS.append(f"redis-{fault}: not back on Redis within 10 s of its return")
        print(f"redis-{fault}: normal client with Redis: {baseline}; Redis {fault}: {away} (declared unreachable: "
              f"{went}); back on Redis {f'{back:.2f} s' if back is not None else 'not within 10 s'} after its "
              f"return; then: {after}")
    finally:
        if service:
            service.stop()
        redis.kill()


def soak(jar, port, seconds):
    """Half the peak for `seconds` * 30 (10 minutes by default): resident memory sampled every 10 s, every answer
    counted."""
    service = Service(jar, port)
    try:
        duration = seconds * 30
        samples = []

        def sample():
            end = time.time() + duration
            while time.time() < end:
                with open(f"/proc/{service.process.pid}/status") as status_file:
                    for line in status_file:
                        if line.startswith("VmRSS:"):
                            samples.append(int(line.split()[1]) // 1024)
                time.sleep(10)
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        # one connection flat out: about half of what the normal client's two do (wrk2's fixed rates are not here)
        output = subprocess.run(["wrk", "-t1", "-c1", f"-d{duration}s", "--latency", "-H",
                                 "Authorization: Bearer " + service.token, f"http://127.0.0.1:{port}/api/v1/users/me"],
                                capture_output=True, text=True, timeout=duration + 60).stdout
        sampler.join(20)
        lines = [line.strip() for line in output.splitlines()
                 if "requests in" in line or line.strip().startswith(("50%", "99%", "Non-2xx", "Socket errors"))]
        complaints = service.complaints()
        if any(line.startswith(("Non-2xx", "Socket errors")) for line in lines) or complaints:
            PROBLEMS.append(f"soak: errors ({lines}), {len(complaints)} WARN/ERROR lines")
        print(f"soak: {duration} s, one connection flat out: {'; '.join(lines)}; "
              f"RSS MiB first/max/last {samples[0] if samples else '?'}/{max(samples) if samples else '?'}/"
              f"{samples[-1] if samples else '?'}; WARN/ERROR lines {len(complaints)}")
    finally:
        service.stop()


class PrivatePostgres:
    """A PostgreSQL cluster of its own (its own port and folder, run as the postgres user), to stop, kill and start."""

    def __init__(self, port):
        self.binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]
        self.folder = tempfile.mkdtemp(prefix="faults-pg-")
        self.data, self.port = os.path.join(self.folder, "data"), port
        self.url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        shutil.chown(self.folder, "postgres")
        subprocess.run(self.AS_POSTGRES + [f"{self.binaries}/initdb", "-D", self.data, "-A", "trust", "-U",
                                           "postgres"], check=True, stdout=subprocess.DEVNULL)
        self.start()

    AS_POSTGRES = ["runuser", "-u", "postgres", "--"]

    def pg_ctl(self, *args):
        subprocess.run(self.AS_POSTGRES + [f"{self.binaries}/pg_ctl", "-D", self.data, "-w", "-t", "30", *args],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def start(self):
        self.pg_ctl("-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1", "-l",
                    os.path.join(self.folder, "pg.log"), "start")

    def stop(self):
        self.pg_ctl("-m", "fast", "stop")

    def kill(self):
        with open(os.path.join(self.data, "postmaster.pid")) as pid_file:
            os.kill(int(pid_file.readline()), signal.SIGKILL)
        time.sleep(1)  # the killed postmaster's children go too
        stale = os.path.join(self.data, "postmaster.pid")
        if os.path.exists(stale):
            os.remove(stale)

    def close(self):
        subprocess.run(self.AS_POSTGRES + [f"{self.binaries}/pg_ctl", "-D", self.data, "-m", "immediate", "stop"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(self.folder, ignore_errors=True)


class PrivateRedis:
    """A redis-server of its own, on its own port, so that SIGSTOP and kill touch nothing else."""

    def __init__(self, port):
        self.port, self.url = port, f"redis://127.0.0.1:{port}"
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save",
                                         "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
        time.sleep(0.5)
        if self.process.poll() is not None:
            raise SystemExit(f"redis-server could not start on port {self.port}")

    def kill(self):
        self.process.kill()
        self.process.wait()


def postgres_outage(jar, port, seconds):
    """A private PostgreSQL cluster, stopped and then killed with kill -9 under a mixed load of readers and writers,
    each time started again: what requests get meanwhile, and whether every acknowledged write is kept."""
    postgres = PrivatePostgres(port + 2000)
    service = None
    try:
        service = Service(jar, port, {"DATABASE_URL": postgres.url})
        results = []
        for fault in ("stopped", "killed"):
            load = MixedLoad(service)
            load.start()
            time.sleep(seconds / 2)
            began = time.time()
            if fault == "stopped":
                postgres.stop()
            else:
                postgres.kill()
            ready_down = None
            while time.time() - began < 10 and ready_down is None:
                if status(port, "/health/ready") == 503:
                    ready_down = time.time() - began
                time.sleep(0.05)
            time.sleep(seconds / 2)
            during = load.snapshot()
            postgres.start()
            returned = time.time()
            successes = load.successes
            while load.successes < successes + 10 and time.time() - returned < 15:
                time.sleep(0.02)
            back = time.time() - returned
            load.stop()
            lost = [item for item in load.acknowledged
                    if request(port, "GET", f"/api/v1/items/{item}",
                               headers={"Authorization": "Bearer " + service.token})[0] != 200]
            if lost or load.other or ready_down is None or back >= 15:
                PROBLEMS.append(f"postgres-{fault}: {len(lost)} writes lost, other answers {load.other[:3]}, "
                                f"readiness down {ready_down}, back after {back:.1f} s")
            results.append(f"{fault}: readiness 503 after {ready_down if ready_down is None else round(ready_down, 2)} "
                           f"s; meanwhile {during}; back {back:.2f} s after the start; {len(load.acknowledged)} "
                           f"acknowledged writes, {len(lost)} lost")
        print("postgres-outage: " + " | ".join(results))
    finally:
        if service:
            service.stop()
        postgres.close()


def readiness(port):
    """The readiness answer's status and its checks by name (their data), or (None, {}) when there is no answer."""
    try:
        code, body = request(port, "GET", "/health/ready", timeout=5)
    except OSError:
        return None, {}
    try:
        checks = {check["name"]: check.get("data", {}) for check in json.loads(body).get("checks", [])}
    except ValueError:
        checks = {}
    return code, checks


def logged_at(line):
    """The time.time() of a JSON log line."""
    stamp = json.loads(line)["time"]
    seconds, _, fraction = stamp.rstrip("Z").partition(".")
    return (time.mktime(time.strptime(seconds, "%Y-%m-%dT%H:%M:%S")) - time.timezone
            + float("0." + (fraction or "0")))


def probe_every(port, interval, until):
    """Readiness probes every `interval` s, as an orchestrator sends them, until `until()` or 30 s: (time, status,
    checks) of each."""
    probes, began = [], time.time()
    while time.time() - began < 30 and not until(probes):
        code, checks = readiness(port)
        probes.append((time.time(), code, checks))
        time.sleep(interval)
    return probes


def quiet_postgres(jar, port, seconds):
    """PostgreSQL stopped for 6 s and started again with no traffic at all, only readiness probes every 2 s: 503
    while it is away, 200 again within 5 s of its return, with no request needed to find it back."""
    postgres = PrivatePostgres(port + 2000)
    service = None
    try:
        service = Service(jar, port, {"DATABASE_URL": postgres.url})
        stopped = time.time()
        postgres.stop()
        during = probe_every(port, 2, lambda probes: time.time() - stopped >= 6)
        postgres.start()
        returned = time.time()
        after = probe_every(port, 2, lambda probes: bool(probes) and probes[-1][1] == 200)
        down = [code for _, code, _ in during]
        back = next((at - returned for at, code, _ in after if code == 200), None)
        closed = [logged_at(line) - returned for line in service.lines() if "The database answers again" in line]
        # the first probe may still be 200: a connection made within the probe's time-out proves the database
        if down[-1] != 503 or back is None or back > 5:
            PROBLEMS.append(f"quiet-postgres: readiness during the outage {down}, 200 again after {back} s")
        print(f"quiet-postgres: readiness during 6 s without PostgreSQL {down}; first probe after its return "
              f"{'200 after %.1f s' % back if back is not None else 'never 200 within 30 s'} (probes 2 s apart); "
              f"the service found the database back by itself "
              f"{'%.2f s' % closed[-1] if closed else '(not logged)'} after its return")
    finally:
        if service:
            service.stop()
        postgres.close()


def quiet_redis(jar, port, seconds):
    """Redis killed for 6 s and started again with no traffic at all, only readiness probes every 2 s: the probes show
    the degraded stores meanwhile, and the rate limits and the user cache are back on Redis within 5 s of its return."""
    redis = PrivateRedis(port + 1000)
    service = None
    shared = lambda checks: (checks.get("redis", {}).get("rate_limits"), checks.get("redis", {}).get("user_cache"))
    try:
        service = Service(jar, port, {"REDIS_URL": redis.url, "RATELIMIT_ENABLED": "true"})
        killed = time.time()
        redis.kill()
        during = probe_every(port, 2, lambda probes: time.time() - killed >= 6)
        redis.start()
        returned = time.time()
        after = probe_every(port, 2, lambda probes: bool(probes) and shared(probes[-1][2]) == ("redis", "redis"))
        degraded = [shared(checks) for _, _, checks in during]
        back = next((at - returned for at, _, checks in after if shared(checks) == ("redis", "redis")), None)
        found = [logged_at(line) - returned for line in service.lines() if "Redis answers again" in line]
        if not any(store != ("redis", "redis") for store in degraded) or back is None or back > 5:
            PROBLEMS.append(f"quiet-redis: stores during the outage {degraded}, back on Redis after {back} s")
        print(f"quiet-redis: stores (rate limits, user cache) during 6 s without Redis {sorted(set(degraded))}; "
              f"back on Redis {'%.1f s' % back if back is not None else 'not within 30 s'} after its return "
              f"(probes 2 s apart; the service's log: {'%.2f s' % found[-1] if found else 'not logged'}); readiness "
              f"{sorted({code for _, code, _ in during + after})}")
    finally:
        if service:
            service.stop()
        redis.kill()


HAPROXY_CONFIG = """global
    stats socket {folder}/admin.sock mode 600 level admin
defaults
    mode http
    timeout connect 2s
    timeout client 10s
    timeout server 10s
listen api
    bind 127.0.0.1:{port}
    # readiness decides rotation, as Kubernetes and compose use it: two failed checks 1 s apart take an instance
    # out, two good ones put it back
    option httpchk
    http-check send meth GET uri /health/ready ver HTTP/1.1 hdr Host localhost
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
    server a 127.0.0.1:{first} check
    server b 127.0.0.1:{second} check
"""


def behind_haproxy(jar, port, seconds):
    """Two instances on one private PostgreSQL behind HAProxy, whose active health checks are readiness probes, and a
    client reading items through it: PostgreSQL stopped for 10 s, then started again. Both instances must leave
    rotation, come back within 5 s of the database with nobody touching them, and the client's reads succeed again.
    Prints the timeline (seconds from the stop)."""
    postgres = PrivatePostgres(port + 2000)
    folder = tempfile.mkdtemp(prefix="faults-haproxy-")
    services, haproxy, lb_port = [], None, port + 3000
    try:
        services = [Service(jar, port, {"DATABASE_URL": postgres.url}),
                    Service(jar, port + 100, {"DATABASE_URL": postgres.url})]
        with open(os.path.join(folder, "haproxy.cfg"), "w") as config:
            config.write(HAPROXY_CONFIG.format(folder=folder, port=lb_port, first=port, second=port + 100))
        haproxy = subprocess.Popen(["haproxy", "-db", "-f", os.path.join(folder, "haproxy.cfg")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def rotation():
            """Each server's status as HAProxy sees it (UP, DOWN, or a transition)."""
            with socket.socket(socket.AF_UNIX) as admin:
                admin.connect(os.path.join(folder, "admin.sock"))
                admin.sendall(b"show stat\n")
                text = b""
                while chunk := admin.recv(65536):
                    text += chunk
            rows = [line.split(",") for line in text.decode().splitlines() if line.startswith("api,")]
            return {row[1]: row[17] for row in rows if row[1] in ("a", "b")}

        deadline = time.time() + 20
        while time.time() < deadline and not os.path.exists(os.path.join(folder, "admin.sock")):
            time.sleep(0.1)
        while time.time() < deadline and set(rotation().values()) != {"UP"}:
            time.sleep(0.2)
        events, last, reads = [], {}, []
        stopped = time.time()

        def watch(until):
            while time.time() < until:
                now = rotation()
                for server, state in now.items():
                    if last.get(server) != state:
                        events.append((time.time() - stopped, f"{server} {state}"))
                        last[server] = state
                try:
                    code = request(lb_port, "GET", "/api/v1/items/?limit=1",
                                   headers={"Authorization": "Bearer " + services[0].token}, timeout=5)[0]
                except OSError:
                    code = None
                reads.append((time.time() - stopped, code))
                time.sleep(0.1)
        last.update(rotation())
        postgres.stop()
        events.append((0.0, "PostgreSQL stopped"))
        watch(stopped + 10)
        postgres.start()
        returned = time.time() - stopped
        events.append((returned, "PostgreSQL started"))
        watch(time.time() + 10)
        went = {server: next((at for at, event in events if event == f"{server} DOWN"), None) for server in "ab"}
        came = {server: next((at for at, event in events if event == f"{server} UP" and at > returned), None)
                for server in "ab"}
        first_read = next((at for at, code in reads if at > returned and code == 200), None)
        if None in went.values() or None in came.values() or max(came.values()) - returned > 5 or first_read is None:
            PROBLEMS.append(f"behind-haproxy: out of rotation {went}, back {came} (database back at {returned:.1f} s), "
                            f"first read {first_read}")
        timeline = "; ".join(f"{at:.1f} s {event}" for at, event in events)
        print(f"behind-haproxy: {timeline}; first read through HAProxy after the return at "
              f"{first_read if first_read is None else round(first_read, 1)} s; reads by answer "
              f"{ {code: sum(1 for _, c in reads if c == code) for code in {c for _, c in reads}} }")
    finally:
        if haproxy:
            haproxy.terminate()
            haproxy.wait(10)
        for service in services:
            service.stop()
        postgres.close()
        shutil.rmtree(folder, ignore_errors=True)


class MixedLoad:
    """Four clients: two listing items, two creating them; statuses, the slowest answer and acknowledged ids kept."""

    def __init__(self, service):
        self.service, self.running = service, True
        self.successes, self.unavailable, self.slowest = 0, 0, 0.0
        self.other, self.acknowledged = [], []
        self.threads = [threading.Thread(target=self.run, args=(index % 2 == 0,), daemon=True) for index in range(4)]

    def start(self):
        for thread in self.threads:
            thread.start()

    def run(self, writer):
        headers = {"Authorization": "Bearer " + self.service.token, "Content-Type": "application/json"}
        while self.running:
            began = time.perf_counter()
            try:
                code, body = request(self.service.port, "POST" if writer else "GET", "/api/v1/items/",
                                     '{"title":"fault"}' if writer else None, headers)
            except OSError as error:
                code, body = type(error).__name__, ""
            self.slowest = max(self.slowest, time.perf_counter() - began)
            if code == 200:
                self.successes += 1
                if writer:
                    self.acknowledged.append(json.loads(body)["id"])
            elif code == 503:
                self.unavailable += 1
            else:
                self.other.append(f"{code} {body[:80]}")

    def snapshot(self):
        return (f"{self.unavailable} answered 503, {len(self.other)} other failures, slowest answer so far "
                f"{self.slowest * 1000:.0f} ms")

    def stop(self):
        self.running = False
        for thread in self.threads:
            thread.join(15)


def sigterm(jar, port, seconds):
    service = Service(jar, port)
    client = NormalClient(port, service.token)
    client.start()
    time.sleep(seconds)
    service.process.send_signal(signal.SIGTERM)
    started = time.time()
    code = service.process.wait(60)
    client.running = False
    client.join(15)
    stopped = time.time() - started
    drain = [line for line in service.lines() if "Stopped: requests finished" in line]
    if code != 0 or client.failures or not drain:
        PROBLEMS.append(f"sigterm: exit code {code}, {client.failures} requests failed once sent")
    print(f"sigterm: exit code {code} after {stopped:.1f} s; {len(client.latencies)} requests, {client.failures} "
          f"failed once sent, {client.refused} connections refused after the listener closed (a client goes "
          f"elsewhere), {client.retried} new connections reset before an answer and retried; clean stop logged: "
          f"{bool(drain)}")
    service.log.close()
    shutil.rmtree(service.dir, ignore_errors=True)


# what the scenarios found wrong: the suite exits non-zero when any (figures are printed, never judged)
PROBLEMS = []

SCENARIOS = {"large-bodies": large_bodies, "slow-headers": slow_headers,
             "redis-frozen": lambda jar, port, seconds: redis_outage(jar, port, seconds, "frozen"),
             "redis-killed": lambda jar, port, seconds: redis_outage(jar, port, seconds, "killed"),
             "postgres-outage": postgres_outage, "quiet-postgres": quiet_postgres, "quiet-redis": quiet_redis,
             "behind-haproxy": behind_haproxy, "sigterm": sigterm, "soak": soak}


def main():
    # 2,000 idle connections need descriptors on both ends
    import resource
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536), hard))
    args = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    if not args:
        raise SystemExit(__doc__)
    seconds = 5 if "--short" in sys.argv else 20
    # the soak runs only when asked for (10 minutes; --short: 150 s)
    jar, chosen = args[0], args[1:] or [name for name in SCENARIOS if name != "soak"]
    for offset, name in enumerate(chosen):
        SCENARIOS[name](jar, 18400 + offset, seconds)
    if PROBLEMS:
        raise SystemExit("fault suite FAILED: " + "; ".join(PROBLEMS))


if __name__ == "__main__":
    main()
