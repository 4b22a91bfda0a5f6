"""The GNU Health 5.0.6 peer, set up as ../shared/peers/gnuhealth/RECIPE.sh configures it: a private
PostgreSQL 15 cluster on 127.0.0.1:5433 owned by `postgres`, a venv with `gnuhealth==5.0.6
psycopg2-binary gunicorn`, the `health` database initialised by trytond-admin's two calls, gunicorn
with 2 workers on 127.0.0.1:8001, and `setup_data.py`'s professional and patient (ids.json).

Every step is skipped when what it makes is already there, so a second run reuses the first's
setup. The working folder is $GNUHEALTH_PEER_DIR, by default gnuhealth-peer in the system's temporary
folder (the PostgreSQL user must reach its data folder, and root's home is closed to it). `stop()`
ends only the servers this process started and leaves the folder for the next run.

    python bench/gnuhealth.py setup|stop     # by hand, outside `make bench`
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECIPE = Path(os.environ.get("GNUHEALTH_PEER_RECIPE", ROOT.parent / "shared" / "peers" / "gnuhealth"))
FOLDER = Path(os.environ.get("GNUHEALTH_PEER_DIR", Path(tempfile.gettempdir()) / "gnuhealth-peer"))
POSTGRES_BIN = Path("/usr/lib/postgresql/15/bin")
PG_PORT, PORT, WORKERS = 5433, 8001, 2
PACKAGES = ["gnuhealth==5.0.6", "psycopg2-binary", "gunicorn"]
FILES = ["README.md", "RECIPE.sh", "bench.py", "rpc.py", "setup_data.py", "run_gunicorn.sh", "server_log.conf"]


class Peer:
    def __init__(self, folder: Path = FOLDER):
        self.folder = folder
        self.started_postgres = False
        self.gunicorn: subprocess.Popen | None = None
        self.steps: list[str] = []  # what this run had to do (empty: all reused)

    # -- helpers -------------------------------------------------------------------------------
    def run(self, *args: str, postgres: bool = False, timeout: float = 1800, **kw) -> subprocess.CompletedProcess:
        command = ["runuser", "-u", "postgres", "--", *args] if postgres else list(args)
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=self.folder, **kw)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
        return done

    def psql(self, sql: str) -> str:
        return self.run(str(POSTGRES_BIN / "psql"), "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-Atc", sql).stdout.strip()

    def pg_ctl(self, *args: str, check: bool = True) -> int:
        command = ["runuser", "-u", "postgres", "--", str(POSTGRES_BIN / "pg_ctl"), "-D", str(self.folder / "pgdata"),
                   "-l", str(self.folder / "pglog" / "pg.log"), *args]
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
        if check and done.returncode != 0:
            raise RuntimeError(f"pg_ctl {' '.join(args)}: {done.stdout}{done.stderr}")
        return done.returncode

    def answering(self) -> bool:
        """Whether a JSON-RPC server answers on PORT."""
        request = urllib.request.Request(f"http://127.0.0.1:{PORT}/", data=json.dumps({"id": 0, "method": "common.server.version",
                                         "params": []}).encode(), headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=5) as answer:
                return answer.status == 200
        except OSError:
            return False

    # -- the recipe ------------------------------------------------------------------------------
    def setup(self) -> float:
        """Makes or reuses every part of the peer and starts its servers; returns the seconds taken."""
        began = time.monotonic()
        d = self.folder
        for sub in ("log", "attach"):
            (d / sub).mkdir(parents=True, exist_ok=True)
        d.chmod(0o755)
        for name in FILES:
            target = d / name
            if not target.exists() or target.read_bytes() != (RECIPE / name).read_bytes():
                target.unlink(missing_ok=True)
                shutil.copy(RECIPE / name, target)
                target.chmod(0o755 if name.endswith(".sh") else 0o644)
        # 1) PostgreSQL 15, a private cluster on 127.0.0.1:5433
        if not (POSTGRES_BIN / "initdb").exists():
            self.steps.append("apt-get install postgresql")
            self.run("apt-get", "update", "-q")
            self.run("apt-get", "install", "-y", "-q", "postgresql", "libpq-dev")
        if not (d / "pgdata" / "PG_VERSION").exists():
            self.steps.append("initdb")
            for sub in ("pgdata", "pgsock", "pglog"):
                (d / sub).mkdir(exist_ok=True)
                shutil.chown(d / sub, "postgres", "postgres")
            self.run(str(POSTGRES_BIN / "initdb"), "-D", str(d / "pgdata"), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                     "--locale=C.UTF-8", postgres=True)
            with open(d / "pgdata" / "postgresql.conf", "a") as conf:
                conf.write(f"listen_addresses='127.0.0.1'\nport={PG_PORT}\nunix_socket_directories='{d}/pgsock'\nshared_buffers=512MB\n")
        if self.pg_ctl("status", check=False) != 0:
            self.pg_ctl("-w", "start")
            self.started_postgres = True
        if self.psql("select 1 from pg_roles where rolname='gnuhealth'") != "1":
            self.steps.append("role and database")
            self.psql("CREATE ROLE gnuhealth LOGIN PASSWORD 'gnuhealth' CREATEDB")
            self.psql("CREATE DATABASE health OWNER gnuhealth ENCODING 'UTF8' TEMPLATE template0")
        # 2) the venv and its packages
        installed = d / "venv" / ".bench-installed"
        if not installed.exists() or installed.read_text() != " ".join(PACKAGES):
            self.steps.append("venv and pip install")
            if not (d / "venv" / "bin" / "python").exists():
                self.run(sys.executable if sys.prefix == sys.base_prefix else "python3", "-m", "venv", str(d / "venv"))
            self.run(str(d / "venv" / "bin" / "pip"), "install", "-q", *PACKAGES)
            installed.write_text(" ".join(PACKAGES))
        (d / "trytond.conf").write_text(f"[database]\nuri = postgresql://gnuhealth:gnuhealth@127.0.0.1:{PG_PORT}/\npath = {d}/attach\n"
                                        f"[web]\nlisten = 127.0.0.1:8000\n[session]\ntimeout = 36000\n")
        # 3) the database, by the two trytond-admin calls gnuhealth-control makes
        initialised = d / ".bench-initialised"
        if not initialised.exists():
            self.steps.append("trytond-admin")
            (d / "adminpass").write_text("admin")
            (d / "adminpass").chmod(0o600)
            admin = str(d / "venv" / "bin" / "trytond-admin")
            self.run(admin, "-c", "trytond.conf", "-d", "health", "--all", "--email", "admin@example.com",
                     env={**os.environ, "TRYTONPASSFILE": str(d / "adminpass")})
            self.run(admin, "-c", "trytond.conf", "-d", "health", "-u", "health", "--activate-dependencies")
            initialised.touch()
        # 4) gunicorn, 2 sync workers on :8001 (trytond's own server on :8000 is not needed here)
        if not self.answering():
            self.gunicorn = subprocess.Popen([str(d / "run_gunicorn.sh"), str(WORKERS), str(PORT)], cwd=d, start_new_session=True,
                                             stdout=open(d / "log" / "gunicorn.out", "ab"), stderr=subprocess.STDOUT,
                                             env={**os.environ, "GNUHEALTH_PEER_DIR": str(d)})
            deadline = time.monotonic() + 120
            while not self.answering():
                if self.gunicorn.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start; see {d}/log/gunicorn.log")
                time.sleep(0.5)
        # 5) a health professional and a patient (setup_data.py talks to :8000; point it at gunicorn)
        if not (d / "ids.json").exists():
            self.steps.append("setup_data.py")
            self.run(str(d / "venv" / "bin" / "python"), "-c",
                     f"import rpc; rpc.Client.__init__.__defaults__ = ('127.0.0.1', {PORT}, 'health'); "
                     "exec(open('setup_data.py').read())")
        return time.monotonic() - began

    def ids(self) -> dict:
        return json.loads((self.folder / "ids.json").read_text())

    def stop(self) -> None:
        """Ends the servers this run started; the data folder stays for the next run."""
        if self.gunicorn is not None:
            if self.gunicorn.poll() is None:
                os.killpg(self.gunicorn.pid, 15)
                try:
                    self.gunicorn.wait(30)
                except subprocess.TimeoutExpired:
                    os.killpg(self.gunicorn.pid, 9)
                    self.gunicorn.wait()
            self.gunicorn = None
        if self.started_postgres:
            self.pg_ctl("-m", "fast", "-w", "stop", check=False)
            self.started_postgres = False


if __name__ == "__main__":
    peer = Peer()
    if sys.argv[1:] == ["setup"]:
        seconds = peer.setup()
        print(f"GNU Health peer ready in {seconds:.0f} s at {peer.folder}; did: {', '.join(peer.steps) or 'nothing (reused)'}")
    elif sys.argv[1:] == ["stop"]:
        # Started by another process: end gunicorn by its pid file, and the cluster.
        pid = FOLDER / "gunicorn.pid"
        if pid.exists():
            os.kill(int(pid.read_text()), 15)
        peer.started_postgres = True
        peer.stop()
    else:
        sys.exit(__doc__)
