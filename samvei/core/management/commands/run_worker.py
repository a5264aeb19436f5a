"""`manage.py run_worker`: the background worker, supervised. `make run` and `make serve` start this, not
`db_worker`, so a cut database connection or a crash stops e-mails and indexing for seconds, not for good."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import uuid
from argparse import ArgumentParser
from pathlib import Path
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from samvei.core.worker import recover_abandoned, retry_failed

FIRST_DELAY = 1.0
LONGEST_DELAY = 60.0
# A worker that ran this long before it stopped was healthy: the next restart waits the shortest delay again.
HEALTHY_AFTER = 60.0
CHECK_EVERY = 30.0


class Command(BaseCommand):
    help = "Run the background worker and restart it with back-off whenever it stops."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between the worker's queue checks.")
        parser.add_argument(
            "--max-restarts", type=int, default=None, help="Stop after this many restarts (for tests); default never."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stopping = False
        self.child: subprocess.Popen[bytes] | None = None
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        delay, restarts = FIRST_DELAY, 0
        while not self.stopping:
            self._tidy_queue(dead_worker_ids=None)
            worker_id = f"samvei-{uuid.uuid4().hex[:12]}"
            started = time.monotonic()
            code = self._run_child(worker_id, interval=options["interval"])
            if self.stopping:
                break
            self._tidy_queue(dead_worker_ids=[worker_id])
            delay = FIRST_DELAY if time.monotonic() - started > HEALTHY_AFTER else min(delay * 2, LONGEST_DELAY)
            self.stderr.write(f"The worker stopped (exit code {code}); starting it again in {delay:.0f} s.")
            restarts += 1
            if options["max_restarts"] is not None and restarts > options["max_restarts"]:
                break
            time.sleep(delay)

    def _run_child(self, worker_id: str, *, interval: float) -> int:
        # Without --no-reload, DEBUG turns on the autoreloader: a crash then kills only its thread, the process
        # stays up doing nothing, and the supervisor never learns that it must restart it.
        command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "db_worker", "--no-startup-delay"]
        command += ["--no-reload"]
        command += ["--worker-id", worker_id, "--interval", str(interval)]
        self.child = subprocess.Popen(command)  # noqa: S603 (our own interpreter and manage.py)
        while True:
            try:
                return self.child.wait(timeout=CHECK_EVERY)
            except subprocess.TimeoutExpired:
                self._tidy_queue(dead_worker_ids=None)

    def _tidy_queue(self, *, dead_worker_ids: list[str] | None) -> None:
        """Hands abandoned tasks back and retries failed ones. The database may be the thing that is down: then
        this waits for the next round rather than stopping the supervisor."""
        try:
            close_old_connections()
            recovered = recover_abandoned(dead_worker_ids=dead_worker_ids)
            retried = retry_failed()
        except DatabaseError as error:
            self.stderr.write(f"Could not tidy the queue: {error}")
            return
        if recovered or retried:
            self.stdout.write(f"Queue: {recovered} abandoned task(s) handed back, {retried} failed task(s) retried.")

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True
        if self.child is not None and self.child.poll() is None:
            self.child.send_signal(signal.SIGTERM)
