"""A one-line progress bar on standard error: documents done, documents per second, ETA.

It draws only on a terminal, and stays silent in pipes, in files and when ``CI`` is set,
so logs and captured output never fill with carriage returns. The total may arrive late
(counted in a background thread while the work starts); until then the bar shows the
count and the rate without an ETA::

    with Progress(total=None) as bar:
        bar.count_in_background(lambda: count_documents(inputs))
        for doc in docs:
            ...
            bar.update()
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import TextIO


def should_show(stream: TextIO | None = None) -> bool:
    """True on an interactive terminal outside CI."""
    stream = stream or sys.stderr
    if os.environ.get("CI"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def format_duration(seconds: float) -> str:
    """``75`` → ``'1m 15s'``; ``3725`` → ``'1h 02m'``."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m {seconds % 60:02d}s"
    return f"{seconds // 3600}h {seconds % 3600 // 60:02d}m"


class Progress:
    """Counts work done and, when enabled, redraws one line at most every ``interval`` seconds.

    ``enabled=None`` decides by :func:`should_show`. Disabled, it still counts (``done``,
    ``rate``) but writes nothing.
    """

    def __init__(self, total: int | None = None, *, unit: str = "docs", stream: TextIO | None = None,
                 enabled: bool | None = None, interval: float = 0.2, window: float = 10.0,
                 clock: Callable[[], float] = time.monotonic):
        self.stream = stream or sys.stderr
        self.enabled = should_show(self.stream) if enabled is None else enabled
        self.total = total
        self.unit = unit
        self.done = 0
        self.interval = interval
        self.window = window
        self._clock = clock
        self.started = clock()
        self._last_draw = 0.0
        # (time, done) samples; the first is taken at the first update, so the time spent
        # starting up (loading the model, starting workers) does not drag the rate down.
        self._samples: deque[tuple[float, int]] = deque()
        self._drawn = False
        self._lock = threading.Lock()

    # ------------------------------------------------------------ counting
    def update(self, n: int = 1) -> None:
        self.done += n
        now = self._clock()
        if not self._samples:
            self._samples.append((now, self.done))
        elif now - self._samples[-1][0] >= 0.5:
            self._samples.append((now, self.done))
            while len(self._samples) > 2 and now - self._samples[1][0] > self.window:
                self._samples.popleft()
        if self.enabled and now - self._last_draw >= self.interval:
            self._draw(now)

    def set_total(self, total: int | None) -> None:
        with self._lock:
            self.total = total

    def count_in_background(self, count: Callable[[], int | None]) -> threading.Thread:
        """Run ``count()`` in a daemon thread and take its result as the total.

        Counting failures are ignored: the work itself reports bad input properly.
        """
        def run():
            try:
                total = count()
            except Exception:  # noqa: BLE001 - the reader raises the real error
                return
            if total is not None:
                self.set_total(max(total, self.done))

        t = threading.Thread(target=run, name="kg-progress-count", daemon=True)
        if self.enabled:  # nobody would see the ETA
            t.start()
        return t

    # ------------------------------------------------------------ figures
    @property
    def elapsed(self) -> float:
        return self._clock() - self.started

    @property
    def rate(self) -> float:
        """Units a second over the last ``window`` seconds; 0.0 until half a second of work is seen."""
        if not self._samples:
            return 0.0
        now = self._clock()
        t0, n0 = self._samples[0]
        if now - t0 < 0.5:
            return 0.0
        return (self.done - n0) / (now - t0)

    def eta(self) -> float | None:
        rate = self.rate
        if self.total is None or rate <= 0:
            return None
        return max(self.total - self.done, 0) / rate

    def line(self, width: int = 80) -> str:
        """The text of the bar, at most ``width`` characters."""
        rate = self.rate
        total = self.total
        parts = []
        if total:
            frac = min(self.done / total, 1.0)
            bar_w = 20
            filled = int(frac * bar_w)
            parts.append(f"{self.done:,}/{total:,} {self.unit} [{'#' * filled}{'.' * (bar_w - filled)}] "
                         f"{frac:4.0%}")
        else:
            parts.append(f"{self.done:,} {self.unit}")
        parts.append(f"{rate:.1f} {self.unit}/s" if rate > 0 else f"-- {self.unit}/s")
        eta = self.eta()
        if eta is not None:
            parts.append(f"ETA {format_duration(eta)}")
        else:
            parts.append(f"{format_duration(self.elapsed)} elapsed")
        return "  ".join(parts)[:width]

    # ------------------------------------------------------------ drawing
    def _width(self) -> int:
        return max(shutil.get_terminal_size((80, 24)).columns - 1, 20)

    def _draw(self, now: float) -> None:
        self._last_draw = now
        self.stream.write("\r" + self.line(self._width()).ljust(self._width()))
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Finish the line with the totals (only if something was drawn)."""
        if self.enabled and self._drawn:
            elapsed = self.elapsed
            rate = self.done / elapsed if elapsed > 0 else 0.0
            text = f"{self.done:,} {self.unit} in {format_duration(elapsed)} ({rate:.1f} {self.unit}/s)"
            self.stream.write("\r" + text.ljust(self._width()) + "\n")
            self.stream.flush()
            self._drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
