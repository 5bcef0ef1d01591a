"""The progress bar: figures from a fake clock, drawn on terminals only, silent in pipes and CI."""

from __future__ import annotations

import io

import pytest

from kg.progress import Progress, format_duration, should_show


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_rate_and_eta_ignore_the_start_up_time():
    clock = Clock()
    bar = Progress(total=100, enabled=False, clock=clock)
    clock.now += 30  # loading the model: no document yet
    bar.update()
    assert bar.rate == 0.0 and bar.eta() is None  # too early to tell
    for _ in range(10):
        clock.now += 0.5
        bar.update(2)
    assert bar.done == 21
    assert bar.rate == pytest.approx(4.0)  # 20 documents in 5 s, the 30 s start-up left out
    assert bar.eta() == pytest.approx(79 / 4.0)
    line = bar.line()
    assert line.startswith("21/100 docs [####") and "4.0 docs/s" in line and "ETA 20s" in line


def test_rate_follows_the_recent_window():
    clock = Clock()
    bar = Progress(enabled=False, clock=clock, window=10)
    bar.update()
    for _ in range(60):  # a minute at 10 docs/s...
        clock.now += 1
        bar.update(10)
    for _ in range(20):  # ...then 20 s at 1 doc/s
        clock.now += 1
        bar.update(1)
    assert bar.rate == pytest.approx(1.0, rel=0.2)


def test_unknown_total_shows_count_rate_and_elapsed_time():
    clock = Clock()
    bar = Progress(enabled=False, clock=clock)
    bar.update()
    clock.now += 2
    bar.update(3)
    assert bar.line() == "4 docs  1.5 docs/s  2s elapsed"


def test_drawn_on_a_terminal_and_finished_with_a_summary(monkeypatch):
    monkeypatch.delenv("CI", raising=False)  # CI itself sets it, and the bar stays quiet there
    clock = Clock()
    out = Tty()
    with Progress(total=3, stream=out, clock=clock, enabled=None) as bar:
        assert bar.enabled
        for _ in range(3):
            clock.now += 1
            bar.update()
    text = out.getvalue()
    assert text.startswith("\r1/3 docs")
    assert text.endswith("\n") and "3 docs in 3s (1.0 docs/s)" in text


def test_silent_in_pipes_and_under_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert should_show(Tty()) and not should_show(io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not should_show(Tty())
    out = Tty()
    with Progress(total=2, stream=out) as bar:
        bar.update(2)
    assert out.getvalue() == "" and bar.done == 2


def test_total_counted_in_the_background():
    bar = Progress(enabled=True, stream=Tty())
    bar.count_in_background(lambda: 42).join(5)
    assert bar.total == 42
    failing = Progress(enabled=True, stream=Tty())
    failing.count_in_background(lambda: 1 / 0).join(5)  # the reader reports bad input, not the counter
    assert failing.total is None


def test_the_line_fits_the_width():
    bar = Progress(total=10**9, enabled=False)
    bar.update(123456)
    assert len(bar.line(width=30)) == 30


@pytest.mark.parametrize(("seconds", "text"), [(0, "0s"), (59.4, "59s"), (75, "1m 15s"), (3725, "1h 02m")])
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text
